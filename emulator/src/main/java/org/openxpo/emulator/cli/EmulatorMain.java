package org.openxpo.emulator.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The emulator executable ({@code ./xpo-emulator}, {@code java -jar xpo-emulator.jar}). Exit codes: 0 after a clean
 * shutdown (SIGTERM/SIGINT or --help), 1 when it cannot start (a busy port), 2 for a bad flag or scenario, 3 when the
 * JVM ran out of memory ({@link OutOfMemoryExit}). Failures are one line on stderr, never a stack trace.
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static final int OK = 0, CANNOT_START = 1, USAGE = 2, OUT_OF_MEMORY = OutOfMemoryExit.CODE;

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        quietLoggingDefaults();
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), CleanShutdown::install);
        System.exit(code);
    }

    /**
     * Parses {@code args} and runs the emulator until it is closed; returns the exit code. {@code onStarted} gets the
     * running emulator (main installs the shutdown hook there; tests close it).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<RunningEmulator> onStarted) {
        CommandLine cmd = new CommandLine(new EmulatorCommand(onStarted));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, given) -> {
            err.println("xpo-emulator: " + e.getMessage() + " (see --help)");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("xpo-emulator: " + (e instanceof RunningEmulator.StartupException ? e.getMessage() : "failed: " + e));
            err.flush();
            return CANNOT_START;
        });
        return cmd.execute(args);
    }

    /** The command line, not run: what the release build turns into a man page and shell completion. */
    public static CommandLine commandLine() {
        return new CommandLine(new EmulatorCommand(emulator -> {}));
    }

    /** Timestamps and short logger names unless the user configured slf4j-simple otherwise. */
    private static void quietLoggingDefaults() {
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
