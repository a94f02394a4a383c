package org.openxpo.bench;

import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.ModuleMonitor;
import org.openxpo.driver.monitor.MonitorOptions;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.link.ServerLimits;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.I2cMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./benchmarks --soak [minutes]}: one in-process link server abused for that long while its invariants are
 * checked — a reading subscriber gets every IntL edge exactly once, every firmware update ends with a bootable image,
 * heap and threads stay bounded, and a well-behaved client's p99 stays within 3× of what it was before the abuse.
 * The cages: 1 for the well-behaved readers, 2 for IntL edges (a fault script on its lanes and a {@link ModuleMonitor}
 * over the link that clears the flags), 3 for firmware updates, 4 for fault scripts, 5 for the large reads of the
 * frozen subscribers. A main-program mode, not a test: {@code ./run-tests} never runs it.
 */
final class Soak {
    private Soak() {}

    static final int READER_CAGE = 1, INTL_CAGE = 2, UPDATE_CAGE = 3, FAULT_CAGE = 4, BULK_CAGE = 5, CAGES = 5, PROBES = 2;
    static final ServerLimits LIMITS = ServerLimits.DEFAULT.withMemoryBudget(8 * ServerLimits.MIB).withMaxConnections(48)
        .withHandshakeTimeout(Duration.ofSeconds(2));
    static final double P99_FACTOR = 3;
    /**
     * Threads the storm may start beside its actors and the server's request pool: the monitor's, and the server's
     * I/O event loops, which Netty starts as connections arrive (two per core).
     */
    static final int STORM_HELPER_THREADS = 1 + 2 * Runtime.getRuntime().availableProcessors();
    static final Duration ACTOR_JOIN = Duration.ofSeconds(30);

    /** Runs for {@code minutes}, prints the figures and writes them as the soak section of {@code out}; true when every invariant held. */
    static boolean run(double minutes, Path out) throws Exception {
        long totalNs = (long) (minutes * 60e9), quietNs = Math.max(10_000_000_000L, totalNs / 10);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Machine machine = Machine.capture();
        System.out.printf("OpenXPO soak, %.1f min: %d cores (%s), %s, load average %s%n", minutes, machine.cores(),
            machine.cpu(), machine.jdk(), Machine.load(machine.loadAtStart()));
        long started = System.nanoTime();
        try (EmulatedChassis chassis = Emulators.chassis(CAGES, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), BusTiming.OFF, LIMITS);
                 EdgeWatch edges = new EdgeWatch(chassis.cage(INTL_CAGE), INTL_CAGE, server.port());
                 LatencyProbe probe = new LatencyProbe(server.port(), READER_CAGE, PROBES, violations)) {
                System.out.printf("  quiet: %d well-behaved clients for %.0f s (the first third is warm-up)%n", PROBES,
                    quietNs / 1e9);
                Thread.sleep(quietNs / 3_000_000);
                probe.quiet();
                Thread.sleep(quietNs * 2 / 3_000_000);
                probe.storm();
                int threadsBefore = ResourceSampler.threads(), workersBefore = server.workerThreads();
                AtomicBoolean stop = new AtomicBoolean(), stopEdges = new AtomicBoolean();
                ResourceSampler sampler = new ResourceSampler();
                UpdateLoop updates = new UpdateLoop(violations);
                HostileClients hostile = new HostileClients(server.port(), BULK_CAGE, violations);
                int[] faults = {0}, edgeFaults = {0};
                List<Thread> storm = new ArrayList<>();
                System.out.printf("  storm: frozen and slow subscribers, fuzzers, silent connections, a connection hog, "
                    + "fault scripts and firmware updates for %.0f s%n", (totalNs - quietNs) / 1e9);
                try (LinkTransport monitorLink = LinkTransport.connect("127.0.0.1", server.port(), INTL_CAGE,
                         LinkTransport.Options.DEFAULT);
                     XpoModuleClient monitored = new XpoModuleClient(monitorLink);
                     ModuleMonitor monitor = ModuleMonitor.start(monitored, MonitorOptions.DEFAULT, e -> { })) {
                    storm.add(actor("edges", violations, () -> edgeFaults[0] = toggleLanes(chassis.cage(INTL_CAGE).module(), stopEdges)));
                    storm.add(actor("faults", violations, () -> faults[0] = faultScript(chassis.cage(FAULT_CAGE).module(), stop)));
                    storm.add(actor("updates", violations, () -> updates.run(chassis.cage(UPDATE_CAGE), server.port(), stop)));
                    storm.add(actor("frozen", violations, () -> hostile.frozen(stop)));
                    storm.add(actor("slow", violations, () -> hostile.slow(stop)));
                    storm.add(actor("fuzz", violations, () -> hostile.fuzz(stop)));
                    storm.add(actor("silent", violations, () -> hostile.silent(stop, LIMITS.handshakeTimeout().toMillis())));
                    storm.add(actor("hog", violations, () -> hostile.hog(stop, LIMITS.maxConnections())));
                    storm.add(actor("sampler", violations, () -> sampler.run(server, stop)));
                    long end = started + totalNs;
                    while (System.nanoTime() < end) {
                        Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                        System.out.printf("  %4.0f s: %,d IntL edges, %d updates, %d frozen dropped, %d shed by the budget, "
                            + "%d connections, queued %s%n", (System.nanoTime() - started) / 1e9, edges.edges(),
                            updates.done.get() + updates.interrupted.get(), hostile.frozenDropped.get(), server.shedConnections(),
                            server.connections(), bytes(server.queuedBytes()));
                    }
                    stopEdges.set(true);
                    stop.set(true);
                    for (Thread t : storm) {
                        t.join(ACTOR_JOIN);
                        if (t.isAlive()) violations.add(t.getName() + " was still running " + ACTOR_JOIN.toSeconds()
                            + " s after the storm ended");
                    }
                    Thread.sleep(500); // the monitor reads the last flags: IntL's last edge
                }
                String edgeVerdict = edges.verdict(5_000);
                if (edgeVerdict != null) violations.add(edgeVerdict);
                sampler.sample(server);
                stillServing(server, chassis, violations);

                long[] quiet = probe.quietSamples(), stormed = probe.stormSamples();
                double quietP99 = Stats.pct(quiet, 99), stormP99 = Stats.pct(stormed, 99);
                if (stormP99 > P99_FACTOR * quietP99)
                    violations.add(Stats.fmt("a well-behaved client's p99 was %s under the storm, over %.0f× the quiet %s",
                        Stats.time(stormP99), P99_FACTOR, Stats.time(quietP99)));
                // the request pool grows with the connections that have work, never with idle ones: every other thread
                // is one of a fixed set
                long threadBound = threadsBefore - workersBefore + storm.size() + STORM_HELPER_THREADS;
                if (sampler.maxThreadsBesideWorkers > threadBound)
                    violations.add("threads beside the server's request pool reached " + sampler.maxThreadsBesideWorkers
                        + ", over " + threadBound + " (those before the storm, its " + storm.size() + " actors and "
                        + STORM_HELPER_THREADS + " for the monitor and the server's I/O loops)");
                if (sampler.maxWorkers > LIMITS.maxConnections())
                    violations.add("the server's request pool reached " + sampler.maxWorkers + " threads, over its "
                        + LIMITS.maxConnections() + " connections");
                long heapBound = Runtime.getRuntime().maxMemory() / 2;
                if (sampler.maxLiveHeap > heapBound)
                    violations.add("the live heap reached " + bytes(sampler.maxLiveHeap) + ", over half the heap");
                if (server.peakQueuedBytes() > LIMITS.memoryBudgetBytes())
                    violations.add("the server queued " + bytes(server.peakQueuedBytes()) + ", over its budget");
                if (updates.done.get() == 0) violations.add("no firmware update finished");

                List<List<String>> rows = List.of(
                    row("well-behaved page reads, quiet: samples / median / p99", Stats.count(quiet.length) + " / "
                        + Stats.time(Stats.median(quiet)) + " / " + Stats.time(quietP99)),
                    row("well-behaved page reads, storm: samples / median / p99 (≤ 3× quiet p99)",
                        Stats.count(stormed.length) + " / " + Stats.time(Stats.median(stormed)) + " / " + Stats.time(stormP99)
                            + " (" + Stats.ratio(stormP99 / quietP99) + ")"),
                    row("IntL edges the reading subscriber got, all of them once and in order",
                        Stats.count(edges.edges()) + (edgeVerdict == null ? "" : " — **" + edgeVerdict + "**")),
                    row("faults injected: on the IntL cage / by the fault script", edgeFaults[0] + " / " + faults[0]),
                    row("firmware updates finished / interrupted (every one ended bootable)", updates.done.get() + " / " + updates.interrupted.get()),
                    row("frozen subscribers opened / dropped by the server", hostile.frozenOpened + " / " + hostile.frozenDropped),
                    row("connections shed by the memory budget (" + bytes(LIMITS.memoryBudgetBytes()) + ")",
                        String.valueOf(server.shedConnections())),
                    row("slow subscribers opened", hostile.slowOpened.toString()),
                    row("fuzzing connections / closed by the server", hostile.fuzzed + " / " + hostile.fuzzClosed),
                    row("connections without HELLO / closed by the handshake timeout (" + LIMITS.handshakeTimeout().toMillis()
                        + " ms)", hostile.silentOpened + " / " + hostile.silentClosed),
                    row("connections refused at the limit (" + LIMITS.maxConnections() + "): by the server / seen by the hog",
                        server.refusedConnections() + " / " + hostile.hogRefused),
                    row("peak queued bytes (budget " + bytes(LIMITS.memoryBudgetBytes()) + ")", bytes(server.peakQueuedBytes())),
                    row("most connections / request threads at once (bound: " + LIMITS.maxConnections() + ")",
                        sampler.maxConnections + " / " + sampler.maxWorkers),
                    row("most live threads / beside the request pool (bound: " + threadBound + ")",
                        sampler.maxThreads + " / " + sampler.maxThreadsBesideWorkers),
                    row("most live heap after a collection (bound: half of " + bytes(Runtime.getRuntime().maxMemory()) + ")",
                        bytes(sampler.maxLiveHeap)));
                double seconds = (System.nanoTime() - started) / 1e9;
                String md = markdown(minutes, seconds, machine, rows, violations);
                System.out.println();
                System.out.println(md);
                SoakSection.write(out, md);
                System.out.println("wrote the soak section of " + out.toAbsolutePath());
                return violations.isEmpty();
            }
        }
    }


    private static List<String> row(String figure, String value) { return List.of(figure, value); }

    /** Injects RxLOS on one lane after another of the IntL cage, clearing each 5-15 ms later: two IntL edges each. */
    private static int toggleLanes(XpoModule module, AtomicBoolean stop) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(3);
        int n = 0;
        for (int lane = 1; !stop.get(); lane = lane % 64 + 1) {
            ActiveFault f = module.inject(new Fault.RxLossOfSignal(Set.of(lane)));
            n++;
            Thread.sleep(5 + random.nextInt(11));
            module.clearFault(f.id());
            Thread.sleep(5 + random.nextInt(11));
        }
        return n;
    }

    /** Faults of every family on the fault cage, each for 100-400 ms. */
    private static int faultScript(XpoModule module, AtomicBoolean stop) throws InterruptedException {
        List<Fault> faults = List.of(new Fault.LaserFailure(Set.of(1, 2)), new Fault.CoolantFlow(0.3),
            new Fault.InputVoltage(41.5), new Fault.BrownOut(Duration.ofMillis(50)), new Fault.LeakSensorFault(),
            new Fault.InletTemperature(45), new Fault.CdrLossOfLock(Set.of(9), true), new Fault.StuckBus());
        SplittableRandom random = new SplittableRandom(4);
        int n = 0;
        while (!stop.get()) {
            ActiveFault f = module.inject(faults.get(n++ % faults.size()));
            Thread.sleep(100 + random.nextInt(301));
            module.clearFault(f.id()); // a brown-out may have ended by itself
        }
        return n;
    }

    /** After the storm: every module answers and a new client is served. */
    private static void stillServing(LinkServer server, EmulatedChassis chassis, List<String> violations) throws Exception {
        for (int cage : chassis.cages()) {
            if (!chassis.cage(cage).module().responsive()) violations.add("cage " + cage + "'s module no longer answers");
        }
        try (LinkTransport t = LinkTransport.connect("127.0.0.1", server.port(), READER_CAGE, LinkTransport.Options.DEFAULT)) {
            LinkFigures.check(t.i2c(LinkFigures.PAGE_READ));
        } catch (RuntimeException e) {
            violations.add("a new client is not served after the storm: " + e.getMessage());
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Thread actor(String name, List<String> violations, Body body) {
        return Thread.ofPlatform().name("soak-" + name).start(() -> {
            try {
                body.run();
            } catch (Exception | Error e) {
                violations.add("the soak's " + name + " actor failed: " + e);
            }
        });
    }

    /** A whole number of MiB as "8 MiB", else as {@link #bytes}. */
    private static String mib(long b) { return b % ServerLimits.MIB == 0 ? b / ServerLimits.MIB + " MiB" : bytes(b); }

    /** A duration in the largest whole unit: "2 s", "2 ms", "250 µs". */
    private static String span(Duration d) {
        long ns = d.toNanos();
        return ns % 1_000_000_000 == 0 ? ns / 1_000_000_000 + " s" : ns % 1_000_000 == 0 ? ns / 1_000_000 + " ms"
            : ns / 1_000 + " µs";
    }

    static String bytes(long b) {
        return b >= ServerLimits.MIB ? Stats.fmt("%.1f MiB", b / (double) ServerLimits.MIB) : Stats.fmt("%.0f KiB", b / 1024.0);
    }

    private static String markdown(double minutes, double seconds, Machine machine, List<List<String>> rows,
                                   List<String> violations) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(Stats.fmt("## Soak: %.0f minutes against one link server%n%n", minutes));
        md.append(Stats.fmt("_`./benchmarks --soak %s`, %.0f s, %s, commit `%s`; %d cores (%s), %s; load average %s at "
                + "start, %s at the end._%n%n", minutes == Math.rint(minutes) ? Stats.fmt("%.0f", minutes) : String.valueOf(minutes),
            seconds, machine.started(), machine.commit(), machine.cores(), machine.cpu(), machine.jdk(),
            Machine.load(machine.loadAtStart()), Machine.load(Machine.loadAverage())));
        md.append(Stats.fmt("""
            One emulated chassis of %d cages (wall-clock time, 1 ms transitions) behind one `LinkServer` with a memory \
            budget of %s, %d connections and a %s handshake timeout. First 10 %% of the run (at least 10 s) only %d \
            well-behaved clients (`LinkTransport`, one page read every %s each, cage %d) run; the last two thirds of \
            that are the quiet baseline (the first third warms the JIT up). Then, for the rest: RxLOS injected and \
            cleared on one lane after another of cage %d every 10-30 ms with a `ModuleMonitor` over the link clearing \
            the flags (two IntL edges each), and a plain-socket subscriber to cage %d's IntL reading everything, \
            compared edge by edge with an in-process subscription; a fault script on cage %d (laser failure, coolant \
            flow, input voltage, brown-out, leak sensor, inlet temperature, CDR LOL, stuck bus; 100-400 ms each); \
            firmware updates of a %d KiB image on cage %d over the link, every fourth one interrupted by failing block \
            writes, each followed by a check that the module runs a valid image and is ready; %d frozen subscribers \
            (every event of every cage, and %d reads of %d KiB from cage %d every 250 ms, never a byte read), replaced \
            when dropped; %d slow subscribers (4 KiB every 50 ms); a fuzzer (4 KiB of random bytes, before or after \
            HELLO, every 50 ms); a connection without HELLO every second; every 10 s a hog opening more connections \
            than the limit.

            """, CAGES, mib(LIMITS.memoryBudgetBytes()), LIMITS.maxConnections(), span(LIMITS.handshakeTimeout()),
            PROBES, span(Duration.ofNanos(LatencyProbe.PERIOD_NS)), READER_CAGE, INTL_CAGE, INTL_CAGE, FAULT_CAGE,
            UpdateLoop.IMAGE_BYTES / 1024, UPDATE_CAGE, HostileClients.FROZEN_ALIVE, HostileClients.FROZEN_READS_PER_TICK,
            HostileClients.BIG_READ.stream().mapToInt(I2cMessage::length).sum() / 1024, BULK_CAGE,
            HostileClients.SLOW_ALIVE));
        md.append("| figure | measured |\n|---|---:|\n");
        for (List<String> r : rows) md.append("| ").append(r.get(0)).append(" | ").append(r.get(1)).append(" |\n");
        md.append('\n');
        if (violations.isEmpty()) {
            md.append("**Every invariant held.**\n");
        } else {
            md.append("**Invariants violated:**\n\n");
            for (String v : List.copyOf(violations)) md.append("- ").append(v.replace("\n", " ")).append('\n');
        }
        return md.toString();
    }
}
