package org.openxpo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark harness behind {@code ./benchmarks}: runs every benchmark of the stack and writes the figures, their
 * goals, the physical bounds and the ratios to docs/benchmarks.md. A main program, not a test — the default test
 * command never runs it.
 *
 * <pre>
 * Benchmarks [--quick | --full] [--out FILE] [--only ID,ID...]
 *   --quick   (default) under 2 minutes on the project's 2-core machine
 *   --full    more samples and rounds
 *   --out     where the markdown goes (default docs/benchmarks.md; with --only: target/benchmarks-partial.md)
 *   --only    a subset: read, link, snapshot, vdm, interrupt, firmware, footprint, chassis, grpc, cli, agent-chassis, gnmi
 *   --soak    instead of the benchmarks, the soak ({@link Soak}) for MINUTES (default 10); it writes only its own
 *             section of the page
 * </pre>
 * Exit code 0 when every benchmark ran (goals missed are reported, not failures), 1 when one failed (a soak: when an
 * invariant was violated), 2 on bad usage.
 */
public final class Benchmarks {
    private Benchmarks() {}

    @FunctionalInterface
    interface Bench {
        void run(Settings settings, Report.Section section) throws Exception;
    }

    private record Entry(String title, Bench bench) {}

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        ALL.put("read", new Entry("In-process 128-byte read", InProcessReads::run));
        ALL.put("link", new Entry("Emulator link: pipelined throughput and unpipelined latency", LinkFigures::run));
        ALL.put("snapshot", new Entry("Full 64-lane snapshot: traffic and time against the bus", SnapshotCost::run));
        ALL.put("vdm", new Entry("64-lane VDM read with its freeze: traffic and time against the bus", VdmCost::run));
        ALL.put("interrupt", new Entry("Interrupt to monitor event over the link", InterruptLatency::run));
        ALL.put("firmware", new Entry("Firmware update of 1 MiB at 1 MHz: EPL and LPL", FirmwareBench::run));
        ALL.put("footprint", new Entry("Modules per JVM", ModuleFootprint::run));
        ALL.put("chassis", new Entry("64-cage chassis swept by 64 link clients", ChassisSweep::run));
        ALL.put("grpc", new Entry("xcvr-emu gRPC service: unpipelined Read and concurrent clients, beside the link",
            GrpcFigures::run));
        ALL.put("cli", new Entry("xpoctl cold start", CliColdStart::run));
        ALL.put("agent-chassis", new Entry("xpo-agent watching 1,024 modules", AgentChassis::run));
        ALL.put("gnmi", new Entry("Agent gNMI: SAMPLE throughput and fault to ON_CHANGE latency", GnmiBench::run));
    }

    private static final String USAGE = "usage: benchmarks [--quick|--full] [--out FILE] [--only "
        + String.join(",", ALL.keySet()) + "]\n       benchmarks --soak [MINUTES] [--out FILE]";
    static final double DEFAULT_SOAK_MINUTES = 10, MAX_SOAK_MINUTES = 24 * 60;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean full = false;
        Path out = null;
        Set<String> only = null;
        Double soakMinutes = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--soak" -> {
                    soakMinutes = DEFAULT_SOAK_MINUTES;
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) soakMinutes = minutes(args[++i]);
                }
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--only" -> {
                    only = new TreeSet<>(Arrays.asList(value(args, ++i, "--only").split(",")));
                    for (String id : only) {
                        if (!ALL.containsKey(id)) {
                            usage("unknown benchmark '" + id + "' (known: " + String.join(", ", ALL.keySet()) + ")");
                        }
                    }
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (soakMinutes != null) {
            if (only != null || full) usage("--soak runs alone: not with --only or --full");
            System.exit(Soak.run(soakMinutes, out == null ? Path.of("docs/benchmarks.md") : out) ? 0 : 1);
        }
        if (out == null) out = Path.of(only == null ? "docs/benchmarks.md" : "target/benchmarks-partial.md");
        Settings settings = full ? Settings.fullMode() : Settings.quickMode();
        Machine machine = Machine.capture();
        String command = "./benchmarks" + (full ? " --full" : "") + (only == null ? "" : " --only " + String.join(",", only));
        System.out.printf("OpenXPO benchmarks, %s mode: %d cores (%s), %s, %s, load average %s%n", full ? "full" : "quick",
            machine.cores(), machine.cpu(), machine.jdk(), machine.os(), Machine.load(machine.loadAtStart()));
        Report report = new Report(full ? "full" : "quick", command, machine);
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Entry> e : ALL.entrySet()) {
            if (only != null && !only.contains(e.getKey())) continue;
            Report.Section s = report.section(e.getKey(), e.getValue().title());
            long t = System.nanoTime();
            try {
                e.getValue().bench().run(settings, s);
            } catch (Throwable x) {
                s.failure = x.toString() + (x.getCause() == null ? "" : " (cause: " + x.getCause() + ")");
                failed.add(e.getKey());
                System.out.println("  FAILED: " + s.failure);
                x.printStackTrace(System.out);
            }
            s.seconds = (System.nanoTime() - t) / 1e9;
            System.gc();
        }
        report.finish((System.nanoTime() - start) / 1e9);
        report.write(out);
        System.out.printf("%nwrote %s (%.0f s)%s%n", out.toAbsolutePath(), (System.nanoTime() - start) / 1e9,
            failed.isEmpty() ? "" : "; FAILED: " + failed);
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static double minutes(String text) {
        try {
            double m = Double.parseDouble(text);
            if (m > 0 && m <= MAX_SOAK_MINUTES) return m;
        } catch (NumberFormatException e) {
            // the message below
        }
        usage("--soak takes minutes, more than 0 and at most " + (int) MAX_SOAK_MINUTES + ", not '" + text + "'");
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) usage(option + " needs a value");
        return args[i];
    }

    private static void usage(String why) {
        System.err.println("benchmarks: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }
}
