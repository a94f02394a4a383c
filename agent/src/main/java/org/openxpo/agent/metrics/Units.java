package org.openxpo.agent.metrics;

/** The conversions from the driver's units to the base units Prometheus names carry. */
final class Units {
    private Units() {}

    private static final double MILLI = 1e-3;
    private static final double SECONDS_PER_MINUTE = 60;
    private static final double LITRES_PER_CUBIC_METRE = 1000;

    /** mW → dBm; −∞ (left out of the export) for no light. */
    static double milliwattsToDbm(double mw) { return 10 * Math.log10(mw); }

    /** mA → A. */
    static double milliToBase(double milli) { return milli * MILLI; }

    /** L/min → m³/s. */
    static double litresPerMinuteToBase(double lpm) { return lpm / LITRES_PER_CUBIC_METRE / SECONDS_PER_MINUTE; }
}
