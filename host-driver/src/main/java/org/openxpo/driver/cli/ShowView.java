package org.openxpo.driver.cli;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Application;
import org.openxpo.driver.module.CoolingStatus;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.PowerStatus;

import java.util.BitSet;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.openxpo.driver.cli.Text.num;

/** The {@code show} summary: identity, state, power, cooling, lanes in groups, alarms; within 80 columns. */
final class ShowView {
    private ShowView() {}

    private static final String INDENT = " ".repeat(14);

    static String render(String target, Identity id, ModuleSnapshot s) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Target", target);
        line(sb, "Module", id.identifierName() + ", CMIS " + id.cmisRevision()
            + (id.xpo() ? ", XPO profile " + id.xpoProfileVersion() : "") + ", " + id.banks() + " banks / "
            + id.lanes() + " lanes");
        line(sb, "Vendor", String.format("%-17s OUI %s", id.vendorName(), id.vendorOui()));
        line(sb, "Part number", String.format("%-17s rev %s", id.partNumber(), id.vendorRevision()));
        line(sb, "Serial", String.format("%-17s date code %s", id.serialNumber(), id.dateCode()));
        line(sb, "Firmware", id.activeFirmware() + " (inactive " + id.inactiveFirmware() + "), hardware "
            + id.hardwareRevision());
        line(sb, "Max power", num(id.maxPowerW(), 2) + " W");
        line(sb, "State", s.moduleStateName() + (s.faultDescription() == null ? "" : " (" + s.faultDescription() + ")"));
        line(sb, "Module", "temperature " + num(s.temperatureC(), 2) + " °C, Vcc " + num(s.supplyVoltageV(), 3) + " V");
        power(sb, s.power());
        cooling(sb, s.cooling());
        lanes(sb, id, s.lanes());
        applications(sb, id);
        alarms(sb, s.alarms());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String text) {
        sb.append(String.format("%-13s %s%n", label, text));
    }

    private static void more(StringBuilder sb, String text) { sb.append(INDENT).append(text).append(System.lineSeparator()); }

    private static void power(StringBuilder sb, PowerStatus p) {
        if (p == null) return;
        line(sb, "Power", num(p.inputVoltageV(), 3) + " V  " + num(p.inputCurrentA(), 3) + " A  "
            + num(p.inputPowerW(), 2) + " W  (power good: " + (p.powerGood() ? "yes" : "no") + ")");
    }

    private static void cooling(StringBuilder sb, CoolingStatus c) {
        if (c == null) return;
        line(sb, "Cooling", "inlet " + num(c.inletTempC(), 2) + " °C  outlet " + num(c.outletTempC(), 2)
            + " °C  flow " + num(c.flowLpm(), 3) + " L/min");
        more(sb, "cold plate " + num(c.coldPlateTempC(), 1) + " °C  leak " + (c.leakDetected() ? "DETECTED" : "none")
            + (c.leakSensorFault() ? " (sensor failed)" : "") + "  mating cycles " + c.matingCycles() + " of "
            + c.matingCyclesRated());
        more(sb, "card A hot/cold " + num(c.cardAHotZoneTempC(), 1) + "/" + num(c.cardAColdZoneTempC(), 1)
            + " °C  card B hot/cold " + num(c.cardBHotZoneTempC(), 1) + "/" + num(c.cardBColdZoneTempC(), 1) + " °C");
    }

    /** Lanes grouped by state and application: "64 DPActivated  AppSel 1 1.6TAUI-8 / 1.6TBASE-DR8". */
    private static void lanes(StringBuilder sb, Identity id, List<LaneStatus> lanes) {
        Map<String, BitSet> groups = new LinkedHashMap<>();
        for (LaneStatus l : lanes) {
            String app = l.appSel() == 0 ? "unused"
                : "AppSel " + l.appSel() + id.application(l.appSel()).map(a -> " " + a.name()).orElse("");
            groups.computeIfAbsent(l.stateName() + "|" + app, k -> new BitSet()).set(l.lane());
        }
        boolean first = true;
        for (var e : groups.entrySet()) {
            String[] key = e.getKey().split("\\|");
            String text = String.format("%-13s %-12s %s", key[0], LaneSets.format(e.getValue()), key[1]);
            if (first) line(sb, "Lanes", text); else more(sb, text);
            first = false;
        }
        List<LaneStatus> lit = lanes.stream().filter(LaneStatus::txOutputValid).toList();
        if (!lit.isEmpty()) {
            more(sb, "Tx " + range(lit, LaneStatus::txPowerDbm, 2) + " dBm  Rx " + range(lit, LaneStatus::rxPowerDbm, 2)
                + " dBm  bias " + range(lit, LaneStatus::biasMa, 1) + " mA");
        }
    }

    private static String range(List<LaneStatus> lanes, ToDoubleFunction<LaneStatus> f, int places) {
        DoubleSummaryStatistics st = lanes.stream().mapToDouble(f).filter(Double::isFinite).summaryStatistics();
        if (st.getCount() == 0) return "-inf";
        return num(st.getMin(), places) + ".." + num(st.getMax(), places);
    }

    private static void applications(StringBuilder sb, Identity id) {
        boolean first = true;
        for (Application a : id.applications()) {
            String text = String.format("%-2d %-28s %d lane%s, %2d per module", a.appSel(), a.name(), a.hostLaneCount(),
                a.hostLaneCount() == 1 ? "" : "s",
                a.dataPathsPerBank() * id.banks());
            if (first) line(sb, "Applications", text); else more(sb, text);
            first = false;
        }
    }

    private static void alarms(StringBuilder sb, List<Alarm> alarms) {
        List<String> lines = Text.alarmLines(alarms, 0);
        if (lines.isEmpty()) {
            line(sb, "Alarms", "none");
            return;
        }
        line(sb, "Alarms", lines.getFirst());
        for (String l : lines.subList(1, lines.size())) more(sb, l);
    }
}
