package org.openxpo.driver.cli;

import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code xpoctl vdm}: a column per observable the module advertises (basic or statistic), a row per lane,
 * a rule per bank. Headers are short names of the known types; an unknown type ID shows as {@code tN}.
 */
final class VdmTable {
    private VdmTable() {}

    private static final String NL = System.lineSeparator();
    private static final int WIDTH = 8;

    static String of(VdmReading r, boolean statistics, BitSet only) {
        Map<String, String> columns = new LinkedHashMap<>();   // observable name -> header
        for (VdmSample s : r.samples()) {
            VdmObservable o = s.observable();
            if (o.lane() == 0 || o.statistic() != statistics) continue;
            columns.putIfAbsent(o.name(), header(o));
        }
        StringBuilder sb = new StringBuilder();
        if (columns.isEmpty()) {
            return sb.append(statistics ? "The module advertises no VDM statistics." : "The module advertises no basic VDM "
                + "observables on lanes.").append(NL).toString();
        }
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
        return sb.toString();
    }

    private static String cell(VdmSample s) {
        if (s.value() == null) return "-";
        VdmType t = s.observable().type().orElseThrow();
        return t.unit() == org.openxpo.protocol.units.Unit.F16
            ? String.format(Locale.ROOT, "%.2e", s.value()) : String.format(Locale.ROOT, "%.2f", s.value());
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
