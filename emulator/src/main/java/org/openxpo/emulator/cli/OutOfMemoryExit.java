package org.openxpo.emulator.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * The process's last resort: a thread that dies of an {@link OutOfMemoryError} ends the process with one line and exit
 * code {@value #CODE} (what {@code -XX:+ExitOnOutOfMemoryError}, which the launcher sets, exits with too), instead of
 * leaving an emulator whose firmware, acceptor or control API thread is gone. It halts without the shutdown hooks: they
 * would need memory too. Other uncaught exceptions are printed as the JVM prints them.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
    static final int CODE = 3;

    private final PrintStream err;
    private final IntConsumer halt;

    OutOfMemoryExit(PrintStream err, IntConsumer halt) {
        this.err = err;
        this.halt = halt;
    }

    /** Installs the handler for every thread of the process. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit(System.err, Runtime.getRuntime()::halt));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            err.println("xpo-emulator: out of memory in thread '" + t.getName() + "' (" + e.getMessage() + "); exiting with "
                + "code " + CODE + " (give the JVM more heap with XPO_EMULATOR_JAVA_OPTS=-Xmx..., or lower --link-memory)");
            err.flush();
            halt.accept(CODE);
            return;
        }
        err.print("Exception in thread \"" + t.getName() + "\" ");
        e.printStackTrace(err);
    }
}
