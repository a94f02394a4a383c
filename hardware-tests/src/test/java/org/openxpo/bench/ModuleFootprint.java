package org.openxpo.bench;

import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.module.ModuleConfig;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.openxpo.bench.Report.Verdict;

/**
 * (6) Modules per JVM. The parent starts a child JVM with {@code -Xmx1g} running {@link #main}: a chassis of N cages on
 * a virtual clock, every module brought to ModuleReady with 64 lanes up, then the heap after GC. If the modules did not
 * fit, the child dies of OutOfMemoryError and the goal is missed.
 */
public final class ModuleFootprint {
    private ModuleFootprint() {}

    static final long GIB = 1L << 30;
    static final int GOAL_MODULES = 10_000;
    static final double PER_MODULE_GOAL = GIB / (double) GOAL_MODULES;

    static void run(Settings st, Report.Section sec) throws Exception {
        int n = st.footprintModules();
        sec.text(Stats.fmt("""
            **What is measured.** A child JVM started with `-Xmx1g` (same JDK and class path) builds \
            `new EmulatedChassis(%,d, new VirtualClock(), …)` — %,d default modules (each its own seed and serial) in \
            cages — advances the virtual clock 3 s so every module passes MgmtInit and power-up and brings its 64 lanes \
            to DPActivated (checked), and measures the heap after full GCs against the heap before. The figure per \
            module is that difference ÷ N: memory image, state machines, physics, flags, CDB engine and the cage. Then \
            1 s of virtual time (10 physics ticks of every module) is timed on the child's thread to give the CPU a \
            tick costs. If the modules did not fit in 1 GiB the child would die of OutOfMemoryError.
            """, n, n));
        String java = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), ModuleFootprint.class.getName(), String.valueOf(n)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> result = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).trim().split(" ")) {
                        String[] a = kv.split("=", 2);
                        result.put(a[0], a[1]);
                    }
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
        if (p.exitValue() != 0 || result.isEmpty()) {
            sec.row(Stats.fmt("%,d modules in one JVM with -Xmx1g", n), "failed", "10,000 in ≤ 1 GiB", "—", "—",
                Verdict.MISSED);
            sec.finding("the child JVM failed (exit " + p.exitValue() + "): "
                + output.toString().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output"));
            return;
        }
        long heap = Long.parseLong(result.get("heapBytes"));
        double perModule = heap / (double) n;
        double for10k = perModule * GOAL_MODULES;
        sec.row(Stats.fmt("heap of %,d ready modules (64 lanes up)", n), Stats.fmt("%.0f MiB", heap / 1048576.0),
            "10,000 in ≤ 1 GiB", "—", Stats.ratio(for10k / GIB) + " goal", Verdict.atMost(for10k, GIB));
        sec.row("heap per module", Stats.fmt("%.1f KiB", perModule / 1024), "≤ 105 KiB (1 GiB ÷ 10,000)", "—",
            Stats.ratio(perModule / PER_MODULE_GOAL) + " goal", Verdict.atMost(perModule, PER_MODULE_GOAL));
        double tickUs = Double.parseDouble(result.get("tickNanos")) / 1e3;
        sec.table(List.of("figure", " value"), List.of(
            List.of("modules built, ready with 64 lanes up", Stats.count(n)),
            List.of("heap after GC, all modules", Stats.fmt("%.1f MiB", heap / 1048576.0)),
            List.of("heap per module", Stats.fmt("%.1f KiB", perModule / 1024)),
            List.of("modules per GiB of heap", Stats.count(GIB / perModule)),
            List.of("time to build them", Stats.time(Double.parseDouble(result.get("buildNanos")))),
            List.of("time to bring them up (3 s of virtual time)", Stats.time(Double.parseDouble(result.get("upNanos")))),
            List.of("CPU per module per 100 ms physics tick", Stats.fmt("%.1f µs", tickUs)),
            List.of("modules one core keeps in real time (ticks only)", Stats.count(100_000 / tickUs))));
    }

    /** The child: {@code ModuleFootprint N}; prints one {@code RESULT key=value ...} line. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long base = usedAfterGc();
        VirtualClock clock = new VirtualClock();
        long t0 = System.nanoTime();
        EmulatedChassis chassis = new EmulatedChassis(n, clock,
            i -> ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i)).seed(i).build());
        long t1 = System.nanoTime();
        for (int ms = 0; ms < 3_000; ms += 100) clock.advanceMillis(100);
        long t2 = System.nanoTime();
        for (int cage : chassis.cages()) {
            if (!Emulators.ready(chassis.cage(cage).module())) {
                System.out.println("cage " + cage + " not ready: " + chassis.cage(cage).module().moduleState());
                System.exit(2);
            }
        }
        long heap = usedAfterGc() - base;
        var threads = ManagementFactory.getThreadMXBean();
        clock.advanceMillis(1000);   // warm-up
        long c0 = threads.getCurrentThreadCpuTime();
        clock.advanceMillis(1000);
        long tick = (threads.getCurrentThreadCpuTime() - c0) / (10L * n);
        System.out.printf("RESULT modules=%d heapBytes=%d buildNanos=%d upNanos=%d tickNanos=%d%n", n, heap, t1 - t0,
            t2 - t1, tick);
        java.lang.ref.Reference.reachabilityFence(chassis);
    }

    private static long usedAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = mem.getHeapMemoryUsage().getUsed();
            if (used >= last) return used;
            last = used;
        }
        return last;
    }
}
