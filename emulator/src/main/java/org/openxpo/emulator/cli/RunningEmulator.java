package org.openxpo.emulator.cli;

import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.ScaledClock;
import org.openxpo.emulator.control.ControlServer;
import org.openxpo.emulator.grpc.GrpcServer;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.link.ServerLimits;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.emulator.scenario.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A started emulator process: the chassis, its scenario, the link server and the control API, closed together. */
public final class RunningEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningEmulator.class);

    /** What the command line asked for, checked. */
    record Settings(int cages, InetAddress bind, int linkPort, int controlPort, BusTiming busTiming, long seed,
                    ModuleConfig.Timing timing, Scenario scenario, String token, List<String> hostNames,
                    ServerLimits linkLimits, double clockRate, GrpcSettings grpc) {}

    /** The emulator could not start (a busy port); the message is the one line the user sees. */
    static final class StartupException extends RuntimeException {
        StartupException(String message, Throwable cause) { super(message, cause); }
    }

    private final EmulatedChassis chassis;
    private final ScenarioRunner scenario;
    private final LinkServer link;
    private final ControlServer control;
    /** Null unless --grpc-port was given. */
    private final GrpcServer grpc;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Runnable> afterClose = new CopyOnWriteArrayList<>();

    private RunningEmulator(EmulatedChassis chassis, ScenarioRunner scenario, LinkServer link, ControlServer control,
                            GrpcServer grpc) {
        this.chassis = chassis;
        this.scenario = scenario;
        this.link = link;
        this.control = control;
        this.grpc = grpc;
    }

    static RunningEmulator start(Settings s) {
        // checked up front so a busy control port fails before the link server has started (and logged)
        requireFree("--port", s.bind(), s.linkPort());
        requireFree("--control-port", s.bind(), s.controlPort());
        if (s.grpc() != null) requireFree("--grpc-port", s.bind(), s.grpc().port());
        EmulatorClock clock = s.clockRate() == 1 ? EmulatorClock.system() : new ScaledClock(s.clockRate());
        EmulatedChassis chassis = new EmulatedChassis(s.cages(), clock, n -> moduleConfig(s, n));
        ScenarioRunner scenario = null;
        LinkServer link = null;
        ControlServer control = null;
        try {
            if (s.scenario() != null) scenario = ScenarioRunner.start(chassis, s.scenario());
            link = listen("--port", s.bind(), s.linkPort(), a -> LinkServer.start(chassis, a, s.busTiming(), s.linkLimits()));
            LinkServer linkForStats = link;
            control = listen("--control-port", s.bind(), s.controlPort(),
                a -> ControlServer.start(chassis, a, s.token(), linkForStats, s.hostNames(), s.scenario()));
            GrpcServer grpc = s.grpc() == null ? null : listen("--grpc-port", s.bind(), s.grpc().port(),
                a -> startGrpc(chassis, linkForStats, s.grpc().options(a, s.token(), s.busTiming().enabled())));
            RunningEmulator running = new RunningEmulator(chassis, scenario, link, control, grpc);
            LOG.info("xpo-emulator: {} cage{}, link tcp://{}:{}/<cage>, control API http://{}:{}/api{}, bus timing {}{}{}",
                s.cages(), s.cages() == 1 ? "" : "s", host(s.bind()), link.port(), host(s.bind()), control.port(),
                s.token() == null ? "" : " (bearer token required)", s.busTiming(),
                s.clockRate() == 1 ? "" : ", emulated time at " + s.clockRate() + "x",
                s.scenario() == null ? "" : ", scenario running");
            return running;
        } catch (RuntimeException e) {
            if (control != null) control.close();
            if (link != null) link.close();
            if (scenario != null) scenario.close();
            chassis.close();
            throw e;
        }
    }

    /** The gRPC face on the link's buses; TLS files it cannot use are a startup failure naming them. */
    private static GrpcServer startGrpc(EmulatedChassis chassis, LinkServer link, GrpcServer.Options options) {
        try {
            return GrpcServer.start(chassis, link::i2cBatch, options);
        } catch (IllegalArgumentException e) {
            throw new StartupException("--grpc-tls-cert/--grpc-tls-key: " + e.getMessage(), e);
        }
    }

    private static ModuleConfig moduleConfig(Settings s, int n) {
        ModuleConfig base = ModuleConfig.builder().serialNumber(EmulatedChassis.serial(n)).seed(s.seed() + n - 1)
            .timing(s.timing()).build();
        return s.scenario() == null ? base : s.scenario().moduleConfig(n, base);
    }

    private interface Starter<T> {
        T start(InetSocketAddress address);
    }

    /** Starts a server; a busy port becomes one line naming the flag that chose it. */
    private static <T> T listen(String flag, InetAddress bind, int port, Starter<T> starter) {
        try {
            return starter.start(new InetSocketAddress(bind, port));
        } catch (UncheckedIOException e) {
            boolean busy = false;
            for (Throwable t = e; t != null; t = t.getCause()) busy |= t instanceof BindException;
            String why = busy ? "the port is in use or not available" : String.valueOf(e.getCause().getMessage());
            throw new StartupException("cannot listen on " + host(bind) + ":" + port + " (" + flag + "): " + why, e);
        }
    }

    private static void requireFree(String flag, InetAddress bind, int port) {
        if (port == 0) return;
        try {
            new ServerSocket(port, 1, bind).close();
        } catch (IOException e) {
            throw new StartupException("cannot listen on " + host(bind) + ":" + port + " (" + flag + "): "
                + (e instanceof BindException ? "the port is in use or not available" : e.getMessage()), e);
        }
    }

    private static String host(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** Where both servers listen, with the ports they chose when asked for port 0. */
    public Endpoints endpoints() {
        String linkHost = host(link.address().getAddress()), controlHost = host(control.address().getAddress());
        String grpcAddress = grpc == null ? null : host(grpc.address().getAddress()) + ":" + grpc.port();
        return new Endpoints("tcp://" + linkHost + ":" + link.port(), link.port(),
            "http://" + controlHost + ":" + control.port() + "/api", control.port(), grpcAddress,
            grpc == null ? null : grpc.port(), chassis.size(), ProcessHandle.current().pid());
    }

    /** The xcvr-emu gRPC service, or null when --grpc-port was not given. */
    public GrpcServer grpc() { return grpc; }

    public int linkPort() { return link.port(); }

    /** The link server, for its counters (connections, refusals, queued bytes). */
    public LinkServer link() { return link; }

    public int controlPort() { return control.port(); }

    public EmulatedChassis chassis() { return chassis; }

    /** Runs {@code action} at the end of {@link #close()}, before it returns (whichever thread closes). */
    void afterClose(Runnable action) { afterClose.add(action); }

    /** True once {@link #close()} has finished. */
    public boolean isClosed() { return closed.getCount() == 0; }

    /** Blocks until {@link #close()} (e.g. from the shutdown hook on SIGTERM/SIGINT). */
    public void awaitClosed() throws InterruptedException { closed.await(); }

    /** Stops accepting requests first (gRPC, control API, link), then the scenario, then the modules. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) return;
        if (grpc != null) grpc.close();
        control.close();
        link.close();
        if (scenario != null) scenario.close();
        chassis.close();
        afterClose.forEach(Runnable::run);
        LOG.info("xpo-emulator: stopped");
        closed.countDown();
    }
}
