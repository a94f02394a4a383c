package org.openxpo.driver.json;

import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmSample;

import java.util.BitSet;
import java.util.List;

/**
 * {@code xpoctl vdm --json}: every observable the module advertises, with where it sits.
 *
 * @param statistics {@code frozen}, {@code none}, {@code notFrozen} (statistic values null) or {@code notRead}
 * @param problem    why statistics are missing, else null
 */
public record VdmJson(String schema, String target, String time, String statistics, String problem,
                      List<ObservableJson> observables) {

    /**
     * One observable.
     *
     * @param lane   host lane 1–64; 0 for a module-level observable
     * @param name   SONiC-style name without the lane ("esnr_media_input"), "type_N" for an unknown type
     * @param typeId the descriptor's observable type ID
     * @param kind   {@code basic} or {@code statistic}
     * @param value  engineering value in {@code unit}; null when not presented (see {@code statistics})
     * @param raw    the 16-bit sample as stored
     */
    public record ObservableJson(int lane, String name, int typeId, String kind, String unit, Double value, int raw,
                                 int bank, int group, int index, int thresholdSet) {
        static ObservableJson of(VdmSample s) {
            VdmObservable o = s.observable();
            return new ObservableJson(o.lane(), o.name(), o.descriptor().typeId(), o.statistic() ? "statistic" : "basic",
                o.unit(), s.value() == null ? null : JsonNumbers.significant(s.value()), s.raw(), o.bank(),
                o.group().number(), o.index(), o.descriptor().thresholdSet());
        }
    }

    static VdmJson of(String schema, String target, VdmReading r, BitSet lanes) {
        String stats = switch (r.statistics()) {
            case FROZEN -> "frozen";
            case NONE -> "none";
            case NOT_FROZEN -> "notFrozen";
            case NOT_READ -> "notRead";
        };
        return new VdmJson(schema, target, r.time().toString(), stats, r.problem(), r.samples().stream()
            .filter(s -> lanes == null || lanes.get(s.observable().lane())).map(ObservableJson::of).toList());
    }
}
