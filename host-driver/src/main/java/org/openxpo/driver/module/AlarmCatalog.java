package org.openxpo.driver.module;

import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.openxpo.protocol.map.LaneStatusPage.*;
import static org.openxpo.protocol.map.LowerPage.*;
import static org.openxpo.protocol.map.XpoPages.*;

/**
 * Every latched flag of the XPO map as a named alarm, with its severity and mask: the table the driver decodes flag
 * bytes with. Names drop CMIS's "Flag" suffix and put the direction first ("FailureFlagTx" is "TxFailure"); nibble
 * flags (one bit per {@link ThresholdKind}: bit0 HighAlarm, bit1 LowAlarm, bit2 HighWarning, bit3 LowWarning) give
 * four alarms each, as do the four 1-bit threshold flags of a lane monitor. The mask of each flag is the one the map
 * declares for it ({@link MemoryMap#maskOf}).
 *
 * <p>Severity where CMIS only says "flag": Tx failure, LOS and CDR loss of lock, firmware errors, leak and power-good
 * loss are alarms; adaptive-EQ failure, leak-sensor failure and the mating-cycle warning are warnings; state-change
 * and CDB-complete flags are informational ({@link Definition#event()}: they report a moment, not a condition).
 * Threshold flags take the severity of their kind ({@link ThresholdKind#severity()}).
 */
public final class AlarmCatalog {
    private AlarmCatalog() {}

    private static final MemoryMap MAP = MemoryMap.xpo();

    /**
     * One alarm: the latched field it lives in and the bit inside a 4-bit nibble ({@code -1} for a 1-bit flag).
     */
    public record Definition(String name, Severity severity, Alarm.Source source, Field flag, int bit,
                             String description) {
        /** Informational flags report a moment (one-shot), not a condition that stays active. */
        public boolean event() { return severity == Severity.INFO; }

        /** True for per-lane flags: page 11h, and the lane flags of page 14h. */
        public boolean perLane() {
            return source == Alarm.Source.LANE || (source == DIAG && flag.count() == Lanes.PER_BANK);
        }

        /** The mask field of the flag (CMIS puts the same bit in the mask byte: 1 = no interrupt). */
        public Field mask() {
            return MAP.maskOf(flag).orElseThrow(() -> new IllegalStateException(flag.name() + " has no mask in the map"));
        }

        /** True when the flag is set in a window read from its page; {@code index} is the lane index in the bank. */
        public boolean isSet(byte[] window, int index) {
            long v = flag.get(window, perLane() ? index : 0);
            return bit < 0 ? v != 0 : ((v >>> bit) & 1) != 0;
        }

        Alarm alarm(Integer lane) { return new Alarm(name, severity, source, lane, description); }
    }

    private static final Alarm.Source MODULE = Alarm.Source.MODULE, LANE = Alarm.Source.LANE,
        POWER = Alarm.Source.POWER, COOLING = Alarm.Source.COOLING, DIAG = Alarm.Source.DIAGNOSTICS;

    private static final List<Definition> LOWER = table(
        event("ModuleStateChanged", MODULE, MODULE_STATE_CHANGED_FLAG, "module state changed"),
        one("ModuleFirmwareError", Severity.ALARM, MODULE, MODULE_FIRMWARE_ERROR_FLAG, "module firmware error"),
        one("DataPathFirmwareError", Severity.ALARM, MODULE, DATA_PATH_FIRMWARE_ERROR_FLAG, "data-path firmware error"),
        event("CdbCommandComplete1", MODULE, CDB_CMD_COMPLETE_FLAG1, "CDB instance 1 command complete"),
        event("CdbCommandComplete2", MODULE, CDB_CMD_COMPLETE_FLAG2, "CDB instance 2 command complete"),
        nibble(ThresholdMonitor.TEMP, TEMP_FLAGS, "module temperature"),
        nibble(ThresholdMonitor.VCC, VCC_FLAGS, "3.3 V supply"),
        nibble("Aux1", MODULE, AUX1_FLAGS, "Aux1 monitor"),
        nibble("Aux2", MODULE, AUX2_FLAGS, "Aux2 monitor"),
        nibble("Aux3", MODULE, AUX3_FLAGS, "Aux3 monitor"),
        nibble("CustomMon", MODULE, CUSTOM_MON_FLAGS, "custom monitor"));

    private static final List<Definition> LANE_FLAGS = table(
        event("DataPathStateChanged", LANE, DP_STATE_CHANGED_FLAG, "data-path state changed"),
        one("TxFailure", Severity.ALARM, LANE, FAILURE_FLAG_TX, "Tx failure (laser fault)"),
        one("TxLos", Severity.ALARM, LANE, LOS_FLAG_TX, "Tx input loss of signal"),
        one("TxCdrLol", Severity.ALARM, LANE, CDR_LOL_FLAG_TX, "Tx CDR loss of lock"),
        one("TxAdaptiveEqFail", Severity.WARNING, LANE, ADAPTIVE_INPUT_EQ_FAIL_FLAG_TX, "Tx adaptive input EQ failed"),
        laneKinds(ThresholdMonitor.TX_POWER, "Tx optical power"),
        laneKinds(ThresholdMonitor.TX_BIAS, "Tx laser bias"),
        one("RxLos", Severity.ALARM, LANE, LOS_FLAG_RX, "Rx loss of signal"),
        one("RxCdrLol", Severity.ALARM, LANE, CDR_LOL_FLAG_RX, "Rx CDR loss of lock"),
        laneKinds(ThresholdMonitor.RX_POWER, "Rx optical power"),
        event("RxOutputStatusChanged", LANE, OUTPUT_STATUS_CHANGED_FLAG_RX, "Rx output status changed"));

    /**
     * The PRBS flags of page 14h (masked on 13h), source {@code diagnostics}: the flag reader decodes them like every
     * other latched flag (they assert IntL), so a monitor running beside a PRBS run reports them and the diagnostics
     * API's results see only what latched since. Loss of lock is a warning: during bring-up an unlocked checker is
     * expected until its pattern arrives.
     */
    private static final List<Definition> DIAGNOSTICS = table(
        one("LossOfReferenceClock", Severity.ALARM, DIAG, DiagnosticsPages.LOSS_OF_REFERENCE_CLOCK_FLAG,
            "PRBS reference clock lost"),
        event("HostGatingComplete", DIAG, DiagnosticsPages.HOST_GATING_COMPLETE_FLAG, "host PRBS checker gating period complete"),
        event("MediaGatingComplete", DIAG, DiagnosticsPages.MEDIA_GATING_COMPLETE_FLAG, "media PRBS checker gating period complete"),
        one("HostGeneratorLol", Severity.WARNING, DIAG, DiagnosticsPages.HOST_GENERATOR_LOL_FLAG, "host PRBS generator loss of lock"),
        one("MediaGeneratorLol", Severity.WARNING, DIAG, DiagnosticsPages.MEDIA_GENERATOR_LOL_FLAG, "media PRBS generator loss of lock"),
        one("HostCheckerLol", Severity.WARNING, DIAG, DiagnosticsPages.HOST_CHECKER_LOL_FLAG, "host PRBS checker loss of lock"),
        one("MediaCheckerLol", Severity.WARNING, DIAG, DiagnosticsPages.MEDIA_CHECKER_LOL_FLAG, "media PRBS checker loss of lock"));

    private static final List<Definition> XPO = table(
        xpoMonitors(),
        one("PowerGoodLost", Severity.ALARM, POWER, POWER_GOOD_LOST_FLAG, "50 V input left its operating range"),
        one("MatingCyclesWarning", Severity.WARNING, COOLING, MATING_CYCLES_WARNING_FLAG,
            "quick-connect mating cycles reached 90 % of the rating"),
        one("LeakSensorFault", Severity.WARNING, COOLING, LEAK_SENSOR_FAULT_FLAG, "leak sensor failed"),
        one("Leak", Severity.ALARM, COOLING, LEAK_FLAG, "coolant leak detected"));

    private static final List<Definition> ALL = concat();

    private static List<Definition> concat() {
        List<Definition> all = new ArrayList<>(LOWER);
        all.addAll(LANE_FLAGS);
        all.addAll(DIAGNOSTICS);
        all.addAll(XPO);
        all.forEach(Definition::mask);  // every flag must have its mask declared: fail at class load, not at use
        return List.copyOf(all);
    }

    @SafeVarargs
    private static List<Definition> table(List<Definition>... rows) {
        List<Definition> out = new ArrayList<>();
        for (List<Definition> r : rows) out.addAll(r);
        return List.copyOf(out);
    }

    private static List<Definition> one(String name, Severity s, Alarm.Source src, Field flag, String text) {
        return List.of(new Definition(name, s, src, flag, -1, text));
    }

    private static List<Definition> event(String name, Alarm.Source src, Field flag, String text) {
        return one(name, Severity.INFO, src, flag, text);
    }

    /** The nibble of a monitor whose thresholds the driver reports, under its name ({@link ThresholdMonitor}). */
    private static List<Definition> nibble(ThresholdMonitor mon, Field flags, String what) {
        return nibble(mon.name(), mon.source(), flags, what);
    }

    /** The four kinds of a 4-bit flag field, each on its bit ({@link ThresholdKind#flagBit()}). */
    private static List<Definition> nibble(String prefix, Alarm.Source src, Field flags, String what) {
        List<Definition> out = new ArrayList<>();
        for (ThresholdKind kind : ThresholdKind.values()) {
            out.add(new Definition(prefix + kind.cmisName(), severity(kind), src, flags, kind.flagBit(),
                what + " " + words(kind)));
        }
        return out;
    }

    /** The four kinds of a per-lane monitor: the 1-bit flag field the map declares for each ({@link ThresholdSet#flag}). */
    private static List<Definition> laneKinds(ThresholdMonitor mon, String what) {
        List<Definition> out = new ArrayList<>();
        for (ThresholdKind kind : ThresholdKind.values()) {
            Field flag = mon.thresholds().flag(kind)
                .orElseThrow(() -> new IllegalStateException(mon.name() + " has no lane flags"));
            out.add(new Definition(mon.name() + kind.cmisName(), severity(kind), mon.source(), flag, -1,
                what + " " + words(kind)));
        }
        return out;
    }

    /** The nibbles of the XPO monitors on B0h: 50 V input monitors are power alarms, the rest cooling alarms. */
    private static List<Definition> xpoMonitors() {
        List<Definition> out = new ArrayList<>();
        for (XpoPages.Monitor mon : XpoPages.Monitor.values()) {
            out.addAll(nibble(ThresholdMonitor.xpo(mon), mon.flags(), mon.description()));
        }
        return out;
    }

    private static Severity severity(ThresholdKind kind) {
        return switch (kind.severity()) {
            case ALARM -> Severity.ALARM;
            case WARNING -> Severity.WARNING;
        };
    }

    /** "high alarm" for HighAlarm. */
    private static String words(ThresholdKind kind) {
        return kind.cmisName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /**
     * The alarms of latched VDM flags (2Ch): their names come from the module's layout, not from this table — the
     * observable's SONiC name in CamelCase and the kind ("EsnrMediaInputLowAlarm"), source {@code vdm}, the lane (null
     * for a module-level observable), alarm or warning as the kind says.
     */
    public static List<Alarm> decodeVdm(List<org.openxpo.driver.vdm.VdmFlag> flags) {
        List<Alarm> out = new ArrayList<>();
        for (org.openxpo.driver.vdm.VdmFlag f : flags) {
            int lane = f.observable().lane();
            String what = f.observable().type().map(t -> t.cmisName()).orElse("VDM type " + f.observable().descriptor().typeId());
            out.add(new Alarm(f.name(), severity(f.kind()), Alarm.Source.VDM, lane == 0 ? null : lane,
                what + " " + words(f.kind())));
        }
        return out;
    }

    /** Every alarm the driver knows, lower page first, then lane flags, the diagnostics flags, the XPO page. */
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
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            for (Definition d : LANE_FLAGS) if (d.isSet(page11, i)) out.add(d.alarm(Lanes.lane(bank, i)));
        }
        return out;
    }

    /** Alarms set in a page 14h window of {@code bank} (bytes 132–139 read): lane flags by lane, the rest per bank. */
    public static List<Alarm> decodeDiagnostics(byte[] page14, int bank) {
        List<Alarm> out = new ArrayList<>();
        for (Definition d : DIAGNOSTICS) {
            if (!d.perLane()) {
                if (d.isSet(page14, 0)) out.add(d.alarm(null));
                continue;
            }
            for (int i = 0; i < Lanes.PER_BANK; i++) if (d.isSet(page14, i)) out.add(d.alarm(Lanes.lane(bank, i)));
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
