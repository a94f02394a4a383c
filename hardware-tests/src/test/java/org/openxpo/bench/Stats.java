package org.openxpo.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of samples and the number formats the report uses. */
final class Stats {
    private Stats() {}

    /** The {@code p}-th percentile (nearest rank) of {@code samples}; the array is not changed. */
    static long pct(long[] samples, double p) {
        if (samples.length == 0) throw new IllegalArgumentException("no samples");
        long[] s = samples.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static long median(long[] samples) { return pct(samples, 50); }

    static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] samples) { return Arrays.stream(samples).min().orElse(Double.NaN); }

    static double max(double[] samples) { return Arrays.stream(samples).max().orElse(Double.NaN); }

    /** A duration in ns as text with a unit that keeps three significant digits: 812 ns, 1.43 µs, 2.51 ms, 12.3 s. */
    static String time(double ns) {
        if (Double.isNaN(ns)) return "n/a";
        double a = Math.abs(ns);
        if (a < 1_000) return fmt("%.0f ns", ns);
        if (a < 1_000_000) return sig(ns / 1e3) + " µs";
        if (a < 1_000_000_000) return sig(ns / 1e6) + " ms";
        if (a < 60e9) return sig(ns / 1e9) + " s";
        return fmt("%.1f min", ns / 60e9);
    }

    /** Three significant digits, no exponent. */
    static String sig(double v) {
        double a = Math.abs(v);
        if (a >= 100) return fmt("%.0f", v);
        if (a >= 10) return fmt("%.1f", v);
        return fmt("%.2f", v);
    }

    /** Thousands separated: 123,456. */
    static String count(double v) { return fmt("%,.0f", v); }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "n/a";
        return (r >= 100 ? fmt("%.0f", r) : r >= 10 ? fmt("%.1f", r) : fmt("%.2f", r)) + "×";
    }

    static String fmt(String format, Object... args) { return String.format(Locale.ROOT, format, args); }
}
