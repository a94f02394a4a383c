package org.openxpo.agent.core;

import org.openxpo.protocol.map.VdmType.Side;

import java.util.Map;

/**
 * The VDM values of one host lane (1–64) on one side (media: the module's optical input and its laser; host: the
 * electrical input from the host), with the thresholds the module advertises for them. Only quantities the module
 * reports are present; BER values are ratios (errors per bit), errored frames a ratio of frames; the interval
 * statistics cover the last freeze-to-freeze interval and are present only when the agent reads them.
 */
public record LaneVdm(int lane, Side side, Map<VdmQuantity, Double> values, Map<VdmQuantity, VdmLimits> limits) {
    /** Immutable, in the quantities' order; maps that already are (a poll's, a module's shared limits) are kept as they are. */
    public LaneVdm {
        values = QuantityMap.copyOf(values);
        limits = QuantityMap.copyOf(limits);
    }

    /** The value of {@code q}, {@code NaN} when this lane and side do not report it. */
    public double value(VdmQuantity q) {
        Double v = values.get(q);
        return v == null ? Double.NaN : v;
    }

    public double esnrDb() { return value(VdmQuantity.ESNR); }

    public double ltpDb() { return value(VdmQuantity.LTP); }

    public double laserTemperatureC() { return value(VdmQuantity.LASER_TEMPERATURE); }

    public double preFecBer() { return value(VdmQuantity.PRE_FEC_BER); }

    public double preFecBerMin() { return value(VdmQuantity.PRE_FEC_BER_MIN); }

    public double preFecBerMax() { return value(VdmQuantity.PRE_FEC_BER_MAX); }

    public double preFecBerAvg() { return value(VdmQuantity.PRE_FEC_BER_AVG); }
}
