package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.Unit;
import org.openxpo.agent.core.VdmQuantity;

import java.util.EnumMap;
import java.util.Map;

/**
 * The metric of each VDM quantity (per module, bank, lane and side) and of its thresholds; the threshold metric sits
 * beside the value ({@code xpo_lane_esnr_db} → {@code xpo_lane_esnr_threshold_db}) as {@link ThresholdMetric}'s do.
 * Errored frames are the fraction of FEC frames in error, unit-less as the reference leaves them.
 */
record VdmMetric(String name, String help, Unit unit, String thresholdName) {
    static final Unit DB = new Unit("db");

    static final Map<VdmQuantity, VdmMetric> BY_QUANTITY = new EnumMap<>(Map.of(
        VdmQuantity.ESNR, of("xpo_lane_esnr", "Lane electrical SNR (VDM)", DB),
        VdmQuantity.LTP, of("xpo_lane_ltp", "Lane PAM4 level transition parameter (VDM)", DB),
        VdmQuantity.LASER_TEMPERATURE, of("xpo_lane_laser_temperature", "Lane laser temperature (VDM)", Unit.CELSIUS),
        VdmQuantity.PRE_FEC_BER, of("xpo_lane_pre_fec_ber", "Lane pre-FEC bit error ratio, current (VDM)", Unit.RATIO),
        VdmQuantity.PRE_FEC_BER_MIN, of("xpo_lane_pre_fec_ber_interval_min", "Lane pre-FEC BER, interval minimum (VDM)", Unit.RATIO),
        VdmQuantity.PRE_FEC_BER_MAX, of("xpo_lane_pre_fec_ber_interval_max", "Lane pre-FEC BER, interval maximum (VDM)", Unit.RATIO),
        VdmQuantity.PRE_FEC_BER_AVG, of("xpo_lane_pre_fec_ber_interval_avg", "Lane pre-FEC BER, interval average (VDM)", Unit.RATIO),
        VdmQuantity.ERRORED_FRAMES, of("xpo_lane_errored_frames", "Lane errored FEC frames, current fraction (VDM)", null),
        VdmQuantity.ERRORED_FRAMES_MAX, of("xpo_lane_errored_frames_interval_max",
            "Lane errored FEC frames, interval maximum fraction (VDM)", null)));

    /** {@code stem} + unit; the threshold metric puts {@code _threshold} before the unit. */
    private static VdmMetric of(String stem, String help, Unit unit) {
        String suffix = unit == null ? "" : unit == DB ? "_db" : unit == Unit.CELSIUS ? "_celsius" : "_ratio";
        return new VdmMetric(stem + suffix, help, unit, stem + "_threshold" + suffix);
    }
}
