package org.openxpo.emulator.cli;

import org.openxpo.emulator.Ranges;
import org.openxpo.emulator.clock.ScaledClock;
import org.openxpo.http.ServerNames;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.ServerLimits;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.protocol.link.LinkLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/** The command line of the emulator executable; {@link #call()} runs it until the emulator is closed. */
@Command(name = "xpo-emulator", mixinStandardHelpOptions = true, versionProvider = EmulatorCommand.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Runs emulated XPO modules: the emulator link for host drivers and an HTTP/JSON control API for tests.",
    footer = {"", "Examples:", "  xpo-emulator --cages 4 --bus-speed 400k",
        "  xpo-emulator --scenario examples/scenarios/coolant-flow-drop.json",
        "  xpo-emulator --port 0 --control-port 0 --ready-file /tmp/xpo.json --clock-rate 10",
        "  XPO_EMULATOR_TOKEN=s3cret xpo-emulator --bind 0.0.0.0 --cages 32",
        "  xpo-emulator --bind 0.0.0.0 --token-file ~/.xpo-token --host-name bench7.lab.example"})
final class EmulatorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Emulator link (TCP) port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = 9450;

    @Option(names = "--control-port", paramLabel = "PORT", description = "Control API (HTTP) port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int controlPort = 9451;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address both servers listen on. Default: ${DEFAULT-VALUE}. "
        + "Anything but loopback needs a token (--token-file, $XPO_EMULATOR_TOKEN or --token).")
    String bind = "127.0.0.1";

    @Option(names = "--cages", paramLabel = "N", description = "Number of cages, numbered from 1 (1-" + LinkLimits.MAX_CAGES + "). "
        + "Default: the highest cage the scenario names, else 1.")
    Integer cages;

    @Option(names = "--bus-speed", paramLabel = "SPEED", converter = BusTimingConverter.class,
        description = "Answer transfers no faster than this bus: off, 100k, 400k, 1m or i3c-sdr. Default: ${DEFAULT-VALUE}.")
    BusTiming busSpeed = BusTiming.OFF;

    @Option(names = "--timing", paramLabel = "TIMING", description = "Module state transitions: default (realistic) or fast (1 ms). Default: ${DEFAULT-VALUE}.")
    String timing = "default";

    @Option(names = "--clock-rate", paramLabel = "RATE", description = "Run emulated time RATE times faster than the "
        + "wall clock (1-1000, e.g. 10: a 90 s scenario plays in 9 s); bus timing stays real. Default: ${DEFAULT-VALUE}.")
    double clockRate = 1;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (JSON) to set the chassis up and run its fault scripts.")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the modules' noise (module n gets seed + n - 1); overrides the scenario's. Default: 1.")
    Long seed;

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "Bearer token the control API requires, read from FILE (surrounding white space ignored).")
    Path tokenFile;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token the control API requires; "
        + "other users can read it in 'ps', so prefer --token-file or " + TOKEN_ENV + ". Default: $" + TOKEN_ENV + "; none on loopback.")
    String token;

    @Option(names = "--host-name", paramLabel = "NAME", description = "A host name clients use for this machine "
        + "(repeatable): the control API also answers requests addressed to NAME:PORT.")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--link-memory", paramLabel = "MIB", description = "MiB of unsent frames all link connections may "
        + "queue together; beyond it the largest queues are dropped (1-1048576). Default: ${DEFAULT-VALUE}.")
    long linkMemoryMib = ServerLimits.DEFAULT.memoryBudgetBytes() / ServerLimits.MIB;

    @Option(names = "--link-connections", paramLabel = "N", description = "Link connections served at once; more are "
        + "refused (1-" + ServerLimits.MAX_CONNECTIONS + "). Default: ${DEFAULT-VALUE}.")
    int linkConnections = ServerLimits.DEFAULT.maxConnections();

    @Option(names = "--link-idle-timeout", paramLabel = "SECONDS", description = "Close a link connection with no "
        + "traffic either way for this long; 0 = never (0-86400). Default: ${DEFAULT-VALUE}.")
    long linkIdleSeconds = 0;

    @Option(names = "--ready-file", paramLabel = "FILE", description = "Once both servers listen, write where (the "
        + "JSON line also printed on stdout) to FILE, replacing it in one step; removed again on a clean shutdown.")
    Path readyFile;

    /** Where the token comes from when no flag gives it. */
    static final String TOKEN_ENV = "XPO_EMULATOR_TOKEN";
    /** Longest token file read. */
    private static final int MAX_TOKEN_FILE = 4096;

    private final Consumer<RunningEmulator> onStarted;
    private final Function<String, String> env;

    EmulatorCommand(Consumer<RunningEmulator> onStarted) { this(onStarted, System::getenv); }

    /** {@code env} looks up environment variables (tests pass their own). */
    EmulatorCommand(Consumer<RunningEmulator> onStarted, Function<String, String> env) {
        this.onStarted = onStarted;
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunningEmulator.Settings settings = settings();
        ReadyFile ready = null;
        try {
            if (readyFile != null) ready = ReadyFile.prepare(readyFile);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        RunningEmulator emulator = RunningEmulator.start(settings);
        if (ready != null) emulator.afterClose(ready::remove);   // also when the shutdown hook closes it and halts
        onStarted.accept(emulator);   // main installs the shutdown hook here, before anyone learns the ports
        if (!emulator.isClosed()) announce(emulator, ready);
        emulator.awaitClosed();
        return 0;
    }

    /** The endpoints line on stdout and in the ready file: what a CI job waits for. */
    private void announce(RunningEmulator emulator, ReadyFile ready) {
        String endpoints = emulator.endpoints().json();
        if (ready != null) {
            try {
                ready.write(endpoints);
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
        spec.commandLine().getOut().println(endpoints);
        spec.commandLine().getOut().flush();
    }

    /** Checks the flags together, before anything listens; a bad one is a usage error naming it. */
    RunningEmulator.Settings settings() {
        checkPort("--port", port);
        checkPort("--control-port", controlPort);
        InetAddress address = address();
        String tokenOrNull = token();
        if (tokenOrNull == null && !address.isLoopbackAddress())
            throw usage("--bind " + bind + " is not a loopback address: the control API then needs a bearer token "
                + "(--token-file, " + TOKEN_ENV + " or --token)");
        for (String name : hostNames) {
            try {
                ServerNames.check(name);
            } catch (IllegalArgumentException e) {
                throw usage("--host-name: " + e.getMessage());
            }
        }
        ModuleConfig.Timing moduleTiming = switch (timing) {
            case "default" -> ModuleConfig.Timing.defaults();
            case "fast" -> ModuleConfig.Timing.fast();
            default -> throw usage("--timing must be default or fast, not '" + timing + "'");
        };
        if (!(clockRate >= 1 && clockRate <= ScaledClock.MAX_RATE))
            throw usage("--clock-rate must be 1-" + (int) ScaledClock.MAX_RATE + ", not " + clockRateText());
        if (seed != null && seed < 0) throw usage("--seed must be 0 or more (as a scenario's seed), not " + seed);
        Scenario scenario = null;
        if (scenarioFile != null) {
            try {
                scenario = Scenario.read(scenarioFile);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (seed != null) scenario = scenario.withSeed(seed);
        }
        int n = cages != null ? cages : scenario != null ? Math.max(1, scenario.highestCage()) : 1;
        try {
            Ranges.check("--cages", n, 1, LinkLimits.MAX_CAGES, null);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (scenario != null && scenario.highestCage() > n)
            throw usage("--scenario names cage " + scenario.highestCage() + " but --cages is " + n);
        long firstSeed = seed != null ? seed : scenario != null ? scenario.seed().orElse(1) : 1;
        return new RunningEmulator.Settings(n, address, port, controlPort, busSpeed, firstSeed, moduleTiming, scenario,
            tokenOrNull, List.copyOf(hostNames), linkLimits(), clockRate);
    }

    /** The rate as the user would write it: 0 rather than 0.0. */
    private String clockRateText() {
        return clockRate == Math.rint(clockRate) && !Double.isInfinite(clockRate) ? String.valueOf((long) clockRate)
            : String.valueOf(clockRate);
    }

    /**
     * The token from --token, --token-file or the environment, in that order (both flags at once is an error), or null
     * for none. An empty --token or variable means none; a blank token or an empty file is refused.
     */
    private String token() {
        if (token != null && tokenFile != null) throw usage("give the token by --token or by --token-file, not both");
        if (tokenFile != null) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(tokenFile)) {
                bytes = in.readNBytes(MAX_TOKEN_FILE + 1);   // bounded: a wrong path such as /dev/zero must not hang
            } catch (IOException e) {
                throw usage("--token-file: cannot read " + tokenFile + " (" + reason(e) + ")");
            }
            if (bytes.length > MAX_TOKEN_FILE) throw usage("--token-file " + tokenFile + " is too long for a token (over 4 KiB)");
            String t = new String(bytes, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) throw usage("--token-file " + tokenFile + " is empty");
            return checkToken("--token-file " + tokenFile, t);
        }
        if (token != null) return token.isEmpty() ? null : checkToken("--token", token);
        String fromEnv = env.apply(TOKEN_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : checkToken(TOKEN_ENV, fromEnv);
    }

    private String checkToken(String source, String t) {
        if (t.isBlank()) throw usage(source + " is blank: a bearer token needs visible characters");
        if (!t.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F))
            throw usage(source + ": a bearer token is printable ASCII without spaces (it travels in an HTTP header)");
        return t;
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file"
            : e instanceof AccessDeniedException ? "permission denied"
            : String.valueOf(e.getMessage());
    }

    private ServerLimits linkLimits() {
        long maxMib = ServerLimits.MAX_MEMORY_BUDGET / ServerLimits.MIB;
        if (linkMemoryMib < 1 || linkMemoryMib > maxMib)
            throw usage("--link-memory must be 1-" + maxMib + " (MiB), not " + linkMemoryMib);
        if (linkConnections < 1 || linkConnections > ServerLimits.MAX_CONNECTIONS)
            throw usage("--link-connections must be 1-" + ServerLimits.MAX_CONNECTIONS + ", not " + linkConnections);
        long maxIdle = ServerLimits.MAX_TIMEOUT.toSeconds();
        if (linkIdleSeconds < 0 || linkIdleSeconds > maxIdle)
            throw usage("--link-idle-timeout must be 0-" + maxIdle + " (seconds, 0 = never), not " + linkIdleSeconds);
        return ServerLimits.DEFAULT.withMemoryBudget(linkMemoryMib * ServerLimits.MIB).withMaxConnections(linkConnections)
            .withIdleTimeout(Duration.ofSeconds(linkIdleSeconds));
    }

    private void checkPort(String flag, int p) {
        if (p < 0 || p > 65535) throw usage(flag + " must be 0-65535, not " + p);
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw usage("--bind: unknown address '" + bind + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static final class BusTimingConverter implements CommandLine.ITypeConverter<BusTiming> {
        @Override
        public BusTiming convert(String value) {
            try {
                return BusTiming.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EmulatorCommand.class.getPackage().getImplementationVersion();
            return new String[] {"xpo-emulator " + (v == null ? "(development build)" : v)};
        }
    }
}
