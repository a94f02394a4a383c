package org.openxpo.driver.json;

import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.protocol.map.ThresholdKind;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * {@code xpoctl vdm --json}: every observable the module advertises, with where it sits and its thresholds.
 *
 * @param statistics {@code frozen}, {@code none}, {@code notFrozen} (statistic values null) or {@code notRead}
 * @param problem    why statistics are missing, else null
 */
public record VdmJson(String schema, String target, String time, String statistics, String problem,
                      List<ObservableJson> observables) {

    /**
     * One observable.
     *
     * @param lane       host lane 1–64; 0 for a module-level observable
     * @param name       SONiC-style name without the lane ("esnr_media_input"), "type_N" for an unknown type
     * @param typeId     the descriptor's observable type ID
     * @param kind       {@code basic} or {@code statistic}
     * @param value      engineering value in {@code unit}; null when not presented (see {@code statistics})
     * @param raw        the 16-bit sample as stored
     * @param thresholds its four thresholds in {@code unit}; null for a type the project does not know
     * @param crossed    the most serious threshold {@code value} is beyond ({@code highAlarm}, {@code lowAlarm},
     *                   {@code highWarning}, {@code lowWarning}), else null
     */
    public record ObservableJson(int lane, String name, int typeId, String kind, String unit, Double value, int raw,
                                 int bank, int group, int index, int thresholdSet, ThresholdsJson thresholds,
                                 String crossed) {
        static ObservableJson of(VdmSample s, VdmThreshold t) {
            VdmObservable o = s.observable();
            String crossed = t == null || s.value() == null ? null : t.crossedBy(s.value()).map(ObservableJson::key).orElse(null);
            return new ObservableJson(o.lane(), o.name(), o.descriptor().typeId(), o.statistic() ? "statistic" : "basic",
                o.unit(), s.value() == null ? null : JsonNumbers.significant(s.value()), s.raw(), o.bank(),
                o.group().number(), o.index(), o.descriptor().thresholdSet(), t == null ? null : ThresholdsJson.of(t), crossed);
        }

        /** "lowAlarm": the CMIS name of the kind with a lower-case first letter, as the JSON keys are. */
        private static String key(ThresholdKind k) {
            String n = k.cmisName();
            return Character.toLowerCase(n.charAt(0)) + n.substring(1);
        }
    }

    /** The four thresholds of an observable, in its unit. */
    public record ThresholdsJson(Double highAlarm, Double highWarning, Double lowWarning, Double lowAlarm) {
        static ThresholdsJson of(VdmThreshold t) {
            return new ThresholdsJson(JsonNumbers.significant(t.highAlarm()), JsonNumbers.significant(t.highWarning()),
                JsonNumbers.significant(t.lowWarning()), JsonNumbers.significant(t.lowAlarm()));
        }
    }

    static VdmJson of(String schema, String target, VdmReading r, Map<VdmObservable, VdmThreshold> limits, BitSet lanes) {
        String stats = switch (r.statistics()) {
            case FROZEN -> "frozen";
            case NONE -> "none";
            case NOT_FROZEN -> "notFrozen";
            case NOT_READ -> "notRead";
        };
        return new VdmJson(schema, target, r.time().toString(), stats, r.problem(), r.samples().stream()
            .filter(s -> lanes == null || lanes.get(s.observable().lane()))
            .map(s -> ObservableJson.of(s, limits.get(s.observable()))).toList());
    }
}
