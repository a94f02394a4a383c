package org.openxpo.emulator.clock;

import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.time.Instant;

/**
 * A host driver's clock on the emulator's {@link VirtualClock}: when the host sleeps, virtual time moves on by as much
 * (so firmware timers and physics due meanwhile run, in the sleeping thread), and {@link #nanoTime()} and
 * {@link #instant()} follow it. A host sequence — a firmware update, a data-path bring-up, a reset — then takes no
 * wall-clock time beyond its own work, and the same sequence always takes the same virtual time.
 *
 * <p>Made for one host thread driving the modules: every thread that sleeps moves the shared time on, so two hosts
 * sleeping at once see time pass twice as fast. Tests that need real asynchrony stay on wall-clock time.
 */
public final class VirtualHostClock implements HostClock {
    private final VirtualClock clock;
    private final Instant origin;

    /** Host time on {@code clock}; {@link #instant()} reads {@code origin} at virtual time 0. */
    public VirtualHostClock(VirtualClock clock, Instant origin) {
        this.clock = clock;
        this.origin = origin;
    }

    @Override
    public long nanoTime() { return clock.nanos(); }

    @Override
    public Instant instant() { return origin.plusNanos(clock.nanos()); }

    /** Advances the virtual clock by {@code d} (nothing for a non-positive duration). */
    @Override
    public void sleep(Duration d) {
        if (d.isNegative() || d.isZero()) return;
        clock.advance(d);
    }
}
