package org.openxpo.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.openxpo.bench.Report.Verdict;

/**
 * (11) xpo-agent watching an emulated chassis of 1,024 modules polled every 10 s: the agent's CPU and heap, and what a
 * Prometheus scrape of /metrics costs. Emulator and agent each run in a process of their own, the agent with the
 * launcher's JVM options, so the figures are the agent's as `xpo-agent` runs; they are read from outside (the
 * process's CPU time, `jcmd`) and from the agent's own /metrics.
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
            timing off) serves %d default modules; a second process runs the agent as `xpo-agent` does (`AgentMain \
            --config` naming one `tcp://` target per cage, the launcher's JVM options: no heap size, so the JVM's \
            default of a quarter of the machine's memory): a snapshot of each module every 10 s and the alarm \
            monitor's 1 s tick (the defaults), and its HTTP face. Once every module has been polled, the agent runs \
            for %.0f s while this process scrapes `/metrics` (gzip) every 10 s as a Prometheus would. CPU is the \
            agent process's CPU time over the wall time (polls, scrapes, GC, JIT); heap is what stays live after a \
            full collection at the end (`jcmd GC.run`, then `GC.heap_info`).
            """, MODULES, MODULES, seconds));
        Path dir = Files.createTempDirectory("agent-bench");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process emulator = null, agent = null;
        try {
            Path ready = dir.resolve("emulator.json");
            emulator = new ProcessBuilder(java.toString(), "-Xmx2g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.openxpo.emulator.cli.EmulatorMain",
                "--cages", Integer.toString(MODULES), "--port", "0", "--control-port", "0", "--timing", "fast",
                "--link-connections", Integer.toString(MODULES + 64), "--ready-file", ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("emulator.log").toFile()).start();
            int port = linkPort(ready, emulator, dir);
            Path config = dir.resolve("agent.json");
            StringBuilder modules = new StringBuilder();
            for (int cage = 1; cage <= MODULES; cage++) {
                modules.append(cage == 1 ? "" : ",").append("{\"name\":\"cage").append(cage)
                    .append("\",\"target\":\"tcp://127.0.0.1:").append(port).append('/').append(cage).append("\"}");
            }
            Files.writeString(config, "{\"modules\":[" + modules + "]}");
            long startAdding = System.nanoTime();
            // xpo-agent's own options (the launcher's exec line), nothing of this benchmark's
            agent = new ProcessBuilder(java.toString(), "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "org.openxpo.agent.cli.AgentMain", "--config", config.toString(), "--http-port", "0")
                .redirectErrorStream(true).start();
            String base = agentUrl(agent);
            ProcessHandle agentProcess = agent.toHandle();
            try (HttpClient client = HttpClient.newHttpClient()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (sum(scrape(client, base).text(), "xpo_polls_total", v -> v > 0 ? 1 : 0) < MODULES) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("not every module polled within 180 s");
                    Thread.sleep(1000);
                }
                double firstRound = (System.nanoTime() - startAdding) / 1e9;
                List<Long> scrapeNanos = new ArrayList<>(), scrapeCpu = new ArrayList<>();
                Scrape first = null, last = null;
                long cpu0 = cpu(agentProcess), w0 = System.nanoTime();
                while (System.nanoTime() - w0 < seconds * 1e9) {
                    long t = System.nanoTime(), c = cpu(agentProcess);
                    last = scrape(client, base);
                    scrapeNanos.add(System.nanoTime() - t);
                    scrapeCpu.add(cpu(agentProcess) - c);   // the agent's polls meanwhile count too
                    if (first == null) first = last;
                    Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - t) / 1_000_000));
                }
                long cpu1 = cpu(agentProcess), w1 = System.nanoTime();
                double cores = (cpu1 - cpu0) / (double) (w1 - w0);
                long polls = sum(last.text(), "xpo_polls_total", v -> v) - sum(first.text(), "xpo_polls_total", v -> v);
                long errors = sum(last.text(), "xpo_poll_errors_total", v -> v) - sum(first.text(), "xpo_poll_errors_total", v -> v);
                double[] pollSeconds = values(last.text(), "xpo_poll_duration_seconds");
                long heap = liveHeap(agentProcess.pid());
                long[] scrapes = scrapeNanos.stream().mapToLong(Long::longValue).toArray();
                long[] scrapeCpus = scrapeCpu.stream().mapToLong(Long::longValue).toArray();
                long series = last.text().lines().filter(l -> !l.startsWith("#") && l.startsWith("xpo_")).count();
                sec.row("agent CPU, 1,024 modules polled every 10 s, scraped every 10 s", Stats.fmt("%.2f core", cores),
                    "≤ 0.5 core", "—", "—", Verdict.atMost(cores, GOAL_CORES));
                sec.row("agent heap live after GC, 1,024 modules", Stats.fmt("%.0f MiB", heap / 1048576.0), "≤ 512 MiB",
                    "—", "—", Verdict.atMost(heap, GOAL_HEAP));
                sec.row("/metrics scrape of 1,024 modules (gzip), median", Stats.time(Stats.median(scrapes)) + ", "
                    + Stats.fmt("%.1f MB", last.gzipBytes() / 1e6), "—", "—", "—", Verdict.INFO);
                sec.table(List.of("figure", " value"), List.of(
                    List.of("first poll of every module after the agent's start (JVM start, 1,024 connects, identities, thresholds)",
                        Stats.fmt("%.1f s", firstRound)),
                    List.of("polls between the first and the last scrape / failed", Stats.count(polls) + " / " + Stats.count(errors)),
                    List.of("poll duration (latest per module), median / max", Stats.time(Stats.median(pollSeconds) * 1e9)
                        + " / " + Stats.time(Stats.max(pollSeconds) * 1e9)),
                    List.of("CPU used (agent process CPU time ÷ wall time)", Stats.fmt("%.2f cores of %d", cores,
                        Runtime.getRuntime().availableProcessors())),
                    List.of("heap live after a full GC", Stats.fmt("%.0f MiB", heap / 1048576.0)),
                    List.of("threads (`jvm_threads_current`)", Stats.count((long) values(last.text(), "jvm_threads_current")[0])),
                    List.of("/metrics scrape with gzip, wall time median / max (" + scrapes.length + " scrapes)",
                        Stats.time(Stats.median(scrapes)) + " / " + Stats.time(Stats.pct(scrapes, 100))),
                    List.of("/metrics scrape, agent CPU time during it, median", Stats.time(Stats.median(scrapeCpus))),
                    List.of("/metrics size, gzip / text", Stats.fmt("%.1f MB / %.1f MB", last.gzipBytes() / 1e6,
                        last.text().getBytes(StandardCharsets.UTF_8).length / 1e6)),
                    List.of("`xpo_` series", Stats.count(series) + Stats.fmt(" (%.0f per module)", series / (double) MODULES)),
                    List.of("load average after the run", Machine.load(Machine.loadAverage()))));
                sec.text("The emulator process serving the chassis shares the machine's cores; its CPU is not counted "
                    + "above, and on a loaded machine the wall times stretch with it: the scrape's CPU time is the "
                    + "steadier figure.");
            }
        } finally {
            for (Process p : new Process[] {agent, emulator}) {
                if (p == null) continue;
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    private record Scrape(String text, long gzipBytes) {}

    /** One scrape as Prometheus asks for it (gzip), unzipped here: this process's work is not the agent's. */
    private static Scrape scrape(HttpClient client, String base) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
            .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("/metrics answered " + r.statusCode());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new Scrape(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.body().length);
        }
    }

    /** The values of every series of {@code family} (no exemplars, no timestamps: the agent writes none). */
    private static double[] values(String text, String family) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(family) + "(?:\\{[^}]*})? (\\S+)$").matcher(text);
        List<Double> out = new ArrayList<>();
        while (m.find()) out.add(Double.parseDouble(m.group(1)));
        if (out.isEmpty()) throw new IllegalStateException("no " + family + " in /metrics");
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sum over {@code family}'s series of {@code each} of their values. */
    private static long sum(String text, String family, java.util.function.DoubleUnaryOperator each) {
        double s = 0;
        for (double v : values(text, family)) s += each.applyAsDouble(v);
        return Math.round(s);
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time of the agent")).toNanos();
    }

    /** The agent's heap after a full collection, by the JDK's jcmd. */
    private static long liveHeap(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
        if (!m.find()) throw new IllegalStateException("jcmd GC.heap_info named no heap use");
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + ": " + out);
        return out;
    }

    /** The agent's HTTP address from its start-up line; its further output is drained so it never blocks. */
    private static String agentUrl(Process agent) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("agent-output").start(() -> {
            Pattern p = Pattern.compile("metrics (http://\\S+)/metrics");
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = p.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                    else if (!url.isDone()) seen.append(line).append('\n');
                }
            } catch (java.io.IOException e) {
                // the agent ended: said below
            }
            url.completeExceptionally(new IllegalStateException("the agent ended: " + seen));
        });
        return url.get(120, TimeUnit.SECONDS);
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
