package org.openxpo.protocol.map;

/**
 * The four thresholds of a monitor, in the order CMIS lays them out (two bytes each: HighAlarm, LowAlarm, HighWarning,
 * LowWarning) and the order of a monitor's flag nibble (bit 0 high alarm … bit 3 low warning, e.g. TempFlags 00h:9.3-0).
 */
public enum ThresholdKind {
    HIGH_ALARM("HighAlarm", Bound.HIGH, Severity.ALARM),
    LOW_ALARM("LowAlarm", Bound.LOW, Severity.ALARM),
    HIGH_WARNING("HighWarning", Bound.HIGH, Severity.WARNING),
    LOW_WARNING("LowWarning", Bound.LOW, Severity.WARNING);

    /** Which side of the normal range the threshold bounds. */
    public enum Bound { HIGH, LOW }

    /** How serious crossing it is. */
    public enum Severity { ALARM, WARNING }

    private final String cmisName;
    private final Bound bound;
    private final Severity severity;

    ThresholdKind(String cmisName, Bound bound, Severity severity) {
        this.cmisName = cmisName;
        this.bound = bound;
        this.severity = severity;
    }

    /** The suffix CMIS names give the threshold and its flag ("TempMonHighAlarm", "TxPowerHighAlarmFlag"). */
    public String cmisName() { return cmisName; }

    public Bound bound() { return bound; }

    public Severity severity() { return severity; }

    /** The bit of a monitor's 4-bit flag (and mask) nibble this kind latches, counted from the nibble's bit 0. */
    public int flagBit() { return ordinal(); }

    /** Byte distance of this threshold from the monitor's first threshold (2 bytes each). */
    public int offsetInSet() { return 2 * ordinal(); }
}
