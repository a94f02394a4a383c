package org.openxpo.driver.cli;

import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.units.Unit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code xpoctl vdm}: a column per observable the module advertises (basic or statistic), a row per lane,
 * a rule per bank, then the values beyond their thresholds; or, with {@code --thresholds}, the thresholds. Headers are
 * short names of the known types; an unknown type ID shows as {@code tN}.
 */
final class VdmTable {
    private VdmTable() {}

    private static final String NL = System.lineSeparator();
    private static final int WIDTH = 8;
    private static final String THRESHOLD_ROW = "%-10s %-12s %10s %10s %10s %10s  %s" + NL;

    static String of(VdmReading r, Map<VdmObservable, VdmThreshold> limits, boolean statistics, BitSet only) {
        Map<String, String> columns = columns(r.samples().stream().map(VdmSample::observable).toList(), statistics);
        StringBuilder sb = new StringBuilder();
        if (columns.isEmpty()) return sb.append(nothingAdvertised(statistics)).append(NL).toString();
        if (statistics && r.problem() != null) sb.append("note: ").append(r.problem()).append(NL);
        sb.append("Lane");
        for (String h : columns.values()) sb.append(String.format(" %" + WIDTH + "s", h));
        sb.append(NL);
        List<Integer> laneList = new ArrayList<>(r.samples().stream().map(s -> s.observable().lane()).filter(l -> l > 0)
            .distinct().sorted().toList());
        if (only != null) laneList.removeIf(l -> !only.get(l));
        int bank = -1;
        for (int lane : laneList) {
            if (Lanes.bankOf(lane) != bank) {
                bank = Lanes.bankOf(lane);
                String rule = String.format("---- bank %d ", bank);
                sb.append(rule).append("-".repeat(Math.max(0, 4 + columns.size() * (WIDTH + 1) - rule.length()))).append(NL);
            }
            sb.append(String.format("%4d", lane));
            for (String name : columns.keySet()) {
                String cell = r.find(name, lane).map(VdmTable::cell).orElse("");
                sb.append(String.format(" %" + WIDTH + "s", cell));
            }
            sb.append(NL);
        }
        crossings(sb, r, limits, columns, laneList);
        return sb.toString();
    }

    /** The thresholds of the observables the value table would show, a row per set of lanes that share them. */
    static String thresholds(List<VdmThreshold> limits, boolean statistics, BitSet only) {
        Map<String, String> columns = columns(limits.stream().map(VdmThreshold::observable).toList(), statistics);
        if (columns.isEmpty()) return nothingAdvertised(statistics) + NL;
        Map<List<String>, BitSet> rows = new LinkedHashMap<>();   // header, the four limits, unit -> lanes
        for (String name : columns.keySet()) {
            for (VdmThreshold t : limits) {
                VdmObservable o = t.observable();
                if (!o.name().equals(name) || o.lane() == 0 || only != null && !only.get(o.lane())) continue;
                VdmType type = o.type().orElseThrow();
                List<String> row = List.of(columns.get(name), number(type, t.highAlarm()), number(type, t.highWarning()),
                    number(type, t.lowWarning()), number(type, t.lowAlarm()), o.unit());
                rows.computeIfAbsent(row, k -> new BitSet()).set(o.lane());
            }
        }
        if (rows.isEmpty()) return "No " + (statistics ? "VDM statistics" : "basic VDM observables") + " on "
            + LaneSets.describe(only) + "." + NL;
        StringBuilder sb = new StringBuilder(String.format(THRESHOLD_ROW, "Observable", "Lanes", "High alarm", "High warn",
            "Low warn", "Low alarm", "Unit"));
        rows.forEach((row, lanes) -> sb.append(String.format(THRESHOLD_ROW, row.get(0), LaneSets.format(lanes), row.get(1),
            row.get(2), row.get(3), row.get(4), row.get(5)).stripTrailing()).append(NL));
        return sb.toString();
    }

    /** After the table: each threshold a shown value is beyond (the most serious one), with the lanes. */
    private static void crossings(StringBuilder sb, VdmReading r, Map<VdmObservable, VdmThreshold> limits,
                                  Map<String, String> columns, List<Integer> lanes) {
        record Crossing(int column, String header, ThresholdKind kind, String limit, String unit) {}
        Map<Crossing, BitSet> found = new LinkedHashMap<>();
        int column = 0;
        for (Map.Entry<String, String> c : columns.entrySet()) {
            for (int lane : lanes) {
                VdmSample s = r.find(c.getKey(), lane).orElse(null);
                VdmThreshold t = s == null || s.value() == null ? null : limits.get(s.observable());
                if (t == null) continue;
                int col = column;
                t.crossedBy(s.value()).ifPresent(k -> found.computeIfAbsent(new Crossing(col, c.getValue(), k,
                    number(s.observable().type().orElseThrow(), t.limit(k)), s.observable().unit()), x -> new BitSet()).set(lane));
            }
            column++;
        }
        if (found.isEmpty()) return;
        sb.append("Beyond thresholds:").append(NL);
        found.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<Crossing, BitSet> e) -> e.getKey().column())
                .thenComparing(e -> e.getKey().kind()))
            .forEach(e -> {
                Crossing x = e.getKey();
                String side = x.kind().bound() == ThresholdKind.Bound.HIGH ? "above the high " : "below the low ";
                sb.append(String.format("  %-8s %s%s (%s%s): %s", x.header(), side,
                    x.kind().severity().name().toLowerCase(Locale.ROOT), x.limit(), x.unit().isEmpty() ? "" : " " + x.unit(),
                    LaneSets.describe(e.getValue()))).append(NL);
            });
    }

    /** Observable name -> header of the lane observables of the kind asked for, in the module's order. */
    private static Map<String, String> columns(List<VdmObservable> observables, boolean statistics) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (VdmObservable o : observables) {
            if (o.lane() == 0 || o.statistic() != statistics) continue;
            columns.putIfAbsent(o.name(), header(o));
        }
        return columns;
    }

    private static String nothingAdvertised(boolean statistics) {
        return statistics ? "The module advertises no VDM statistics." : "The module advertises no basic VDM observables on lanes.";
    }

    private static String cell(VdmSample s) {
        return s.value() == null ? "-" : number(s.observable().type().orElseThrow(), s.value());
    }

    /** A value of {@code type}: ratios (F16) in scientific notation, the rest with two decimals. */
    private static String number(VdmType type, double v) {
        return type.unit() == Unit.F16 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** "eSNR-M", "BERmax-H": a short name of the known types; "tN" for an unknown type ID. */
    static String header(VdmObservable o) {
        if (o.type().isEmpty()) return "t" + o.descriptor().typeId();
        VdmType t = o.type().get();
        String side = t.side() == VdmType.Side.MEDIA ? "M" : "H";
        String what = switch (t.sampled()) {
            case LASER_TEMPERATURE -> "Laser°C";
            case ESNR_MEDIA, ESNR_HOST -> "eSNR";
            case LTP_MEDIA, LTP_HOST -> "LTP";
            case PRE_FEC_BER_CURRENT_MEDIA, PRE_FEC_BER_CURRENT_HOST -> "BER";
            case ERRORED_FRAMES_CURRENT_MEDIA, ERRORED_FRAMES_CURRENT_HOST -> "EFr";
            default -> "t" + t.id();
        };
        if (t.sampled() == VdmType.LASER_TEMPERATURE) return what;
        String statistic = switch (t.statistic()) {
            case CURRENT -> "";
            case MIN -> "min";
            case MAX -> "max";
            case AVG -> "avg";
        };
        return what + statistic + "-" + side;
    }
}
