package org.openxpo.emulator.cli;

import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.ServerLimits;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The command line of the emulator executable; {@link #call()} runs it until the emulator is closed. */
@Command(name = "xpo-emulator", mixinStandardHelpOptions = true, versionProvider = EmulatorCommand.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Runs emulated XPO modules: the emulator link for host drivers and an HTTP/JSON control API for tests.",
    footer = {"", "Examples:", "  xpo-emulator --cages 4 --bus-speed 400k",
        "  xpo-emulator --scenario examples/scenarios/coolant-flow-drop.json",
        "  XPO_EMULATOR_TOKEN=s3cret xpo-emulator --bind 0.0.0.0 --cages 32"})
final class EmulatorCommand implements Callable<Integer> {
    static final int MAX_CAGES = 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Emulator link (TCP) port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = 9450;

    @Option(names = "--control-port", paramLabel = "PORT", description = "Control API (HTTP) port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int controlPort = 9451;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address both servers listen on. Default: ${DEFAULT-VALUE}. "
        + "Anything but loopback needs --token.")
    String bind = "127.0.0.1";

    @Option(names = "--cages", paramLabel = "N", description = "Number of cages, numbered from 1 (1-1024). "
        + "Default: the highest cage the scenario names, else 1.")
    Integer cages;

    @Option(names = "--bus-speed", paramLabel = "SPEED", converter = BusTimingConverter.class,
        description = "Answer transfers no faster than this bus: off, 100k, 400k, 1m or i3c-sdr. Default: ${DEFAULT-VALUE}.")
    BusTiming busSpeed = BusTiming.OFF;

    @Option(names = "--timing", paramLabel = "TIMING", description = "Module state transitions: default (realistic) or fast (1 ms). Default: ${DEFAULT-VALUE}.")
    String timing = "default";

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (JSON) to set the chassis up and run its fault scripts.")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the modules' noise (module n gets seed + n - 1); overrides the scenario's. Default: 1.")
    Long seed;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:XPO_EMULATOR_TOKEN}",
        description = "Bearer token the control API requires (default: $XPO_EMULATOR_TOKEN; none on loopback).")
    String token;

    @Option(names = "--link-memory", paramLabel = "MIB", description = "MiB of unsent frames all link connections may "
        + "queue together; beyond it the largest queues are dropped (1-1048576). Default: ${DEFAULT-VALUE}.")
    long linkMemoryMib = ServerLimits.DEFAULT.memoryBudgetBytes() / ServerLimits.MIB;

    @Option(names = "--link-connections", paramLabel = "N", description = "Link connections served at once; more are "
        + "refused (1-" + ServerLimits.MAX_CONNECTIONS + "). Default: ${DEFAULT-VALUE}.")
    int linkConnections = ServerLimits.DEFAULT.maxConnections();

    @Option(names = "--link-idle-timeout", paramLabel = "SECONDS", description = "Close a link connection with no "
        + "traffic either way for this long; 0 = never (0-86400). Default: ${DEFAULT-VALUE}.")
    long linkIdleSeconds = 0;

    private final Consumer<RunningEmulator> onStarted;

    EmulatorCommand(Consumer<RunningEmulator> onStarted) { this.onStarted = onStarted; }

    @Override
    public Integer call() throws InterruptedException {
        RunningEmulator emulator = RunningEmulator.start(settings());
        onStarted.accept(emulator);
        emulator.awaitClosed();
        return 0;
    }

    /** Checks the flags together; a bad one is a usage error naming it. */
    RunningEmulator.Settings settings() {
        checkPort("--port", port);
        checkPort("--control-port", controlPort);
        InetAddress address = address();
        String tokenOrNull = token == null || token.isEmpty() ? null : token;
        if (tokenOrNull == null && !address.isLoopbackAddress())
            throw usage("--bind " + bind + " is not a loopback address: the control API then needs a bearer token "
                + "(--token or XPO_EMULATOR_TOKEN)");
        ModuleConfig.Timing moduleTiming = switch (timing) {
            case "default" -> ModuleConfig.Timing.defaults();
            case "fast" -> ModuleConfig.Timing.fast();
            default -> throw usage("--timing must be default or fast, not '" + timing + "'");
        };
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
        if (n < 1 || n > MAX_CAGES) throw usage("--cages must be 1-" + MAX_CAGES + ", not " + n);
        if (scenario != null && scenario.highestCage() > n)
            throw usage("--scenario names cage " + scenario.highestCage() + " but --cages is " + n);
        long firstSeed = seed != null ? seed : scenario != null ? scenario.seed().orElse(1) : 1;
        return new RunningEmulator.Settings(n, address, port, controlPort, busSpeed, firstSeed, moduleTiming, scenario,
            tokenOrNull, linkLimits());
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
