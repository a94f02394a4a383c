package org.openxpo.agent.cli;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.http.HttpOptions;
import org.openxpo.http.ServerNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The command line of {@code xpo-agent} (docs/agent.md). */
@Command(name = "xpo-agent", mixinStandardHelpOptions = true, versionProvider = AgentCommand.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Watches XPO modules and serves them as Prometheus /metrics, a REST/SSE API and the bench dashboard.",
    footer = {"", "Examples:",
        "  xpo-agent --target tcp://127.0.0.1:9450/1 --target tcp://127.0.0.1:9450/2",
        "  xpo-agent --target left=tcp://bench7:9450/1 --http-port 9464 --poll-interval 5",
        "  xpo-agent --config /etc/xpo-agent/agent.yaml"})
final class AgentCommand implements Callable<Integer> {
    /** Longest token file read. */
    private static final int MAX_TOKEN_BYTES = 4096;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (YAML, or JSON by its .json extension): "
        + "modules, poll intervals, listen address, TLS and token files. Flags given too override it.")
    Path config;

    @Option(names = "--target", paramLabel = "[NAME=]URI", description = "A module to watch (repeatable): tcp://HOST:PORT/CAGE, "
        + "i3c+tcp://…, pi4j://BUS/ADDRESS?…; named cageN after its cage unless NAME= is given.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (metrics, API, dashboard); 0 picks a free one. "
        + "Default: " + HttpOptions.DEFAULT_PORT + ".")
    Integer httpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address the HTTP face listens on. Default: 127.0.0.1. "
        + "Anything but loopback needs --tls-cert, --tls-key and --token-file.")
    String bind;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", description = "Snapshot interval per module. Default: 10.")
    Double pollSeconds;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Bearer token the controls (POST) require, read from FILE. "
        + "Without one the controls are off.")
    Path tokenFile;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--host-name", paramLabel = "NAME", description = "A host name clients use for this machine "
        + "(repeatable): accepted in Host and Origin besides the address.")
    List<String> hostNames = new ArrayList<>();

    private final Consumer<RunningAgent> onStarted;
    PrintWriter out;

    AgentCommand(Consumer<RunningAgent> onStarted) { this.onStarted = onStarted; }

    /** A problem with the flags or the config: exit code 2, one line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }

    @Override
    public Integer call() throws Exception {
        AgentConfig file = config == null ? null : readConfig();
        List<ModuleSpec> modules = modules(file);
        PollOptions poll = file == null ? PollOptions.DEFAULT : file.pollOptions();
        if (pollSeconds != null) poll = poll.withSnapshotInterval(usage(() -> AgentConfig.seconds(pollSeconds, "--poll-interval")));
        HttpOptions http = httpOptions(file);
        RunningAgent agent = RunningAgent.start(modules, poll, http);
        onStarted.accept(agent);
        out.println("xpo-agent: watching " + modules.size() + " module" + (modules.size() == 1 ? "" : "s") + "; metrics "
            + agent.http().url() + "/metrics, API " + agent.http().url() + "/api/modules"
            + (http.token() == null ? " (controls off: no --token-file)" : ""));
        out.flush();
        agent.awaitClose();
        return AgentMain.OK;
    }

    private AgentConfig readConfig() {
        return usage(() -> AgentConfig.read(config));
    }

    private List<ModuleSpec> modules(AgentConfig file) {
        List<ModuleSpec> out = new ArrayList<>(file == null ? List.of() : usage(file::specs));
        for (String t : targets) out.add(usage(() -> target(t)));
        if (out.isEmpty()) throw new UsageException("no modules to watch: give --target URI or --config FILE");
        Set<String> names = new HashSet<>();
        for (ModuleSpec m : out) {
            if (!names.add(m.name()))
                throw new UsageException("two modules are named '" + m.name() + "': name them, e.g. --target left=" + m.target());
        }
        return out;
    }

    /** {@code NAME=URI} or a bare URI. */
    static ModuleSpec target(String text) {
        int eq = text.indexOf('=');
        int scheme = text.indexOf("://");
        if (eq > 0 && (scheme < 0 || eq < scheme) && !text.substring(0, eq).contains("?"))
            return new ModuleSpec(text.substring(0, eq), text.substring(eq + 1));
        return ModuleSpec.unnamed(text);
    }

    private HttpOptions httpOptions(AgentConfig file) {
        AgentConfig.Http h = file == null || file.http() == null ? new AgentConfig.Http(null, null, null) : file.http();
        String address = bind != null ? bind : h.bind() != null ? h.bind() : "127.0.0.1";
        int port = httpPort != null ? httpPort : h.port() != null ? h.port() : HttpOptions.DEFAULT_PORT;
        if (port < 0 || port > 65535) throw new UsageException("HTTP port " + port + " is not 0-65535");
        List<String> names = new ArrayList<>(h.hostNames() == null ? List.of() : h.hostNames());
        names.addAll(hostNames);
        names.forEach(n -> usage(() -> ServerNames.check(n)));
        Path base = config == null ? Path.of(".") : config.toAbsolutePath().getParent();
        Path token = tokenFile != null ? tokenFile : file != null && file.tokenFile() != null ? base.resolve(file.tokenFile()) : null;
        Path cert = tlsCert != null ? tlsCert : file != null && file.tls() != null && file.tls().certFile() != null ? base.resolve(file.tls().certFile()) : null;
        Path key = tlsKey != null ? tlsKey : file != null && file.tls() != null && file.tls().keyFile() != null ? base.resolve(file.tls().keyFile()) : null;
        if ((cert == null) != (key == null)) throw new UsageException("TLS needs both a certificate and a key file");
        InetAddress addr;
        try {
            addr = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + address + " is not an address of this machine");
        }
        return usage(() -> new HttpOptions(new InetSocketAddress(addr, port), token == null ? null : readToken(token),
            cert == null ? null : tls(cert, key), names, HttpOptions.MAX_CONNECTIONS, HttpOptions.IDLE_TIMEOUT,
            HttpOptions.MAX_BODY_BYTES));
    }

    /** The token in {@code file}, white space around it ignored; never echoed in a message. */
    static String readToken(Path file) {
        try {
            if (Files.size(file) > MAX_TOKEN_BYTES) throw new UsageException("token file " + file + " is larger than " + MAX_TOKEN_BYTES + " bytes");
            String t = Files.readString(file).strip();
            if (t.isEmpty()) throw new UsageException("token file " + file + " is empty");
            return t;
        } catch (IOException e) {
            throw new UsageException("cannot read token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static SslContext tls(Path cert, Path key) {
        try {
            return SslContextBuilder.forServer(cert.toFile(), key.toFile()).build();
        } catch (Exception e) {
            // the key file's content never goes into the message
            throw new UsageException("cannot use TLS certificate " + cert + " with key " + key + ": " + e.getClass().getSimpleName());
        }
    }

    private static <T> T usage(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AgentCommand.class.getPackage().getImplementationVersion();
            return new String[] {"xpo-agent " + (v == null ? "(development build)" : v)};
        }
    }
}
