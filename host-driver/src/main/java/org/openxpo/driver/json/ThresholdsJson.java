package org.openxpo.driver.json;

import org.openxpo.driver.module.Thresholds;

import java.util.List;

import static org.openxpo.driver.json.JsonNumbers.round;

/** {@code xpoctl thresholds --json}. */
public record ThresholdsJson(String schema, String target, List<ThresholdJson> thresholds) {

    public record ThresholdJson(String monitor, String source, String unit, Double highAlarm, Double highWarning,
                                Double lowWarning, Double lowAlarm) {
        static ThresholdJson of(Thresholds.Set s) {
            return new ThresholdJson(s.monitor(), s.source().label(), s.unit(), round(s.highAlarm(), 4),
                round(s.highWarning(), 4), round(s.lowWarning(), 4), round(s.lowAlarm(), 4));
        }
    }
}
