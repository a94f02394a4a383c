package org.openxpo.driver.json;

/** Rounding for JSON: values a person can read, and null where a number has no finite value (−∞ dBm). */
final class JsonNumbers {
    private JsonNumbers() {}

    static Double round(double v, int places) {
        if (!Double.isFinite(v)) return null;
        double scale = Math.pow(10, places);
        double r = Math.round(v * scale) / scale;
        return r == 0 ? 0.0 : r;  // no "-0.0"
    }

    /** {@code v} to 4 significant digits: what an F16 (11-bit mantissa) or a 1/256 step resolves; null if not finite. */
    static Double significant(double v) {
        if (!Double.isFinite(v)) return null;
        if (v == 0) return 0.0;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
