package org.openxpo.emulator.link;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a {@link System#nanoTime()} deadline with microsecond precision: parks while far from it (a park may
 * oversleep by tens of microseconds), then spins the last stretch.
 */
final class PreciseWait {
    private PreciseWait() {}

    /** Closer than this the thread spins instead of parking. */
    static final long SPIN_NANOS = 150_000;

    /** Returns at or after {@code deadline}, or early when the thread is interrupted (the interrupt stays set). */
    static void until(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
            if (Thread.currentThread().isInterrupted()) return;
        }
        while (deadline - System.nanoTime() > 0) {
            if (Thread.currentThread().isInterrupted()) return;
            Thread.onSpinWait();
        }
    }
}
