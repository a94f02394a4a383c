package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.transport.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code xpoctl}: the command line of the host driver. Every command opens the target given by {@code --target}
 * (default: {@code embedded}, a fresh in-process emulated module), does one thing and exits with a code from
 * {@link ExitCode}. Errors are one line on stderr.
 */
@Command(name = "xpoctl", versionProvider = XpoCtl.Version.class,
    description = "Read and control an XPO module (or any CMIS module) over the emulator link, in-process or on a "
        + "Raspberry Pi's I2C bus.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:module error (NACK, timeout, CDB failure, rejected configuration, wrong state, "
        + "no module)", "2:usage error (bad command, option or value; a request the module or target cannot take)",
        "3:target unreachable, or the link to it lost"},
    footerHeading = "%nTargets:%n",
    footer = {"  embedded[?timing=fast]      an emulated module in this process, fresh each run",
        "  tcp://HOST:PORT/CAGE        an emulator server (I2C over the emulator link)",
        "  i3c+tcp://HOST:PORT/CAGE    the same over I3C (IBIs instead of IntL)",
        "  pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23",
        "                              a real module on a Raspberry Pi (BCM GPIO lines)%n"})
public final class XpoCtl implements Callable<Integer> {
    /**
     * The commands, in the order the help lists them. Added to the root by {@link #commandLine} (all of them) or by
     * {@link #execute} (only the one a command line names, when that is certain: see {@link NamedCommand}), not by
     * the {@code @Command} annotation, which would build every command's model on every start.
     */
    static final List<Class<?>> COMMANDS = List.of(ReadCommands.Show.class, ReadCommands.Lanes.class,
        ReadCommands.Thresholds.class, ReadCommands.Alarms.class, DumpCommand.class, VdmCommand.class,
        MonitorCommand.class, ControlCommands.Reset.class, ControlCommands.LpMode.class, ControlCommands.Apply.class,
        ControlCommands.Tx.class, FirmwareCommands.class, DiagCommands.class, HelpCommand.class);

    /** Every command and command group answers -h/--help, before anything else is checked. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help and exit")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = "--target", scope = ScopeType.INHERIT, paramLabel = "URI", defaultValue = "${XPOCTL_TARGET:-embedded}",
        description = "the module to talk to (default: $XPOCTL_TARGET, else embedded)")
    String target;

    private final Function<String, Transport> opener;
    private final boolean awaitEmbeddedBoot;
    /** Where binary output ({@code dump --raw}) goes: stdout, or what a test hands in. */
    private OutputStream rawOutput = System.out;

    /** The real xpoctl: targets open with {@link Transports#open}; a fresh embedded module is waited for. */
    public XpoCtl() {
        this.opener = Transports::open;
        this.awaitEmbeddedBoot = true;
    }

    /**
     * An xpoctl whose targets open through {@code opener}: tests and tools hand in a module they keep, already up,
     * so nothing is waited for (the target text must still be a valid URI).
     */
    public XpoCtl(Function<String, Transport> opener) {
        this.opener = opener;
        this.awaitEmbeddedBoot = false;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the usage on stderr, as for any other usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Sends binary output ({@code dump --raw}) to {@code sink} instead of stdout; returns this xpoctl. */
    public XpoCtl rawOutput(OutputStream sink) {
        this.rawOutput = java.util.Objects.requireNonNull(sink, "sink");
        return this;
    }

    OutputStream rawOutput() { return rawOutput; }

    Session openSession() { return Session.open(target, opener, awaitEmbeddedBoot); }

    public static void main(String[] args) {
        // picocli and the transports stay quiet unless asked: errors are our one line, not a log
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
            System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // Netty's JFR events (buffer allocations) cost a command tens of ms of start-up to define, for nobody to record
        System.setProperty("io.netty.jfr.enabled", System.getProperty("io.netty.jfr.enabled", "false"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(new XpoCtl(), out, err, args);
        LinkTransport.stopIoThreads(); // else the exit waits 300 ms for them (they are in native code, in epoll)
        System.exit(code);
    }

    /** xpoctl with every command, as its help and the docs show it. */
    public static CommandLine commandLine(XpoCtl app) { return commandLine(app, COMMANDS); }

    private static CommandLine commandLine(XpoCtl app, List<Class<?>> commands) {
        CommandLine cl = new CommandLine(app);
        for (Class<?> command : commands) cl.addSubcommand(command);
        return cl;
    }

    /** Runs one command line; returns the exit code. */
    public static int execute(XpoCtl app, PrintWriter out, PrintWriter err, String... args) {
        // the settings below reach the commands added before them
        CommandLine cl = commandLine(app, NamedCommand.in(COMMANDS, args).<List<Class<?>>>map(List::of).orElse(COMMANDS));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> ex instanceof CommandLine.ParameterException p
            ? fail(p.getCommandLine(), UsageErrors.describe(p), ExitCode.USAGE) : fail(cmd, message(ex), exitCode(ex)));
        cl.setParameterExceptionHandler((ex, args2) -> fail(ex.getCommandLine(), UsageErrors.describe(ex), ExitCode.USAGE));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int fail(CommandLine cmd, String message, int code) {
        PrintWriter err = cmd.getErr();
        err.println("xpoctl: " + message);
        err.flush();
        return code;
    }

    /** The exit code of a failure, by its type (docs/host-driver.md lists them). */
    static int exitCode(Throwable ex) {
        return switch (ex) {
            case TargetUnreachableException u -> ExitCode.UNREACHABLE;
            case XpoException.LinkFailure f -> ExitCode.UNREACHABLE;
            case XpoException.InvalidRequest r -> ExitCode.USAGE;
            case XpoException.Unsupported u -> ExitCode.USAGE;
            default -> ExitCode.MODULE_ERROR;
        };
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof XpoException || ex instanceof TargetUnreachableException) {
            return m == null ? ex.getClass().getSimpleName() : m.replace('\n', ' ');
        }
        return "internal error: " + ex + (ex.getStackTrace().length > 0 ? " at " + ex.getStackTrace()[0] : "");
    }

    /** "xpoctl 0.1.0-SNAPSHOT": the jar's Implementation-Version, in the form xpo-emulator --version uses. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = XpoCtl.class.getPackage().getImplementationVersion();
            return new String[] {"xpoctl " + (v == null ? "(development build)" : v)};
        }
    }
}
