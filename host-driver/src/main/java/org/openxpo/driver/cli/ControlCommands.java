package org.openxpo.driver.cli;

import org.openxpo.driver.module.ApplyResult;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.ResetMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.BitSet;

/** The commands that change the module: reset, lpmode, apply, tx. */
final class ControlCommands {
    private ControlCommands() {}

    private static String ms(long nanos) { return nanos / 1_000_000 + " ms"; }

    /** A control whose result may be JSON: schema {@code openxpo.control/1}. */
    abstract static class Control extends JsonCommand {
        /** Prints the JSON document, or the text line(s) when --json is not given. */
        void report(PrintWriter out, ControlJson doc, String text) { out.println(json ? style.write(doc.document()) : text); }
    }

    @Command(name = "reset", description = {
        "Reset the module and wait until it answers again.",
        "SoftwareReset (00h:26.3), then a wait for ModuleLowPwr or ModuleReady."})
    static final class Reset extends Control {
        @Option(names = "--hard", description = "pulse the ResetL pin instead (the target must drive it)")
        boolean hard;

        @Override
        void run(Session s, PrintWriter out) {
            long t0 = s.client.clock().nanoTime();
            ResetMethod used = s.client.reset(hard ? ResetMethod.PIN : ResetMethod.SOFTWARE);
            long took = s.client.clock().nanoTime() - t0;
            String state = s.client.moduleState().cmisName();
            report(out, new ControlJson(s.target, "reset").with("method", used == ResetMethod.PIN ? "pin" : "software")
                    .with("tookMs", took / 1_000_000).with("moduleState", state),
                used.description() + ": module back in " + ms(took) + ", " + state);
        }
    }

    @Command(name = "lpmode", description = {
        "Request (on) or release (off) low power and wait for the module.",
        "'off' also stops the LPMode pin from holding the module in low power."})
    static final class LpMode extends Control {
        @Parameters(paramLabel = "on|off", description = "on or off")
        Converters.Switch state;

        @Override
        void run(Session s, PrintWriter out) {
            boolean on = state.on();
            long t0 = s.client.clock().nanoTime();
            s.client.setLowPower(on);
            long took = s.client.clock().nanoTime() - t0;
            String state = s.client.moduleState().cmisName();
            report(out, new ControlJson(s.target, "lpmode").with("lowPower", on).with("tookMs", took / 1_000_000)
                .with("moduleState", state), "low power " + (on ? "on" : "off") + ": " + state + " after " + ms(took));
        }
    }

    @Command(name = "apply", description = {
        "Bring lanes up with an advertised application.",
        "CMIS data-path sequence: deinit, stage, ApplyDPInit, init, Tx on. Lanes of",
        "data paths that overlap the range and lie outside it are left unused."})
    static final class Apply extends Control {
        @Option(names = "--app", required = true, paramLabel = "N", description = "AppSel (see 'xpoctl show')")
        int app;

        @Option(names = "--lanes", required = true, paramLabel = "A-B", converter = Converters.LaneList.class,
            description = "host lanes, e.g. 1-64, 1-8 or 1-4,9-12")
        BitSet lanes;

        @Override
        void run(Session s, PrintWriter out) {
            ApplyResult r = s.client.applyApplication(app, lanes);
            String text = "AppSel " + app + " (" + r.application().name() + ") active on "
                + LaneSets.describe(r.lanes()) + " in " + ms(r.took().toNanos())
                + (r.released().isEmpty() ? "" : System.lineSeparator() + "released " + LaneSets.describe(r.released())
                    + " (now unused)");
            report(out, new ControlJson(s.target, "apply").with("appSel", app).with("application", r.application().name())
                .withLanes("lanes", r.lanes()).withLanes("released", r.released()).with("tookMs", r.took().toMillis()), text);
        }
    }

    @Command(name = "tx", description = {
        "Enable (on) or disable (off) the transmitters of lanes.", "Writes OutputDisableTx (10h:130)."})
    static final class Tx extends Control {
        @Parameters(paramLabel = "on|off", description = "on or off")
        Converters.Switch state;

        @Option(names = "--lanes", required = true, paramLabel = "A-B", converter = Converters.LaneList.class,
            description = "host lanes, e.g. 1-8")
        BitSet lanes;

        @Override
        void run(Session s, PrintWriter out) {
            boolean on = state.on();
            s.client.setTxDisabled(lanes, !on);
            report(out, new ControlJson(s.target, "tx").with("txEnabled", on).withLanes("lanes", lanes),
                "Tx " + (on ? "enabled" : "disabled") + " on " + LaneSets.describe(lanes));
        }
    }
}
