package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

import org.openxpo.protocol.units.Unit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The project-defined XPO pages (CMIS leaves B0h–FFh custom): B0h carries the 50 V input and liquid-cooling monitors,
 * their latched flags and masks; B1h their thresholds. Flags use the CMIS nibble of page 00h byte 9 (bit0 HighAlarm,
 * bit1 LowAlarm, bit2 HighWarning, bit3 LowWarning); two monitors share a flag byte, the first in bits 3-0.
 * The per-monitor fields are reached through {@link Monitor} ({@code Monitor.COOLANT_FLOW.value()}), the others are
 * constants named after their CMIS-style names.
 */
public final class XpoPages {
    private XpoPages() {}

    /** The XPO monitors in flag/threshold order, with their unit. */
    public enum Monitor {
        INPUT_VOLTAGE("InputVoltage", VOLTS_1MV, "50 V input voltage"),
        INPUT_CURRENT("InputCurrent", AMPS_1MA, "input current"),
        INPUT_POWER("InputPower", WATTS_10MW, "input power"),
        COOLANT_INLET_TEMP("CoolantInletTemp", CELSIUS, "coolant inlet temperature"),
        COOLANT_OUTLET_TEMP("CoolantOutletTemp", CELSIUS, "coolant outlet temperature"),
        COOLANT_FLOW("CoolantFlow", LPM_1ML, "coolant flow"),
        COLD_PLATE_TEMP("ColdPlateTemp", CELSIUS, "cold-plate temperature"),
        CARD_A_HOT_ZONE_TEMP("CardAHotZoneTemp", CELSIUS, "paddle card A hot-zone temperature"),
        CARD_A_COLD_ZONE_TEMP("CardAColdZoneTemp", CELSIUS, "paddle card A cold-zone temperature"),
        CARD_B_HOT_ZONE_TEMP("CardBHotZoneTemp", CELSIUS, "paddle card B hot-zone temperature"),
        CARD_B_COLD_ZONE_TEMP("CardBColdZoneTemp", CELSIUS, "paddle card B cold-zone temperature");

        private final String fieldName;
        private final Unit unit;
        private final String what;

        Monitor(String fieldName, Unit unit, String what) {
            this.fieldName = fieldName;
            this.unit = unit;
            this.what = what;
        }

        /** The live value on B0h. */
        public Field value() { return VALUES.get(this); }
        /** The 4-bit latched flags on B0h (bit per {@link ThresholdKind#flagBit()}). */
        public Field flags() { return FLAGS.get(this); }
        /** The 4-bit masks of {@link #flags()} on B0h. */
        public Field masks() { return MASKS.get(this); }
        /** The four thresholds on B1h. */
        public ThresholdSet thresholds() { return THRESHOLD_SETS.get(this); }
        /** The CMIS-style name of the value; its flags, masks and thresholds are declared with it as prefix. */
        public String cmisName() { return fieldName; }
        public Unit unit() { return unit; }
        public String description() { return what; }
        /** True for the monitors that feed XpoPowerFlagsSummary (the rest feed the cooling summary). */
        public boolean isPower() { return ordinal() <= INPUT_POWER.ordinal(); }

        int valueOffset() { return 128 + 2 * ordinal(); }
        int flagOffset() { return FLAGS_BASE + ordinal() / 2; }
        int flagBit() { return (ordinal() % 2) * 4; }
        int thresholdOffset() { return 128 + 8 * ordinal(); }
    }

    static final int FLAGS_BASE = 160;
    static final int MASKS_BASE = 168;

    static final PageBuilder TELEMETRY_PAGE = new PageBuilder(Pages.XPO_TELEMETRY, 0, "XPO power and cooling telemetry",
        "50 V input and liquid-cooling monitors, leak and quick-connect status, latched flags (160–165), masks (168–173)");
    static final PageBuilder THRESHOLDS_PAGE = new PageBuilder(Pages.XPO_THRESHOLDS, 0, "XPO power and cooling thresholds",
        "HA, LA, HW, LW thresholds for every B0h monitor; checksum at 255");

    // ------------------------------------------------------------------ B0h: telemetry

    private static final Map<Monitor, Field> VALUES = perMonitor(m ->
        TELEMETRY_PAGE.bytes(m.cmisName(), m.valueOffset(), 2, RO, m.unit(), m.description()));
    public static final Field LEAK_SENSOR_FAULT =
        TELEMETRY_PAGE.bit("LeakSensorFault", 150, 1, RO, "1 = the leak sensor itself has failed");
    public static final Field LEAK_DETECTED =
        TELEMETRY_PAGE.bit("LeakDetected", 150, 0, RO, "1 = coolant leak detected now");
    public static final Field POWER_GOOD =
        TELEMETRY_PAGE.bit("PowerGood", 151, 0, RO, "1 = the 50 V input is inside its operating range (mirrors the PowerGood pin)");
    public static final Field MATING_CYCLES =
        TELEMETRY_PAGE.bytes("MatingCycles", 152, 2, RO, COUNT, "liquid quick-connect mating cycles so far");
    public static final Field MATING_CYCLES_RATED =
        TELEMETRY_PAGE.bytes("MatingCyclesRated", 154, 2, RO, COUNT, "rated quick-connect mating cycles");
    public static final Field MAX_POWER_XPO =
        TELEMETRY_PAGE.bytes("MaxPowerXpo", 156, 2, RO, WATTS_10MW, "advertised maximum module power (the real figure behind 00h:201)");
    private static final Map<Monitor, Field> FLAGS = perMonitor(m ->
        TELEMETRY_PAGE.bits(m.cmisName() + "Flags", m.flagOffset(), m.flagBit() + 3, m.flagBit(), COR, BITS,
            "latched " + m.description() + " flags: bit0 HA, bit1 LA, bit2 HW, bit3 LW"));
    public static final Field POWER_GOOD_LOST_FLAG =
        TELEMETRY_PAGE.bit("PowerGoodLostFlag", 165, 7, COR, "latched: the input left its operating range (brown-out)");
    public static final Field MATING_CYCLES_WARNING_FLAG =
        TELEMETRY_PAGE.bit("MatingCyclesWarningFlag", 165, 6, COR, "latched: mating cycles reached 90 % of the rating");
    public static final Field LEAK_SENSOR_FAULT_FLAG =
        TELEMETRY_PAGE.bit("LeakSensorFaultFlag", 165, 5, COR, "latched: leak sensor failed");
    public static final Field LEAK_FLAG =
        TELEMETRY_PAGE.bit("LeakFlag", 165, 4, COR, "latched: coolant leak detected");
    private static final Map<Monitor, Field> MASKS = perMonitor(m ->
        TELEMETRY_PAGE.mask(FLAGS.get(m), m.cmisName() + "Masks", m.flagOffset() - FLAGS_BASE + MASKS_BASE));
    public static final Field POWER_GOOD_LOST_MASK =
        TELEMETRY_PAGE.mask(POWER_GOOD_LOST_FLAG, "PowerGoodLostMask", 173);
    public static final Field MATING_CYCLES_WARNING_MASK =
        TELEMETRY_PAGE.mask(MATING_CYCLES_WARNING_FLAG, "MatingCyclesWarningMask", 173);
    public static final Field LEAK_SENSOR_FAULT_MASK =
        TELEMETRY_PAGE.mask(LEAK_SENSOR_FAULT_FLAG, "LeakSensorFaultMask", 173);
    public static final Field LEAK_MASK =
        TELEMETRY_PAGE.mask(LEAK_FLAG, "LeakMask", 173);

    // ------------------------------------------------------------------ B1h: thresholds

    private static final Map<Monitor, ThresholdSet> THRESHOLD_SETS = perMonitor(m ->
        THRESHOLDS_PAGE.thresholds(m.cmisName(), m.thresholdOffset(), m.unit(), m.description(), VALUES.get(m)));
    public static final Field PAGE_CHECKSUM_B1H =
        THRESHOLDS_PAGE.bytes("PageChecksumB1h", 255, 1, RO, COUNT, "8-bit sum of bytes 128–254");

    private static <T> Map<Monitor, T> perMonitor(Function<Monitor, T> declare) {
        Map<Monitor, T> out = new EnumMap<>(Monitor.class);
        for (Monitor m : Monitor.values()) out.put(m, declare.apply(m));
        return Collections.unmodifiableMap(out);
    }
}
