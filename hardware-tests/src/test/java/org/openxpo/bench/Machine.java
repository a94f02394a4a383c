package org.openxpo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the figures were measured on: they mean little without it on a shared 2-core machine. */
record Machine(int cores, String cpu, String jdk, String os, double[] loadAtStart, long maxHeapMiB, String jvmArgs,
               String commit, String started) {

    static Machine capture() {
        Runtime rt = Runtime.getRuntime();
        String jdk = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "?") + " "
            + Runtime.version();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String args = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return new Machine(rt.availableProcessors(), cpuModel(), jdk, os, loadAverage(), rt.maxMemory() >> 20,
            args.isBlank() ? "(none)" : args, System.getProperty("bench.commit", "unknown"),
            ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
    }

    /** The 1, 5 and 15 minute load averages, or NaNs where /proc/loadavg does not exist. */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {l, Double.NaN, Double.NaN};
        }
    }

    static String load(double[] l) { return Stats.fmt("%.2f %.2f %.2f", l[0], l[1], l[2]); }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the core count still says something
        }
        return "unknown CPU";
    }
}
