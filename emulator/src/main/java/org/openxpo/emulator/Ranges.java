package org.openxpo.emulator;

import java.util.Locale;

/**
 * The ranges of numbers that come from outside (control API, scenarios, command line) and the one way to check them:
 * a value out of range is an {@link IllegalArgumentException} that names the field and gives the range, e.g.
 * {@code durationMs must be 1–86,400,000 (24 h), got 9300000000000}. Times are bounded so that arithmetic on them in
 * nanoseconds can never overflow (docs/emulator-server.md lists every range).
 */
public final class Ranges {
    private Ranges() {}

    /** Longest brown-out: a day of emulated time. */
    public static final long MAX_BROWN_OUT_MS = 86_400_000L;
    /** Latest time of a scenario step after the scenario starts: a year. */
    public static final long MAX_SCRIPT_MS = 365L * MAX_BROWN_OUT_MS;

    /** {@code value} if {@code min <= value <= max}; {@code note} (may be null) explains the range in words. */
    public static long check(String name, long value, long min, long max, String note) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + grouped(min) + "–" + grouped(max)
                + (note == null ? "" : " (" + note + ")") + ", got " + value);
        }
        return value;
    }

    /** {@code value} if {@code min <= value <= max} (NaN never is). */
    public static double check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + plain(min) + "–" + plain(max) + ", got " + given(value));
        }
        return value;
    }

    /** {@code value} if {@code 0 < value <= max} (NaN never is). */
    public static double checkPositive(String name, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most " + plain(max) + ", got " + given(value));
        }
        return value;
    }

    /** A value as the user typed it: 3 rather than 3.0. */
    private static String given(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String grouped(long v) { return String.format(Locale.ROOT, "%,d", v); }

    private static String plain(double v) {
        return v == Math.rint(v) ? grouped((long) v) : String.valueOf(v);
    }
}
