package org.openxpo.driver.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.openxpo.driver.module.Registers.f;

/**
 * Every latched flag of the XPO map as a named alarm, with its severity and mask: the table the driver decodes flag
 * bytes with. Names drop CMIS's "Flag" suffix and put the direction first ("FailureFlagTx" is "TxFailure"); nibble
 * flags (bit0 HighAlarm, bit1 LowAlarm, bit2 HighWarning, bit3 LowWarning) give four alarms each.
 *
 * <p>Severity where CMIS only says "flag": Tx failure, LOS and CDR loss of lock, firmware errors, leak and power-good
 * loss are alarms; adaptive-EQ failure, leak-sensor failure and the mating-cycle warning are warnings; state-change
 * and CDB-complete flags are informational ({@link Definition#event()}: they report a moment, not a condition).
 */
public final class AlarmCatalog {
    private AlarmCatalog() {}

    /**
     * One alarm: the latched field it lives in and the bit inside a 4-bit nibble ({@code -1} for a 1-bit flag).
     */
    public record Definition(String name, Severity severity, Alarm.Source source, Field flag, int bit,
                             String description) {
        /** Informational flags report a moment (one-shot), not a condition that stays active. */
        public boolean event() { return severity == Severity.INFO; }

        /** True for per-lane flags of page 11h. */
        public boolean perLane() { return source == Alarm.Source.LANE; }

        /** The mask field of the flag (CMIS puts the same bit in the mask byte: 1 = no interrupt). */
        public Field mask() { return f(flag.name().replaceFirst("Flag", "Mask")); }

        /** True when the flag is set in a window read from its page; {@code index} is the lane index in the bank. */
        public boolean isSet(byte[] window, int index) {
            long v = flag.get(window, perLane() ? index : 0);
            return bit < 0 ? v != 0 : ((v >>> bit) & 1) != 0;
        }

        Alarm alarm(Integer lane) { return new Alarm(name, severity, source, lane, description); }
    }

    private static final List<String> KINDS = XpoPages.THRESHOLD_KINDS;
    private static final List<Definition> LOWER = lower(), LANE = lane(), XPO = xpo();
    private static final List<Definition> ALL = List.copyOf(concat());

    private static List<Definition> concat() {
        List<Definition> all = new ArrayList<>(LOWER);
        all.addAll(LANE);
        all.addAll(XPO);
        all.forEach(Definition::mask);  // every flag must have its mask declared: fail at class load, not at use
        return all;
    }

    private static Definition one(String name, Severity s, Alarm.Source src, String flag, String text) {
        return new Definition(name, s, src, f(flag), -1, text);
    }

    private static Definition event(String name, Alarm.Source src, String flag, String text) {
        return new Definition(name, Severity.INFO, src, f(flag), -1, text);
    }

    /** HighAlarm, LowAlarm, HighWarning, LowWarning of a 4-bit flag field. */
    private static void nibble(List<Definition> out, String prefix, Alarm.Source src, String flag, String what) {
        for (int k = 0; k < 4; k++) {
            String kind = KINDS.get(k);
            out.add(new Definition(prefix + kind, kind.endsWith("Alarm") ? Severity.ALARM : Severity.WARNING, src,
                f(flag), k, what + " " + words(kind)));
        }
    }

    /** HighAlarm..LowWarning of a per-lane monitor: four 1-bit flag fields. */
    private static void laneKinds(List<Definition> out, String prefix, String what) {
        for (String kind : KINDS) {
            out.add(one(prefix + kind, kind.endsWith("Alarm") ? Severity.ALARM : Severity.WARNING, Alarm.Source.LANE,
                prefix + kind + "Flag", what + " " + words(kind)));
        }
    }

    private static String words(String kind) { return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT); }

    private static List<Definition> lower() {
        Alarm.Source m = Alarm.Source.MODULE;
        List<Definition> out = new ArrayList<>();
        out.add(event("ModuleStateChanged", m, "ModuleStateChangedFlag", "module state changed"));
        out.add(one("ModuleFirmwareError", Severity.ALARM, m, "ModuleFirmwareErrorFlag", "module firmware error"));
        out.add(one("DataPathFirmwareError", Severity.ALARM, m, "DataPathFirmwareErrorFlag", "data-path firmware error"));
        out.add(event("CdbCommandComplete1", m, "CdbCmdCompleteFlag1", "CDB instance 1 command complete"));
        out.add(event("CdbCommandComplete2", m, "CdbCmdCompleteFlag2", "CDB instance 2 command complete"));
        nibble(out, "Temp", m, "TempFlags", "module temperature");
        nibble(out, "Vcc", m, "VccFlags", "3.3 V supply");
        nibble(out, "Aux1", m, "Aux1Flags", "Aux1 monitor");
        nibble(out, "Aux2", m, "Aux2Flags", "Aux2 monitor");
        nibble(out, "Aux3", m, "Aux3Flags", "Aux3 monitor");
        nibble(out, "CustomMon", m, "CustomMonFlags", "custom monitor");
        return List.copyOf(out);
    }

    private static List<Definition> lane() {
        Alarm.Source l = Alarm.Source.LANE;
        List<Definition> out = new ArrayList<>();
        out.add(event("DataPathStateChanged", l, "DPStateChangedFlag", "data-path state changed"));
        out.add(one("TxFailure", Severity.ALARM, l, "FailureFlagTx", "Tx failure (laser fault)"));
        out.add(one("TxLos", Severity.ALARM, l, "LosFlagTx", "Tx input loss of signal"));
        out.add(one("TxCdrLol", Severity.ALARM, l, "CdrLolFlagTx", "Tx CDR loss of lock"));
        out.add(one("TxAdaptiveEqFail", Severity.WARNING, l, "AdaptiveInputEqFailFlagTx", "Tx adaptive input EQ failed"));
        laneKinds(out, "TxPower", "Tx optical power");
        laneKinds(out, "TxBias", "Tx laser bias");
        out.add(one("RxLos", Severity.ALARM, l, "LosFlagRx", "Rx loss of signal"));
        out.add(one("RxCdrLol", Severity.ALARM, l, "CdrLolFlagRx", "Rx CDR loss of lock"));
        laneKinds(out, "RxPower", "Rx optical power");
        out.add(event("RxOutputStatusChanged", l, "OutputStatusChangedFlagRx", "Rx output status changed"));
        return List.copyOf(out);
    }

    private static List<Definition> xpo() {
        List<Definition> out = new ArrayList<>();
        for (XpoPages.Monitor mon : XpoPages.Monitor.values()) {
            Alarm.Source src = mon.isPower() ? Alarm.Source.POWER : Alarm.Source.COOLING;
            nibble(out, mon.valueField(), src, mon.flagsField(), mon.description());
        }
        out.add(one("PowerGoodLost", Severity.ALARM, Alarm.Source.POWER, "PowerGoodLostFlag",
            "50 V input left its operating range"));
        out.add(one("MatingCyclesWarning", Severity.WARNING, Alarm.Source.COOLING, "MatingCyclesWarningFlag",
            "quick-connect mating cycles reached 90 % of the rating"));
        out.add(one("LeakSensorFault", Severity.WARNING, Alarm.Source.COOLING, "LeakSensorFaultFlag", "leak sensor failed"));
        out.add(one("Leak", Severity.ALARM, Alarm.Source.COOLING, "LeakFlag", "coolant leak detected"));
        return List.copyOf(out);
    }

    /** Every alarm the driver knows, lower page first, then lane flags, then the XPO page. */
    public static List<Definition> all() { return ALL; }

    /** An alarm by name, ignoring case. */
    public static Optional<Definition> find(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Alarms set in a lower-page window (bytes 8–11 read). */
    public static List<Alarm> decodeLower(byte[] lower) {
        List<Alarm> out = new ArrayList<>();
        for (Definition d : LOWER) if (d.isSet(lower, 0)) out.add(d.alarm(null));
        return out;
    }

    /** Alarms set in a page 11h window of {@code bank} (bytes 134–153 read), lane by lane. */
    public static List<Alarm> decodeBank(byte[] page11, int bank) {
        List<Alarm> out = new ArrayList<>();
        for (int i = 0; i < MemoryMap.LANES_PER_BANK; i++) {
            for (Definition d : LANE) if (d.isSet(page11, i)) out.add(d.alarm(Lanes.lane(bank, i)));
        }
        return out;
    }

    /** Alarms set in a page B0h window (bytes 160–165 read). */
    public static List<Alarm> decodeXpo(byte[] b0) {
        List<Alarm> out = new ArrayList<>();
        for (Definition d : XPO) if (d.isSet(b0, 0)) out.add(d.alarm(null));
        return out;
    }
}
