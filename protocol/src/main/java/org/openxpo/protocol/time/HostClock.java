package org.openxpo.protocol.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's notion of time: what a driver reads to time out and stamp events, and how it waits. The system clock
 * on a bench; in a test, one that advances the emulator's virtual clock when the host waits, so a host sequence
 * (a firmware update, a data-path bring-up) and the emulated module run in the same virtual time. It lives in the
 * contract because the emulator's test bed provides one and the driver consumes it.
 */
public interface HostClock {
    /** Monotonic time in ns, for deadlines and intervals. */
    long nanoTime();

    /** Wall-clock time, for event timestamps. */
    Instant instant();

    /**
     * Lets {@code d} pass (a non-positive duration returns at once). Real clocks park the thread; virtual ones move
     * time on. An interrupt ends the wait early with the thread's interrupt flag set.
     */
    void sleep(Duration d);

    /** The machine's clocks: {@link System#nanoTime()}, {@link Instant#now()} and parking. */
    static HostClock system() { return SystemHostClock.INSTANCE; }
}

/** The one system clock. */
enum SystemHostClock implements HostClock {
    INSTANCE;

    @Override
    public long nanoTime() { return System.nanoTime(); }

    @Override
    public Instant instant() { return Instant.now(); }

    @Override
    public void sleep(Duration d) {
        long nanos = d.isNegative() ? 0 : saturatedNanos(d);
        long deadline = System.nanoTime() + nanos;
        // parkNanos may return early (spurious wake-ups): park again for what is left, unless interrupted
        for (long left = nanos; left > 0 && !Thread.currentThread().isInterrupted(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;   // about 146 years: "forever", without overflowing the deadline sum
        }
    }
}
