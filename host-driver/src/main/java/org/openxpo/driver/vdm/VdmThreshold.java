package org.openxpo.driver.vdm;

import org.openxpo.protocol.map.ThresholdKind;

import java.util.Optional;

/** The four thresholds that bound one observable (its threshold set on page 27h + group), in its unit. */
public record VdmThreshold(VdmObservable observable, double highAlarm, double lowAlarm, double highWarning,
                           double lowWarning) {

    public double limit(ThresholdKind kind) {
        return switch (kind) {
            case HIGH_ALARM -> highAlarm;
            case LOW_ALARM -> lowAlarm;
            case HIGH_WARNING -> highWarning;
            case LOW_WARNING -> lowWarning;
        };
    }

    /** The most serious threshold {@code value} is beyond (an alarm before a warning), as the module's flag would say. */
    public Optional<ThresholdKind> crossedBy(double value) {
        for (ThresholdKind k : ThresholdKind.values()) {   // CMIS order: both alarms, then both warnings
            if (k.isCrossedBy(value, limit(k))) return Optional.of(k);
        }
        return Optional.empty();
    }
}
