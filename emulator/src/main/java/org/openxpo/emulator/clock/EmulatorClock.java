package org.openxpo.emulator.clock;

/** The emulator's notion of time, replaceable so tests run state machines and physics on virtual time. */
public interface EmulatorClock {
    /** Monotonic time in ns. */
    long nanos();

    /**
     * Emulated nanoseconds per wall-clock nanosecond: 1 for wall-clock time, more for a {@link ScaledClock}. Whatever
     * waits in wall-clock time for an emulated deadline (a timer thread) divides by it. Meaningless on a
     * {@link VirtualClock}, which moves only when told.
     */
    default double rate() { return 1; }

    /** Wall-clock time: what a server uses. */
    static EmulatorClock system() {
        return System::nanoTime;
    }
}
