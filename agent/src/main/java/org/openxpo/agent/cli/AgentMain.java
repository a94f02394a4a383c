package org.openxpo.agent.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The agent executable ({@code ./xpo-agent}, {@code java -jar xpo-agent.jar}). Exit codes: 0 after a clean shutdown
 * (SIGTERM/SIGINT or --help), 1 when it cannot start (a busy port), 2 for a bad flag or config. Failures are one line
 * on stderr, never a stack trace.
 */
public final class AgentMain {
    private AgentMain() {}

    public static final int OK = 0, CANNOT_START = 1, USAGE = 2;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), AgentMain::closeOnSignal);
        System.exit(code);
    }

    /** SIGTERM/SIGINT close the agent, then the process exits with 0 (a supervisor reads 143 as a failure). */
    private static void closeOnSignal(RunningAgent agent) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (agent.isClosed()) return;
            agent.close();
            Runtime.getRuntime().halt(OK);
        }, "xpo-agent-shutdown"));
    }

    /** The command line as declared (for the man page and completion the release ships); it runs nothing. */
    public static CommandLine commandLine() { return new CommandLine(new AgentCommand(agent -> { })); }

    /** Parses {@code args} and runs the agent until it is closed; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<RunningAgent> onStarted) {
        AgentCommand command = new AgentCommand(onStarted);
        command.out = out;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, given) -> {
            err.println("xpo-agent: " + e.getMessage() + " (see --help)");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            int code = e instanceof AgentCommand.UsageException ? USAGE : CANNOT_START;
            String why = e instanceof AgentCommand.UsageException || e instanceof UncheckedIOException ? e.getMessage()
                : "failed: " + e;
            err.println("xpo-agent: " + why);
            err.flush();
            return code;
        });
        return cmd.execute(args);
    }
}
