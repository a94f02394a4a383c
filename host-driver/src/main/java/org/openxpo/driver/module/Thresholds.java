package org.openxpo.driver.module;

import java.util.List;
import java.util.Optional;

/** Alarm and warning thresholds of every monitor: CMIS page 02h (module and lanes) and XPO page B1h. */
public record Thresholds(List<Set> sets) {

    /**
     * The four thresholds of one monitor, in its unit. {@code monitor} is the prefix of the matching alarm names
     * ("TxPower" for TxPowerHighAlarm, ...).
     */
    public record Set(String monitor, Alarm.Source source, String unit, double highAlarm, double highWarning,
                      double lowWarning, double lowAlarm) {}

    public Optional<Set> of(String monitor) {
        return sets.stream().filter(s -> s.monitor().equalsIgnoreCase(monitor)).findFirst();
    }
}
