package org.openxpo.conformance.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the suite is configured: each setting is a system property ({@code -Dxpo.x.y=...}, passed through by Maven) or,
 * where noted, an environment variable (handy on a bench: {@code export XPO_PI4J_TARGET=...}). The property wins.
 */
public final class Settings {
    private Settings() {}

    /**
     * Every target the suite knows, in the order it runs them. The {@code -ext0} and {@code -lpl} targets carry a
     * module that advertises less CDB access than the profile ({@link EmulatedModule}) and run only the paging and CDB
     * checks.
     */
    public static final List<String> ALL_TARGETS = List.of("embedded", "tcp", "pi4j-emulated", "tcp-ext0",
        "pi4j-emulated-ext0", "tcp-lpl", "pi4j-emulated-lpl", "pi4j");

    /** The pi4j target's URI, e.g. {@code pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23}; null when unset. */
    public static String pi4jTarget() { return get("xpo.pi4j.target", "XPO_PI4J_TARGET"); }

    /** A firmware image the pi4j target may be flashed with (the update writes the module's flash); null when unset. */
    public static String pi4jFlash() { return get("xpo.pi4j.flash", "XPO_PI4J_FLASH"); }

    /**
     * The host password a module wants before CDB firmware commands ({@code -Dxpo.cdb.password=0x00001011}, decimal or
     * 0x-hex; XPO_CDB_PASSWORD); null: none (the profile's default).
     */
    public static Long cdbPassword() {
        String v = get("xpo.cdb.password", "XPO_CDB_PASSWORD");
        if (v == null) return null;
        return v.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    /** How to enable the pi4j target: the single line printed when it is not configured. */
    public static final String PI4J_HOW_TO = "pi4j target not configured: set "
        + "-Dxpo.pi4j.target='pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23' or XPO_PI4J_TARGET "
        + "(see hardware-tests/README.md)";

    /**
     * The targets to run ({@code -Dxpo.targets=embedded,tcp} or XPO_TARGETS); default: all. A target left out is not
     * run at all; pi4j still needs its URI.
     */
    public static List<String> selectedTargets() {
        String v = get("xpo.targets", "XPO_TARGETS");
        if (v == null || v.isBlank()) return ALL_TARGETS;
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) continue;
            if (!ALL_TARGETS.contains(t)) {
                throw new IllegalArgumentException("unknown target '" + t + "' in xpo.targets (known: "
                    + String.join(", ", ALL_TARGETS) + ")");
            }
            out.add(t);
        }
        return ALL_TARGETS.stream().filter(out::contains).toList();
    }

    /**
     * Timing of the emulated modules: {@code fast} (default; every transition 1 ms, the physics still ticks every
     * 100 ms) or {@code real} (the profile's real durations: MgmtInit 300 ms, PwrUp 400 ms, DPInit 200 ms, ...).
     */
    public static boolean realEmulatorTiming() {
        String v = get("xpo.emulator.timing", "XPO_EMULATOR_TIMING");
        if (v == null || v.isBlank() || v.equalsIgnoreCase("fast")) return false;
        if (v.equalsIgnoreCase("real") || v.equalsIgnoreCase("default")) return true;
        throw new IllegalArgumentException("xpo.emulator.timing must be fast or real, not '" + v + "'");
    }

    /**
     * What a host adds to an advertised duration before calling a module late: polling, bus latency, scheduling
     * ({@code -Dxpo.allowance.ms}, default 250 ms, the host driver's own allowance).
     */
    public static Duration allowance() {
        String v = get("xpo.allowance.ms", "XPO_ALLOWANCE_MS");
        return Duration.ofMillis(v == null ? 250 : Long.parseLong(v.trim()));
    }

    /**
     * What the suite allows an emulated target on top of {@link #allowance()} ({@code -Dxpo.emulator.allowance.ms},
     * default 2000 ms): its module's state machines run on threads of a shared machine, which a loaded CI runner (or
     * the suite's own parallel classes) can hold back by hundreds of milliseconds. A real module keeps its own time, so
     * the pi4j target gets the plain allowance.
     */
    public static Duration emulatorAllowance() {
        String v = get("xpo.emulator.allowance.ms", "XPO_EMULATOR_ALLOWANCE_MS");
        return Duration.ofMillis(v == null ? 2000 : Long.parseLong(v.trim()));
    }

    /** Where the Markdown report goes (Surefire passes the module's target directory). */
    public static String reportDir() {
        String v = System.getProperty("xpo.report.dir");
        return v == null || v.isBlank() ? "target" : v;
    }

    private static String get(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = env == null ? null : System.getenv(env);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
