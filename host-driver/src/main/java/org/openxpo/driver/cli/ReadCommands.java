package org.openxpo.driver.cli;

import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.FlagReading;
import org.openxpo.driver.module.ModuleSnapshot;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The commands that only read: show, lanes, thresholds, alarms. */
final class ReadCommands {
    private ReadCommands() {}

    @Command(name = "show", description = {"Identity, state, power, cooling, lanes and alarms of the module.",
        "Reads (and so clears) the latched flags, and reports every one it found."})
    static final class Show extends JsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            ModuleSnapshot snap = s.client.snapshot();
            if (json) out.println(style.write(XpoJson.module(s.target, s.client.identity(), snap)));
            else out.print(ShowView.render(s.target, s.client.identity(), snap));
        }
    }

    @Command(name = "lanes", description = {
        "All lanes: state, AppSel, Tx/Rx power, bias, output status.",
        "Leaves the latched flags alone."})
    static final class Lanes extends JsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            ModuleSnapshot snap = s.client.status();
            if (json) out.println(style.write(XpoJson.lanes(s.target, snap)));
            else out.print(TableViews.lanes(snap));
        }
    }

    @Command(name = "thresholds", description = "Alarm and warning thresholds (CMIS page 02h, XPO page B1h).")
    static final class Thresholds extends JsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            var t = s.client.thresholds();
            if (json) out.println(style.write(XpoJson.thresholds(s.target, t)));
            else out.print(TableViews.thresholds(t));
        }
    }

    @Command(name = "alarms", description = {"The latched flags as alarms, warnings and informational flags.",
        "Reads them as an interrupt handler does, which clears them."})
    static final class Alarms extends JsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            FlagReading r = s.client.readFlags();
            if (json) out.println(style.write(XpoJson.alarms(s.target, r.time(), r.moduleState(), r.alarms())));
            else out.print(TableViews.alarms(r.moduleState(), r.faultDescription(), r.alarms()));
        }
    }
}
