package org.openxpo.protocol.map;

import java.util.List;

/**
 * The four threshold fields of one monitor value, in {@link ThresholdKind} order: e.g. TempMonHighAlarm … on page 02h
 * for the module temperature at 00h:14, TxPowerHighAlarm … for the per-lane Tx power on page 11h.
 *
 * @param monitor    the name prefix the thresholds share ("TempMon")
 * @param monitored  the value field the thresholds apply to
 * @param thresholds one field per kind, in kind order
 */
public record ThresholdSet(String monitor, Field monitored, List<Field> thresholds) {

    public ThresholdSet {
        thresholds = List.copyOf(thresholds);
        if (thresholds.size() != ThresholdKind.values().length) {
            throw new IllegalArgumentException(monitor + ": " + thresholds.size() + " thresholds, not 4");
        }
    }

    /** The threshold of {@code kind}. */
    public Field get(ThresholdKind kind) { return thresholds.get(kind.ordinal()); }

    public Field highAlarm() { return get(ThresholdKind.HIGH_ALARM); }

    public Field lowAlarm() { return get(ThresholdKind.LOW_ALARM); }

    public Field highWarning() { return get(ThresholdKind.HIGH_WARNING); }

    public Field lowWarning() { return get(ThresholdKind.LOW_WARNING); }
}
