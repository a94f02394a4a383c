package org.openxpo.driver.time;

import java.time.Duration;

/**
 * When a {@link Poll} looks again: every {@code first} while the condition may be about to hold (the first
 * {@code eagerFor} of the wait), then twice as long each time up to {@code longest}, so a slow module does not flood the
 * bus and a quick one is seen within a poll of finishing.
 */
public record PollSchedule(Duration first, Duration eagerFor, Duration longest) {
    public PollSchedule {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("the first interval must be positive");
        if (eagerFor.isNegative()) throw new IllegalArgumentException("the eager stretch must not be negative");
        if (longest.compareTo(first) < 0) throw new IllegalArgumentException("the longest interval is shorter than the first");
    }

    /** The same interval throughout. */
    public static PollSchedule every(Duration interval) { return new PollSchedule(interval, Duration.ZERO, interval); }

    /** {@code first}, doubling after each poll up to {@code longest}. */
    public static PollSchedule backingOff(Duration first, Duration longest) {
        return new PollSchedule(first, Duration.ZERO, longest);
    }

    /** The interval after one of {@code previous} ns, {@code elapsed} ns into the wait. */
    long nextNanos(long previous, long elapsed) {
        if (elapsed <= eagerFor.toNanos()) return first.toNanos();
        return Math.min(2 * previous, longest.toNanos());
    }
}
