package org.openxpo.driver.cli;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.Severity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Number and alarm formatting shared by the human-readable views. */
final class Text {
    private Text() {}

    static String num(double v, int places) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v < 0 ? "-inf" : "inf";
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }

    /** The header of {@link #alarmLines}' columns, aligned like them. */
    static String alarmHeader(List<Alarm> alarms) {
        Columns c = Columns.of(rows(alarms));
        return String.format("%-8s %-" + c.name() + "s %-" + c.where() + "s %s", "Severity", "Alarm", "Where", "Description");
    }

    /**
     * One line per alarm name and severity, lanes joined: "alarm    TxFailure    lanes 3-4    Tx failure ...", columns
     * as wide as their longest entry (so the lines align whatever the names), the description cut so the line stays
     * within {@code width} columns (none when {@code width} is 0).
     */
    static List<String> alarmLines(List<Alarm> alarms, int width) {
        List<Row> rows = rows(alarms);
        Columns c = Columns.of(rows);
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            String head = String.format("%-8s %-" + c.name() + "s %-" + c.where() + "s", r.severity().label(), r.name(), r.where());
            out.add(width == 0 ? head.stripTrailing() : head + " " + cut(r.description(), width - head.length() - 1));
        }
        return out;
    }

    private record Row(Severity severity, String name, String where, String description) {}

    /** The widths of the name and where columns: their longest entry, at least the header's. */
    private record Columns(int name, int where) {
        static Columns of(List<Row> rows) {
            int name = "Alarm".length(), where = "Where".length();
            for (Row r : rows) {
                name = Math.max(name, r.name().length());
                where = Math.max(where, r.where().length());
            }
            return new Columns(name, where);
        }
    }

    private static List<Row> rows(List<Alarm> alarms) {
        record Key(Severity severity, String name, String description) {}
        Map<Key, BitSet> lanes = new LinkedHashMap<>();
        for (Alarm a : sorted(alarms)) {
            BitSet b = lanes.computeIfAbsent(new Key(a.severity(), a.name(), a.description()), x -> new BitSet());
            if (a.lane() != null) b.set(a.lane());
        }
        List<Row> rows = new ArrayList<>();
        lanes.forEach((k, b) -> rows.add(new Row(k.severity(), k.name(), b.isEmpty() ? "module" : LaneSets.describe(b),
            k.description())));
        return rows;
    }

    static String cut(String s, int room) {
        if (room <= 3) return "";
        return s.length() <= room ? s : s.substring(0, room - 3) + "...";
    }

    /** Alarms first, then warnings, then informational flags; each group in the order found. */
    static List<Alarm> sorted(List<Alarm> alarms) {
        List<Alarm> out = new ArrayList<>(alarms);
        out.sort(java.util.Comparator.comparing(Alarm::severity));
        return out;
    }
}
