package org.openxpo.conformance.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.openxpo.conformance.support.OpenTargets;
import org.openxpo.conformance.support.Settings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conformance report: at the end of a run, per target, how many checks passed, failed and were skipped, with the
 * reason for every failure and skip (skips with the same reason are one line), printed as a compact table on stdout
 * and written to {@code target/conformance-report.md}. A check is a test (a method, a parameterized invocation or a
 * dynamic test); a check that never ran because its class or target could not start counts as failed (class setup
 * failed) or skipped (target not configured), never as passed.
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it reports only
 * tests below a parameterized class invocation (one per target) and stays silent otherwise.
 */
public final class ConformanceReport implements TestExecutionListener {
    private static final String INVOCATION = OpenTargets.INVOCATION;

    enum Kind { PASSED, FAILED, SKIPPED }

    record Outcome(Kind kind, String reason) {}

    /** One check of one target. */
    record Check(String target, String area, String name, Kind kind, String reason) {}

    /** Per-target facts: what it was, how long it took, why it did not run (if so). */
    static final class TargetRun {
        final String name;
        long startNanos, endNanos;
        String notRunReason;
        Kind notRunKind;
        final List<Check> checks = new ArrayList<>();

        TargetRun(String name) { this.name = name; }

        long count(Kind k) { return checks.stream().filter(c -> c.kind == k).count(); }

        Duration time() { return endNanos > startNanos ? Duration.ofNanos(endNanos - startNanos) : Duration.ZERO; }
    }

    private volatile TestPlan plan;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Long> finished = new ConcurrentHashMap<>();
    private long runStart;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStart = System.nanoTime();
    }

    @Override
    public void executionStarted(TestIdentifier id) { started.put(id.getUniqueId(), System.nanoTime()); }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        outcomes.put(id.getUniqueId(), new Outcome(Kind.SKIPPED, oneLine(reason)));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished.put(id.getUniqueId(), System.nanoTime());
        String why = result.getThrowable().map(ConformanceReport::describe).orElse("");
        Kind k = switch (result.getStatus()) {
            case SUCCESSFUL -> Kind.PASSED;
            case ABORTED -> Kind.SKIPPED;
            case FAILED -> Kind.FAILED;
        };
        outcomes.put(id.getUniqueId(), new Outcome(k, why));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Map<String, TargetRun> runs = collect(testPlan);
        if (runs.isEmpty()) return;
        Duration total = Duration.ofNanos(System.nanoTime() - runStart);
        String table = consoleTable(runs, total);
        PrintStream out = System.out;
        out.print(table);
        Path file = Path.of(Settings.reportDir(), "conformance-report.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(runs, total), StandardCharsets.UTF_8);
            out.println("report: " + file.toAbsolutePath().normalize());
        } catch (IOException e) {
            out.println("report: could not write " + file + ": " + e.getMessage());
        }
        out.flush();
    }

    // ------------------------------------------------------------------ collecting

    private Map<String, TargetRun> collect(TestPlan p) {
        Map<String, TargetRun> runs = new LinkedHashMap<>();
        for (TestIdentifier root : p.getRoots()) {
            for (TestIdentifier id : p.getDescendants(root)) {
                if (!isInvocation(id)) continue;
                TargetRun run = runs.computeIfAbsent(id.getDisplayName(), TargetRun::new);
                Long s = started.get(id.getUniqueId()), e = finished.get(id.getUniqueId());
                if (s != null) run.startNanos = s;
                if (e != null) run.endNanos = e;
                Outcome o = outcomes.get(id.getUniqueId());
                if (o != null && o.kind != Kind.PASSED) {
                    run.notRunKind = o.kind;
                    run.notRunReason = o.reason;
                }
                for (TestIdentifier area : p.getChildren(id)) collectArea(p, run, area);
                if (run.notRunKind == Kind.FAILED) {
                    // the target could not even be opened: that is a failed check, not a silent zero
                    run.checks.addFirst(new Check(run.name, "target", "open " + run.name, Kind.FAILED, run.notRunReason));
                }
            }
        }
        return runs;
    }

    private void collectArea(TestPlan p, TargetRun run, TestIdentifier area) {
        String areaName = area.getDisplayName();
        List<TestIdentifier> leaves = new ArrayList<>();
        leaves(p, area, leaves);
        for (TestIdentifier leaf : leaves) {
            Outcome o = effective(p, leaf, run);
            run.checks.add(new Check(run.name, areaName, label(p, area, leaf), o.kind, o.reason));
        }
    }

    /** Tests, plus containers that never ran any test (a skipped parameterized check counts once). */
    private void leaves(TestPlan p, TestIdentifier node, List<TestIdentifier> out) {
        var children = p.getChildren(node);
        if (node.isTest() || (children.isEmpty() && node.isContainer() && !isClassLike(node))) {
            out.add(node);
            return;
        }
        if (children.isEmpty() && isClassLike(node)) return;
        for (TestIdentifier c : children) leaves(p, c, out);
    }

    private static boolean isClassLike(TestIdentifier id) {
        String type = lastSegment(id).getType();
        return type.equals("class") || type.equals("nested-class");
    }

    /** The outcome of a leaf, or of the nearest ancestor that decided it (a skipped class, a failed setup). */
    private Outcome effective(TestPlan p, TestIdentifier leaf, TargetRun run) {
        Outcome own = outcomes.get(leaf.getUniqueId());
        if (own != null && (own.kind != Kind.PASSED || leaf.isTest())) return own;
        Optional<TestIdentifier> parent = p.getParent(leaf);
        while (parent.isPresent()) {
            TestIdentifier a = parent.get();
            Outcome o = outcomes.get(a.getUniqueId());
            if (o != null && o.kind != Kind.PASSED) {
                if (o.kind == Kind.FAILED) return new Outcome(Kind.FAILED, "not run: " + a.getDisplayName() + " failed: " + o.reason);
                return o;
            }
            if (isInvocation(a)) break;
            parent = p.getParent(a);
        }
        if (own != null) return own;
        if (run.notRunReason != null) return new Outcome(run.notRunKind, run.notRunReason);
        return new Outcome(Kind.SKIPPED, "not run (the run stopped before it)");
    }

    private static String label(TestPlan p, TestIdentifier area, TestIdentifier leaf) {
        List<String> parts = new ArrayList<>();
        Optional<TestIdentifier> cur = Optional.of(leaf);
        while (cur.isPresent() && !cur.get().equals(area)) {
            parts.addFirst(cur.get().getDisplayName());
            cur = p.getParent(cur.get());
        }
        return String.join(" › ", parts);
    }

    private static boolean isInvocation(TestIdentifier id) { return lastSegment(id).getType().equals(INVOCATION); }

    private static UniqueId.Segment lastSegment(TestIdentifier id) { return id.getUniqueIdObject().getLastSegment(); }

    // ------------------------------------------------------------------ text

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        String type = t.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) return type;
        boolean assertion = t instanceof AssertionError || type.equals("TestAbortedException");
        return oneLine(assertion ? msg : type + ": " + msg);
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\s*\\R\\s*", " ").trim();
        if (one.startsWith("Assumption failed: ")) one = one.substring("Assumption failed: ".length());
        return one.length() > 400 ? one.substring(0, 397) + "..." : one;
    }

    private static String seconds(Duration d) { return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0); }

    /** Reasons grouped: the same reason in one area is one line with a count. */
    private static Map<String, List<Check>> grouped(List<Check> checks) {
        Map<String, List<Check>> g = new LinkedHashMap<>();
        for (Check c : checks) g.computeIfAbsent(c.area + "\u0000" + c.reason, k -> new ArrayList<>()).add(c);
        return g;
    }

    String consoleTable(Map<String, TargetRun> runs, Duration total) {
        Map<String, String> desc = OpenTargets.descriptions();
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append("==================== XPO conformance report ====================\n");
        sb.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s %7s %8s  %s%n", "target", "checks", "passed", "failed",
            "skipped", "time", "what"));
        for (TargetRun r : runs.values()) {
            String what = r.notRunKind == Kind.FAILED ? "FAILED TO START (see below)"
                : r.checks.isEmpty() || r.count(Kind.SKIPPED) == r.checks.size() && r.notRunReason != null
                ? "NOT RUN: " + r.notRunReason : desc.getOrDefault(r.name, "");
            sb.append(String.format(Locale.ROOT, "%-18s %6d %6d %6d %7d %8s  %s%n", r.name, r.checks.size(),
                r.count(Kind.PASSED), r.count(Kind.FAILED), r.count(Kind.SKIPPED), seconds(r.time()), what));
        }
        for (TargetRun r : runs.values()) {
            List<Check> failed = r.checks.stream().filter(c -> c.kind == Kind.FAILED).toList();
            List<Check> skipped = r.checks.stream().filter(c -> c.kind == Kind.SKIPPED).toList();
            if (failed.isEmpty() && (skipped.isEmpty() || r.notRunReason != null && skipped.size() == r.checks.size())) {
                continue;
            }
            sb.append("-- ").append(r.name).append('\n');
            for (Check c : failed) sb.append("   FAILED  ").append(c.area).append(" / ").append(c.name).append(": ")
                .append(c.reason).append('\n');
            for (List<Check> g : grouped(skipped).values()) {
                Check c = g.getFirst();
                sb.append("   skipped ").append(c.area).append(" / ")
                    .append(g.size() == 1 ? c.name : g.size() + " checks").append(": ").append(c.reason).append('\n');
            }
        }
        sb.append(String.format(Locale.ROOT, "total %s%n", seconds(total)));
        return sb.toString();
    }

    String markdown(Map<String, TargetRun> runs, Duration total) {
        Map<String, String> desc = OpenTargets.descriptions();
        StringBuilder sb = new StringBuilder();
        sb.append("# XPO conformance report\n\n");
        sb.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .append(", ").append(seconds(total)).append(" in all. A check is one test method, parameterized invocation ")
            .append("or dynamic test (see `hardware-tests/README.md`).\n\n");
        sb.append("| Target | What | Checks | Passed | Failed | Skipped | Time |\n|---|---|---|---|---|---|---|\n");
        for (TargetRun r : runs.values()) {
            String what = r.notRunKind == Kind.FAILED ? "failed to start: " + r.notRunReason
                : r.notRunReason != null && r.count(Kind.SKIPPED) == r.checks.size()
                ? "not run: " + r.notRunReason : desc.getOrDefault(r.name, "");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s |%n", r.name, md(what),
                r.checks.size(), r.count(Kind.PASSED), r.count(Kind.FAILED), r.count(Kind.SKIPPED), seconds(r.time())));
        }
        for (TargetRun r : runs.values()) {
            sb.append("\n## ").append(r.name).append("\n\n");
            if (r.notRunReason != null && r.count(Kind.SKIPPED) == r.checks.size()) {
                sb.append("Not run: ").append(md(r.notRunReason)).append("\n");
                continue;
            }
            sb.append("| Area | Checks | Passed | Failed | Skipped |\n|---|---|---|---|---|\n");
            Map<String, List<Check>> byArea = new LinkedHashMap<>();
            for (Check c : r.checks) byArea.computeIfAbsent(c.area, k -> new ArrayList<>()).add(c);
            byArea.forEach((area, cs) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", md(area),
                cs.size(), cs.stream().filter(c -> c.kind == Kind.PASSED).count(),
                cs.stream().filter(c -> c.kind == Kind.FAILED).count(),
                cs.stream().filter(c -> c.kind == Kind.SKIPPED).count())));
            List<Check> failed = r.checks.stream().filter(c -> c.kind == Kind.FAILED).toList();
            if (!failed.isEmpty()) {
                sb.append("\n### Failed\n\n");
                for (Check c : failed) {
                    sb.append("- **").append(md(c.area)).append(" / ").append(md(c.name)).append("**: ")
                        .append(md(c.reason)).append('\n');
                }
            }
            List<Check> skipped = r.checks.stream().filter(c -> c.kind == Kind.SKIPPED).toList();
            if (!skipped.isEmpty()) {
                sb.append("\n### Skipped\n\n");
                for (List<Check> g : grouped(skipped).values()) {
                    Check c = g.getFirst();
                    sb.append("- ").append(md(c.area)).append(" / ")
                        .append(g.size() == 1 ? md(c.name) : g.size() + " checks (" + md(c.name) + ", ...)")
                        .append(": ").append(md(c.reason)).append('\n');
                }
            }
            sb.append("\n<details><summary>All checks</summary>\n\n");
            for (Check c : r.checks) {
                sb.append("- ").append(c.kind == Kind.PASSED ? "pass" : c.kind == Kind.FAILED ? "**FAIL**" : "skip")
                    .append(" — ").append(md(c.area)).append(" / ").append(md(c.name)).append('\n');
            }
            sb.append("\n</details>\n");
        }
        return sb.toString();
    }

    private static String md(String s) { return s == null ? "" : s.replace("|", "\\|"); }
}
