package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.diag.DiagSide;
import org.openxpo.driver.diag.Diagnostics;
import org.openxpo.driver.diag.PrbsResult;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.types.GatingTime;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.PrbsPattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code xpoctl diag}: the diagnostics pages 13h/14h for bring-up: loopbacks, PRBS runs, checker results. */
@Command(name = "diag", description = "Diagnostics (pages 13h/14h): loopback, prbs, ber.",
    subcommands = {DiagCommands.LoopbackCommand.class, DiagCommands.Prbs.class, DiagCommands.Ber.class,
        HelpCommand.class})
final class DiagCommands implements Callable<Integer> {
    static final String SCHEMA = "openxpo.diag/1";

    @ParentCommand
    XpoCtl root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static Diagnostics diagnostics(Session s) { return new Diagnostics(s.client.access(), s.client.clock()); }

    static Map<String, Object> document(String target, String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("target", target);
        m.put("command", command);
        return m;
    }

    static BitSet allLanes() { return LaneSets.range(1, Lanes.COUNT); }

    /** A loopback as the command line names it (SONiC's sfputil names): media-output … host-input, or none. */
    enum Mode {
        MEDIA_OUTPUT(Loopback.MEDIA_OUTPUT), MEDIA_INPUT(Loopback.MEDIA_INPUT), HOST_OUTPUT(Loopback.HOST_OUTPUT),
        HOST_INPUT(Loopback.HOST_INPUT), NONE(null);

        final Loopback loopback;

        Mode(Loopback loopback) { this.loopback = loopback; }

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) if (m.toString().equalsIgnoreCase(value.trim())) return m;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a loopback (media-output, media-input, "
                + "host-output, host-input, none)");
        }
    }

    static final class PatternConverter implements CommandLine.ITypeConverter<PrbsPattern> {
        @Override
        public PrbsPattern convert(String value) {
            try {
                return PrbsPattern.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "loopback", description = {"Show the loopbacks, or set one: MODE on|off --lanes A-B; 'none' clears "
        + "all four.", "Modes: media-output, media-input, host-output, host-input (host-input: the host sees its own "
        + "signal)."})
    static final class LoopbackCommand extends JsonCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "MODE", converter = ModeConverter.class,
            description = "media-output, media-input, host-output, host-input or none")
        Mode mode;

        @Parameters(index = "1", arity = "0..1", paramLabel = "on|off", description = "on or off (not with none)")
        Converters.Switch state;

        @Option(names = "--lanes", paramLabel = "A-B", converter = Converters.LaneList.class,
            description = "host lanes, e.g. 1-8 (default with none: every lane)")
        BitSet lanes;

        @Override
        void validate() {
            super.validate();
            if (mode == null && (state != null || lanes != null)) {
                throw new XpoException.InvalidRequest("name the loopback: diag loopback MODE on|off --lanes A-B");
            }
            if (mode == Mode.NONE && state != null) throw new XpoException.InvalidRequest("'none' clears every loopback: leave on|off out");
            if (mode != null && mode != Mode.NONE && (state == null || lanes == null)) {
                throw new XpoException.InvalidRequest("diag loopback " + mode + " needs on|off and --lanes");
            }
        }

        @Override
        void run(Session s, PrintWriter out) {
            Diagnostics d = diagnostics(s);
            if (mode == Mode.NONE) d.clearLoopbacks(lanes != null ? lanes : allLanes());
            else if (mode != null) d.setLoopback(mode.loopback, lanes, state.on());
            Map<Loopback, BitSet> now = d.loopbacks();
            if (json) {
                Map<String, Object> doc = document(s.target, "loopback");
                Map<String, Object> loops = new LinkedHashMap<>();
                for (Mode m : Mode.values()) {
                    if (m.loopback != null) loops.put(camel(m), now.get(m.loopback).stream().boxed().toList());
                }
                doc.put("loopbacks", loops);
                out.println(style.write(doc));
                return;
            }
            for (Mode m : Mode.values()) {
                if (m.loopback == null) continue;
                BitSet on = now.get(m.loopback);
                out.printf("%-13s %s%n", m, on.isEmpty() ? "off" : "on " + LaneSets.describe(on));
            }
        }

        private static String camel(Mode m) {
            String[] parts = m.toString().split("-");
            return parts[0] + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
        }
    }

    @Command(name = "prbs", description = {"Start or stop PRBS generator and checker: start --pattern PRBS31Q --lanes 1-8 "
        + "--side media; stop --lanes 1-8 --side media.",
        "start zeroes the counters of the banks it touches; --gating sets their gating period."})
    static final class Prbs extends JsonCommand {
        enum Action { START, STOP }

        @Parameters(index = "0", paramLabel = "start|stop", description = "start or stop")
        Action action;

        @Option(names = "--pattern", paramLabel = "P", converter = PatternConverter.class,
            description = "with start: PRBS31Q, PRBS13Q, SSPRQ, … (what 13h:132-139 advertise)")
        PrbsPattern pattern;

        @Option(names = "--lanes", required = true, paramLabel = "A-B", converter = Converters.LaneList.class,
            description = "host lanes, e.g. 1-8")
        BitSet lanes;

        @Option(names = "--side", defaultValue = "media", description = "host or media (default: media)")
        DiagSide side;

        @Option(names = "--only", paramLabel = "generator|checker", description = "start one engine only")
        String only;

        @Option(names = "--gating", paramLabel = "T", description = "with start: ungated, 5s, 10s, 30s, 60s, 120s or 300s")
        String gating;

        @Override
        void validate() {
            super.validate();
            if (action == Action.START && pattern == null) throw new XpoException.InvalidRequest("prbs start needs --pattern");
            if (action == Action.STOP && (pattern != null || gating != null || only != null)) {
                throw new XpoException.InvalidRequest("prbs stop takes --lanes and --side only");
            }
            if (only != null && !only.equals("generator") && !only.equals("checker")) {
                throw new XpoException.InvalidRequest("--only takes generator or checker, not '" + only + "'");
            }
            if (gating != null) gatingTime();
        }

        GatingTime gatingTime() {
            if (gating.equalsIgnoreCase("ungated")) return GatingTime.UNGATED;
            for (GatingTime g : GatingTime.values()) {
                if (g.gated() && gating.equalsIgnoreCase(g.duration().toSeconds() + "s")) return g;
            }
            throw new XpoException.InvalidRequest("--gating takes ungated, 5s, 10s, 30s, 60s, 120s or 300s, not '" + gating + "'");
        }

        @Override
        void run(Session s, PrintWriter out) {
            Diagnostics d = diagnostics(s);
            if (action == Action.START) {
                if (gating != null) d.setGating(gatingTime(), lanes);
                d.startPrbs(side, pattern, lanes, !"checker".equals(only), !"generator".equals(only));
                d.resetCounters(lanes);
            } else {
                d.stopPrbs(side, lanes);
            }
            if (json) {
                Map<String, Object> doc = document(s.target, "prbs");
                doc.put("action", action.name().toLowerCase(Locale.ROOT));
                doc.put("side", side.label());
                doc.put("pattern", pattern == null ? null : pattern.name());
                doc.put("lanes", lanes.stream().boxed().toList());
                out.println(style.write(doc));
            } else if (action == Action.START) {
                out.printf("PRBS %s started on the %s side, %s%n", pattern, side.label(), LaneSets.describe(lanes));
            } else {
                out.printf("PRBS stopped on the %s side, %s%n", side.label(), LaneSets.describe(lanes));
            }
        }
    }

    @Command(name = "ber", description = {"PRBS checker results per lane: lock, BER, SNR, gating (page 14h).",
        "Reading clears the latched loss-of-lock and gating-complete flags. --watch repeats every --interval."})
    static final class Ber extends JsonCommand {
        @Option(names = "--lanes", required = true, paramLabel = "A-B", converter = Converters.LaneList.class,
            description = "host lanes, e.g. 1-8")
        BitSet lanes;

        @Option(names = "--side", defaultValue = "media", description = "host or media (default: media)")
        DiagSide side;

        @Option(names = "--reset", description = "zero the counters first (ResetErrorInformation)")
        boolean reset;

        @Option(names = "--watch", description = "read again every --interval until Ctrl-C or --count readings")
        boolean watch;

        @Option(names = "--interval", paramLabel = "D", defaultValue = "1s", converter = Converters.Interval.class,
            description = "with --watch: time between readings (default: 1s)")
        Duration interval;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "with --watch: stop after N readings (0, the default: until Ctrl-C)")
        int count;

        @Override
        void validate() {
            super.validate();
            if (count < 0) throw new XpoException.InvalidRequest("--count must be 0 or more");
            if (!watch && count > 0) throw new XpoException.InvalidRequest("--count goes with --watch");
        }

        @Override
        void run(Session s, PrintWriter out) {
            Diagnostics d = diagnostics(s);
            if (reset) d.resetCounters(lanes);
            for (int n = 1; ; n++) {
                List<PrbsResult> results = d.results(side, lanes);
                print(out, s.target, results);
                out.flush();
                if (!watch || (count > 0 && n >= count)) return;
                s.client.clock().sleep(interval);
                if (Thread.currentThread().isInterrupted()) return;
            }
        }

        private void print(PrintWriter out, String target, List<PrbsResult> results) {
            if (json) {
                Map<String, Object> doc = document(target, "ber");
                doc.put("results", results.stream().map(Ber::json).toList());
                out.println(watch ? XpoJson.compact(doc) : style.write(doc));
                return;
            }
            out.println("Lane Side  Pattern  Lock        BER  SNR dB  Gating");
            for (PrbsResult r : results) {
                out.printf(Locale.ROOT, "%4d %-5s %-8s %-4s %10s %7s  %s%n", r.lane(), r.side().label(),
                    r.pattern() == null ? "?" : r.pattern().name(), r.locked() ? "yes" : "LOST",
                    r.ber() == null ? "-" : String.format(Locale.ROOT, "%.2e", r.ber()),
                    r.snrDb() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.snrDb()), gating(r));
            }
        }

        private static String gating(PrbsResult r) {
            if (!r.gating().gated()) return "ungated";
            return r.gating().duration().toSeconds() + " s" + (r.gatingComplete() ? ", complete" : ", running");
        }

        private static Map<String, Object> json(PrbsResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lane", r.lane());
            m.put("side", r.side().label());
            m.put("pattern", r.pattern() == null ? null : r.pattern().name());
            m.put("locked", r.locked());
            m.put("ber", r.ber());
            m.put("snrDb", r.snrDb());
            m.put("gatingS", r.gating().duration().toSeconds());
            m.put("gatingComplete", r.gatingComplete());
            return m;
        }
    }
}
