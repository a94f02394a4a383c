package org.openxpo.emulator.clock;

/** The emulator's notion of time, replaceable so tests run state machines and physics on virtual time. */
public interface EmulatorClock {
    /** Monotonic time in ns. */
    long nanos();

    /** Wall-clock time: what a server uses. */
    static EmulatorClock system() {
        return System::nanoTime;
    }
}
