package org.openxpo.protocol.map;

/**
 * The four thresholds of a monitor, in the order CMIS lays them out (two bytes each: HighAlarm, LowAlarm, HighWarning,
 * LowWarning) and the order of a monitor's flag nibble (bit 0 high alarm … bit 3 low warning, e.g. TempFlags 00h:9.3-0).
 */
public enum ThresholdKind {
    HIGH_ALARM(Bound.HIGH, Severity.ALARM),
    LOW_ALARM(Bound.LOW, Severity.ALARM),
    HIGH_WARNING(Bound.HIGH, Severity.WARNING),
    LOW_WARNING(Bound.LOW, Severity.WARNING);

    /** Which side of the normal range the threshold bounds. */
    public enum Bound { HIGH, LOW }

    /** How serious crossing it is. */
    public enum Severity { ALARM, WARNING }

    private final Bound bound;
    private final Severity severity;

    ThresholdKind(Bound bound, Severity severity) { this.bound = bound; this.severity = severity; }

    /** The suffix CMIS gives the threshold and its flag, bound then severity: "TempMonHighAlarm". */
    public String cmisName() { return capitalized(bound().name()) + capitalized(severity().name()); }

    public Bound bound() { return bound; }

    public Severity severity() { return severity; }

    /** True when {@code value} is beyond {@code threshold} of this kind: above a high one, below a low one. */
    public boolean isCrossedBy(double value, double threshold) {
        return bound == Bound.HIGH ? value > threshold : value < threshold;
    }

    /** The bit of a monitor's 4-bit flag (and mask) nibble this kind latches, counted from the nibble's bit 0. */
    public int flagBit() { return ordinal(); }

    /** Byte distance of this threshold from the monitor's first threshold (2 bytes each). */
    public int offsetInSet() { return 2 * ordinal(); }

    private static String capitalized(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
