package org.openxpo.emulator.module;

import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The min/max/average of each sampled observable per lane over the current VDM interval: the interval starts at
 * power-on and again at every release of a freeze ({@link #restart()}). Only ticks on which a lane measured count.
 */
final class VdmStatistics {
    private static final int LANES = Lanes.COUNT;

    private static final class Accumulator {
        final double[] min = new double[LANES], max = new double[LANES], sum = new double[LANES];
        final int[] count = new int[LANES];

        void clear() {
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
        }
    }

    private final Map<VdmType, Accumulator> bySampled = new EnumMap<>(VdmType.class);

    /** Statistics of every type in {@code statistics} (each sampled type accumulated once). */
    VdmStatistics(Iterable<VdmType> statistics) {
        for (VdmType t : statistics) {
            if (!t.isStatistic()) throw new IllegalArgumentException(t + " is not a statistic");
            bySampled.computeIfAbsent(t.sampled(), k -> new Accumulator());
        }
        restart();
    }

    /** A new interval: everything accumulated so far is forgotten. */
    void restart() { bySampled.values().forEach(Accumulator::clear); }

    /** Adds this tick's values of lane {@code lane} (0–63), which measured. */
    void accumulate(LinkQuality links, int lane) {
        for (Map.Entry<VdmType, Accumulator> e : bySampled.entrySet()) {
            double v = links.value(e.getKey(), lane);
            Accumulator a = e.getValue();
            a.min[lane] = Math.min(a.min[lane], v);
            a.max[lane] = Math.max(a.max[lane], v);
            a.sum[lane] += v;
            a.count[lane]++;
        }
    }

    /** Statistic {@code type} of lane {@code lane} over the interval so far; 0 before the lane's first sample. */
    double value(VdmType type, int lane) {
        Accumulator a = bySampled.get(type.sampled());
        if (a == null) throw new IllegalArgumentException(type + " is not accumulated");
        if (a.count[lane] == 0) return 0;
        return switch (type.statistic()) {
            case MIN -> a.min[lane];
            case MAX -> a.max[lane];
            case AVG -> a.sum[lane] / a.count[lane];
            case CURRENT -> throw new IllegalArgumentException(type + " is not a statistic");
        };
    }
}
