package org.openxpo.emulator.cli;

import java.util.function.IntConsumer;

/**
 * The emulator process's shutdown hook. SIGTERM and SIGINT (Ctrl-C) make the JVM run its shutdown hooks and then exit
 * with 143 or 130, which a supervisor or CI job reads as a failure; the documented promise is 0 after a clean
 * shutdown. So the hook closes a still-running emulator and then ends the process with 0 itself. An emulator that is
 * already closed means the exit was the program's own ({@code System.exit} with its exit code): the hook leaves it be.
 */
final class CleanShutdown implements Runnable {
    private final RunningEmulator emulator;
    private final IntConsumer halt;

    CleanShutdown(RunningEmulator emulator, IntConsumer halt) {
        this.emulator = emulator;
        this.halt = halt;
    }

    /** Registers the hook for {@code emulator}. */
    static void install(RunningEmulator emulator) {
        Runtime.getRuntime().addShutdownHook(new Thread(new CleanShutdown(emulator, Runtime.getRuntime()::halt),
            "xpo-emulator-shutdown"));
    }

    @Override
    public void run() {
        if (emulator.isClosed()) return;
        emulator.close();
        // System.exit would block inside a shutdown hook; halt sets the status, and this is the process's only hook
        halt.accept(EmulatorMain.OK);
    }
}
