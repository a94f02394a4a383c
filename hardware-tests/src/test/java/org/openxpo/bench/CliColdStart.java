package org.openxpo.bench;

import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.openxpo.bench.Report.Verdict;

/** (8) {@code xpoctl show --target tcp://…} from a cold start: a new JVM each time, as a script calls it. */
final class CliColdStart {
    private CliColdStart() {}

    static final double GOAL_NS = 500_000_000;
    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    /** One way of starting xpoctl: the JVM options before {@code -jar}. */
    private record Variant(String name, List<String> options) {}

    static void run(Settings st, Report.Section sec) throws Exception {
        Path jar = ROOT.resolve("host-driver/target/xpoctl.jar"), cache = ROOT.resolve("host-driver/target/xpoctl.aot");
        // ./xpoctl builds the jar (and, with Java 25+, its AOT cache) when its sources changed
        exec(List.of(ROOT.resolve("xpoctl").toString(), "--version"), Duration.ofMinutes(10));
        String java = ProcessHandle.current().info().command().orElse("java");
        int major = Runtime.version().feature();
        if (major >= 25 && !newer(cache, jar)) {
            // the jar was rebuilt by Maven since: the cache the release would carry, for this jar
            exec(List.of(ROOT.resolve("packaging/build-aot-cache").toString(), jar.toString(),
                ROOT.resolve("emulator/target/xpo-emulator.jar").toString(), cache.toString()), Duration.ofMinutes(5));
        }
        boolean cached = major >= 25 && newer(cache, jar);
        List<String> launcher = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");
        List<Variant> variants = new ArrayList<>(List.of(
            new Variant("`java -jar xpoctl.jar` (the launcher before this change)", List.of("--enable-native-access=ALL-UNNAMED")),
            new Variant("+ C1 only, serial collector (the launcher's options, no cache)", launcher)));
        if (cached) {
            List<String> withCache = new ArrayList<>(launcher);
            withCache.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
            variants.add(new Variant("+ the AOT cache (what `./xpoctl` and the installed launcher run)", withCache));
        }
        int runs = st.full() ? 15 : 7;
        sec.text(Stats.fmt("""
            **What is measured.** The wall time of `xpoctl --target tcp://127.0.0.1:PORT/1 show` started as a new \
            process (`java … -jar host-driver/target/xpoctl.jar`), from its start to its exit, against one emulated \
            module (ModuleReady, 64 lanes up) behind a `LinkServer` in the harness's JVM, timing off. The variants \
            run in turn, %d times each after one unrecorded run each; the figure is the median. The launchers \
            (`./xpoctl`, the installed `xpoctl`) add a shell and `scripts/jdk.sh` (a few ms). The AOT cache is \
            `host-driver/target/xpoctl.aot`, built by `packaging/build-aot-cache` (Java 25+) from one training \
            run of the same command; the release carries its own in `lib/`. Java %d.
            """, runs, major));
        try (EmulatedChassis chassis = Emulators.chassis(1, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), BusTiming.OFF)) {
                String target = "tcp://127.0.0.1:" + server.port() + "/1";
                long[][] ns = new long[variants.size()][runs];
                for (int r = -1; r < runs; r++) {
                    for (int v = 0; v < variants.size(); v++) {
                        List<String> cmd = new ArrayList<>();
                        cmd.add(java);
                        cmd.addAll(variants.get(v).options());
                        cmd.addAll(List.of("-jar", jar.toString(), "--target", target, "show"));
                        long t = exec(cmd, Duration.ofMinutes(1));
                        if (r >= 0) ns[v][r] = t;
                    }
                }
                List<List<String>> rows = new ArrayList<>();
                for (int v = 0; v < variants.size(); v++) {
                    rows.add(List.of(variants.get(v).name(), Stats.time(Stats.median(ns[v])),
                        Stats.time(Stats.pct(ns[v], 0)) + " – " + Stats.time(Stats.pct(ns[v], 100))));
                }
                double best = Stats.median(ns[variants.size() - 1]), before = Stats.median(ns[0]);
                sec.row("`xpoctl show` over the link, cold start", Stats.time(best) + " (before: " + Stats.time(before) + ")",
                    "≤ 500 ms", "—", Stats.ratio(best / GOAL_NS) + " goal", Verdict.atMost(best, GOAL_NS));
                sec.table(List.of("how xpoctl starts", " wall time (median)", " range"), rows);
                if (!cached) sec.finding("no AOT cache (it needs Java 25+): the last variant is missing");
                if (best > GOAL_NS) {
                    sec.finding("cold `xpoctl show` takes " + Stats.time(best) + ", over 500 ms; see the load average: "
                        + "a cold JVM start is CPU-bound, so on 2 shared cores it stretches with the machine's load");
                }
            }
        }
    }

    private static boolean newer(Path a, Path b) throws IOException {
        return Files.isRegularFile(a) && Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    }

    /** Runs {@code cmd} to its end; returns its wall time in ns; fails with its output on a non-zero exit. */
    private static long exec(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("xpoctl-cold-start", ".txt");
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not end within " + timeout);
            }
            long elapsed = System.nanoTime() - t;
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                    + Files.readString(output).strip());
            }
            return elapsed;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
