package org.openxpo.protocol.map;

import java.util.List;
import java.util.Optional;

/**
 * The four threshold fields of one monitor value, in {@link ThresholdKind} order: e.g. TempMonHighAlarm … on page 02h
 * for the module temperature at 00h:14, TxPowerHighAlarm … for the per-lane Tx power on page 11h.
 *
 * @param monitor    the name prefix the thresholds share ("TempMon")
 * @param monitored  the value field the thresholds apply to
 * @param thresholds one field per kind, in kind order
 * @param flags      the latched flag field of each kind, in kind order, for a monitor whose flags are separate fields
 *                   (the 11h lane monitors: TxPowerHighAlarmFlag …, a bit per lane each); empty for a monitor whose
 *                   flags are one nibble with a bit per kind ({@link ThresholdKind#flagBit()}: TempFlags, the B0h
 *                   monitors)
 */
public record ThresholdSet(String monitor, Field monitored, List<Field> thresholds, List<Field> flags) {

    public ThresholdSet {
        thresholds = List.copyOf(thresholds);
        flags = List.copyOf(flags);
        if (thresholds.size() != ThresholdKind.values().length) {
            throw new IllegalArgumentException(monitor + ": " + thresholds.size() + " thresholds, not 4");
        }
        if (!flags.isEmpty() && flags.size() != ThresholdKind.values().length) {
            throw new IllegalArgumentException(monitor + ": " + flags.size() + " flag fields, not 4");
        }
    }

    /** The latched flag field of {@code kind}, for a monitor with one flag field per kind (else empty). */
    public Optional<Field> flag(ThresholdKind kind) {
        return flags.isEmpty() ? Optional.empty() : Optional.of(flags.get(kind.ordinal()));
    }

    /** The threshold of {@code kind}. */
    public Field get(ThresholdKind kind) { return thresholds.get(kind.ordinal()); }

    public Field highAlarm() { return get(ThresholdKind.HIGH_ALARM); }

    public Field lowAlarm() { return get(ThresholdKind.LOW_ALARM); }

    public Field highWarning() { return get(ThresholdKind.HIGH_WARNING); }

    public Field lowWarning() { return get(ThresholdKind.LOW_WARNING); }
}
