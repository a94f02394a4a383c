package org.openxpo.agent.core;

/**
 * The VDM observables of one host lane (1–64) the faces export; {@code NaN} where the module does not advertise one.
 * BER values are ratios (errors per bit); the interval figures cover the last freeze-to-freeze interval.
 */
public record LaneVdm(int lane, double esnrDb, double ltpDb, double laserTemperatureC, double preFecBer,
                      double preFecBerMin, double preFecBerMax, double preFecBerAvg, double erroredFramesMax) {}
