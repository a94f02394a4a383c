package org.openxpo.emulator.clock;

import java.util.function.LongSupplier;

/**
 * Wall-clock time sped up by a constant rate: at rate 10 every wall-clock second is ten emulated seconds, so a
 * scenario whose fault recovers after 90 s plays in 9 s, with the firmware's timers and physics stepping through the
 * same emulated time as at rate 1. For a server that CI jobs use without a test framework's virtual clock; the link's
 * bus timing stays in wall-clock time (it models how long a host waits).
 */
public final class ScaledClock implements EmulatorClock {
    /** Fastest rate accepted: beyond it the firmware thread would run seconds of physics per wake-up. */
    public static final double MAX_RATE = 1000;

    private final LongSupplier wall;
    private final long origin;
    private final double rate;

    /** {@code rate} (1-{@value #MAX_RATE}) times {@link System#nanoTime()}. */
    public ScaledClock(double rate) { this(System::nanoTime, rate); }

    /** {@code rate} times {@code wall} (tests give their own). */
    public ScaledClock(LongSupplier wall, double rate) {
        if (!(rate >= 1 && rate <= MAX_RATE))
            throw new IllegalArgumentException("the clock rate must be 1-" + (int) MAX_RATE + ", got " + rate);
        this.wall = wall;
        this.origin = wall.getAsLong();
        this.rate = rate;
    }

    @Override
    public long nanos() { return origin + (long) ((wall.getAsLong() - origin) * rate); }

    @Override
    public double rate() { return rate; }
}
