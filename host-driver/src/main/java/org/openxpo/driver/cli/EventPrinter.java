package org.openxpo.driver.cli;

import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.driver.monitor.MonitorEvent.*;
import org.openxpo.protocol.types.DataPathState;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.openxpo.driver.cli.Text.num;

/**
 * Prints monitor events, one line each: JSON Lines, or text with a local time stamp. In text, the lane alarm events
 * of one flag reading (same time) are gathered per alarm, so an application change prints "DataPathStateChanged
 * lanes 1-64" once instead of 64 lines; the gathered lines are printed when an event of another reading arrives or
 * on {@link #flush} (which the monitor command runs between the monitor's events, never within a reading).
 */
final class EventPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private record GroupKey(String name, String severity, boolean raised) {}

    private final PrintWriter out;
    private final boolean json;
    private final Map<GroupKey, BitSet> group = new LinkedHashMap<>();
    private Instant groupTime;

    EventPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    synchronized void print(MonitorEvent e) {
        if (json) {
            out.println(XpoJson.compact(XpoJson.event(e)));
            out.flush();
            return;
        }
        if (groupTime != null && !groupTime.equals(e.time())) flush();
        if (e instanceof AlarmEvent a && a.lane() != null) {
            groupTime = a.time();
            group.computeIfAbsent(new GroupKey(a.name(), a.severity().label(), a.raised()), k -> new BitSet()).set(a.lane());
            return;
        }
        line(e.time(), text(e));
    }

    synchronized void flush() {
        if (groupTime != null) {
            group.forEach((k, lanes) -> line(groupTime, alarm(k.severity(), k.raised(), k.name(), LaneSets.describe(lanes))));
            group.clear();
            groupTime = null;
        }
        out.flush();
    }

    private void line(Instant time, String text) {
        out.println(TIME.format(time) + "  " + text);
        out.flush();
    }

    private static String text(MonitorEvent e) {
        return switch (e) {
            case AlarmEvent a -> alarm(a.severity().label(), a.raised(), a.name(), "module");
            case ModuleStateEvent s -> String.format("%-8s %s", "state", s.current() == null ? "reserved"
                : s.current().cmisName() + (s.previous() == null ? "" : " (was " + s.previous().cmisName() + ")"));
            case PresenceEvent p -> String.format("%-8s %s", "presence", p.present() ? "module inserted" : "module removed");
            case ResetEvent r -> String.format("%-8s %s", "reset", r.cause());
            case LinkEvent l -> String.format("%-8s %s: %s", "link", l.up() ? "up" : "down", l.detail());
            case SnapshotEvent s -> String.format("%-8s %s", "snapshot", snapshot(s.snapshot()));
            case ErrorEvent x -> String.format("%-8s %s", "error", x.message());
        };
    }

    private static String alarm(String severity, boolean raised, String name, String where) {
        return String.format("%-8s %-15s %-24s %s", "alarm", severity + (raised ? "" : " cleared"), name, where);
    }

    /** "ModuleReady 64/64 up 329.6 W 30.0 °C 0.50 L/min 0 alarms": state, active lanes, input power, inlet, flow. */
    private static String snapshot(ModuleSnapshot s) {
        StringBuilder sb = new StringBuilder(s.moduleStateName());
        sb.append(' ').append(s.lanesIn(DataPathState.ACTIVATED)).append('/').append(s.lanes().size()).append(" up");
        if (s.power() != null) sb.append(' ').append(num(s.power().inputPowerW(), 1)).append(" W");
        if (s.cooling() != null) sb.append(' ').append(num(s.cooling().inletTempC(), 1)).append(" °C ")
            .append(num(s.cooling().flowLpm(), 2)).append(" L/min");
        sb.append(' ').append(s.alarms().size()).append(s.alarms().size() == 1 ? " alarm" : " alarms");
        return sb.toString();
    }
}
