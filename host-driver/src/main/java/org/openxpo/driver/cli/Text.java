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

    /**
     * One line per alarm name and severity, lanes joined: "alarm    TxFailure    lanes 3-4    Tx failure ...", the
     * description cut so the line stays within {@code width} columns (none when {@code width} is 0).
     */
    static List<String> alarmLines(List<Alarm> alarms, int width) {
        record Key(Severity severity, String name, String description) {}
        Map<Key, BitSet> lanes = new LinkedHashMap<>();
        List<Key> order = new ArrayList<>();
        for (Alarm a : sorted(alarms)) {
            Key k = new Key(a.severity(), a.name(), a.description());
            if (!lanes.containsKey(k)) order.add(k);
            BitSet b = lanes.computeIfAbsent(k, x -> new BitSet());
            if (a.lane() != null) b.set(a.lane());
        }
        List<String> out = new ArrayList<>();
        for (Key k : order) {
            BitSet b = lanes.get(k);
            String where = b.isEmpty() ? "module" : LaneSets.describe(b);
            String head = String.format("%-8s %-26s %-12s", k.severity().label(), k.name(), where);
            out.add(width == 0 ? head.stripTrailing() : head + " " + cut(k.description(), width - head.length() - 1));
        }
        return out;
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
