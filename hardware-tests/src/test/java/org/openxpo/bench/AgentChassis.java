package org.openxpo.bench;

import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.DriverVdmSource;
import org.openxpo.agent.http.AgentHttpServer;
import org.openxpo.agent.http.HttpOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.openxpo.bench.Report.Verdict;

/**
 * (8) xpo-agent watching an emulated chassis of 1,024 modules polled every 10 s: the agent's CPU and heap, and what a
 * Prometheus scrape of /metrics costs. The emulator runs in a process of its own, so this JVM's CPU is the agent's.
 */
final class AgentChassis {
    private AgentChassis() {}

    static final int MODULES = 1024;
    static final double GOAL_CORES = 0.5;
    static final long GOAL_HEAP = 512L << 20;

    static void run(Settings st, Report.Section sec) throws Exception {
        double seconds = st.full() ? 120 : 40;
        sec.text(Stats.fmt("""
            **What is measured.** An emulator process (`EmulatorMain --cages %d --timing fast`, link on loopback, bus \
            timing off) serves %d default modules; this JVM runs the agent on them as `xpo-agent` would: one `tcp://` \
            target per cage, a snapshot of each every 10 s and the alarm monitor's 1 s tick (the defaults), and its \
            HTTP face. Once every module has been polled, the agent runs for %.0f s while a client scrapes `/metrics` \
            (gzip) every 10 s as a Prometheus would. CPU is this process's CPU time over the wall time (agent, scrapes, GC); \
            heap is what stays live after a full collection at the end.
            """, MODULES, MODULES, seconds));
        Path dir = Files.createTempDirectory("agent-bench");
        Path ready = dir.resolve("emulator.json");
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx2g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.openxpo.emulator.cli.EmulatorMain",
            "--cages", Integer.toString(MODULES), "--port", "0", "--control-port", "0", "--timing", "fast",
            "--link-connections", Integer.toString(MODULES + 64), "--ready-file", ready.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("emulator.log").toFile()).start();
        try {
            int port = linkPort(ready, emulator, dir);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try (ModuleRegistry registry = new ModuleRegistry(PollOptions.DEFAULT,
                     new DriverVdmSource(null, java.time.Clock.systemUTC()));
                 AgentHttpServer http = AgentHttpServer.start(HttpOptions.loopback(0, null), registry, new ModuleControls(registry));
                 HttpClient client = HttpClient.newHttpClient()) {
                long startAdding = System.nanoTime();
                for (int cage = 1; cage <= MODULES; cage++) registry.add(new ModuleSpec("cage" + cage, "tcp://127.0.0.1:" + port + "/" + cage));
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (registry.views().stream().anyMatch(v -> v.snapshot() == null)) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("not every module polled within 120 s");
                    Thread.sleep(200);
                }
                double firstRound = (System.nanoTime() - startAdding) / 1e9;
                List<Long> scrapeNanos = new ArrayList<>(), scrapeCpu = new ArrayList<>();
                long gzipBytes = 0;
                long cpu0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                long errors0 = registry.views().stream().mapToLong(v -> v.health().errors()).sum();
                long polls0 = registry.views().stream().mapToLong(v -> v.health().polls()).sum();
                while (System.nanoTime() - w0 < seconds * 1e9) {
                    long t = System.nanoTime(), c = os.getProcessCpuTime();
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(http.url() + "/metrics"))
                        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
                    scrapeNanos.add(System.nanoTime() - t);
                    scrapeCpu.add(os.getProcessCpuTime() - c);   // the agent's polls meanwhile count too
                    if (r.statusCode() != 200) throw new IllegalStateException("/metrics answered " + r.statusCode());
                    gzipBytes = r.body().length;
                    Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - t) / 1_000_000));
                }
                long cpu1 = os.getProcessCpuTime(), w1 = System.nanoTime();
                double cores = (cpu1 - cpu0) / (double) (w1 - w0);
                long polls = registry.views().stream().mapToLong(v -> v.health().polls()).sum() - polls0;
                long errors = registry.views().stream().mapToLong(v -> v.health().errors()).sum() - errors0;
                double[] pollSeconds = registry.views().stream().mapToDouble(v -> v.health().lastDurationSeconds()).toArray();
                System.gc();
                long heap = ResourceSampler.liveHeap();
                long[] scrapes = scrapeNanos.stream().mapToLong(Long::longValue).toArray();
                long[] scrapeCpus = scrapeCpu.stream().mapToLong(Long::longValue).toArray();
                String text = client.send(HttpRequest.newBuilder(URI.create(http.url() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                long series = text.lines().filter(l -> !l.startsWith("#")).count();
                sec.row("agent CPU, 1,024 modules polled every 10 s, scraped every 10 s", Stats.fmt("%.2f core", cores),
                    "≤ 0.5 core", "—", "—", Verdict.atMost(cores, GOAL_CORES));
                sec.row("agent heap live after GC, 1,024 modules", Stats.fmt("%.0f MiB", heap / 1048576.0), "≤ 512 MiB",
                    "—", "—", Verdict.atMost(heap, GOAL_HEAP));
                sec.row("/metrics scrape of 1,024 modules (gzip), median", Stats.time(Stats.median(scrapes)) + ", "
                    + Stats.fmt("%.1f MB", gzipBytes / 1e6), "—", "—", "—", Verdict.INFO);
                sec.table(List.of("figure", " value"), List.of(
                    List.of("first poll of every module after start (1,024 connects, identities, thresholds)", Stats.fmt("%.1f s", firstRound)),
                    List.of("polls during the run / failed", Stats.count(polls) + " / " + Stats.count(errors)),
                    List.of("poll duration (latest per module), median / max", Stats.time(Stats.median(pollSeconds) * 1e9)
                        + " / " + Stats.time(Stats.max(pollSeconds) * 1e9)),
                    List.of("CPU used (process CPU time ÷ wall time)", Stats.fmt("%.2f cores of %d", cores,
                        Runtime.getRuntime().availableProcessors())),
                    List.of("heap live after a full GC", Stats.fmt("%.0f MiB", heap / 1048576.0)),
                    List.of("threads", Integer.toString(ResourceSampler.threads())),
                    List.of("/metrics scrape with gzip, wall time median / max (" + scrapes.length + " scrapes)",
                        Stats.time(Stats.median(scrapes)) + " / " + Stats.time(Stats.pct(scrapes, 100))),
                    List.of("/metrics scrape, process CPU time during it, median", Stats.time(Stats.median(scrapeCpus))),
                    List.of("/metrics size, gzip / text", Stats.fmt("%.1f MB / %.1f MB", gzipBytes / 1e6, bytes / 1e6)),
                    List.of("series", Stats.count(series) + Stats.fmt(" (%.0f per module)", series / (double) MODULES)),
                    List.of("load average after the run", Machine.load(Machine.loadAverage()))));
                sec.text("The emulator process serving the chassis shares the machine's cores; its CPU is not counted "
                    + "above, and on a loaded machine the wall times stretch with it: the scrape's CPU time is the "
                    + "steadier figure.");
            }
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) emulator.destroyForcibly();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The emulator's link port, once its ready file appears. */
    private static int linkPort(Path ready, Process emulator, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(ready)) {
            if (!emulator.isAlive()) throw new IllegalStateException("the emulator ended: " + Files.readString(dir.resolve("emulator.log")));
            if (System.nanoTime() > deadline) throw new IllegalStateException("the emulator did not start within 120 s");
            Thread.sleep(100);
        }
        Matcher m = Pattern.compile("\"linkPort\":(\\d+)").matcher(Files.readString(ready));
        if (!m.find()) throw new IllegalStateException("no linkPort in " + ready);
        return Integer.parseInt(m.group(1));
    }
}
