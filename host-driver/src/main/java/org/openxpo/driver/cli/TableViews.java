package org.openxpo.driver.cli;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.util.List;

import static org.openxpo.driver.cli.Text.num;

/** The table views: 64 lanes (a row per lane, a rule per bank), thresholds, alarms. */
final class TableViews {
    private TableViews() {}

    private static final String NL = System.lineSeparator();

    static String lanes(ModuleSnapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Module ").append(s.moduleStateName()).append(NL);
        sb.append("Lane App DP state         Tx mW  Tx dBm    Rx mW  Rx dBm  Bias mA  Tx Rx").append(NL);
        for (LaneStatus l : s.lanes()) {
            if (Lanes.indexInBank(l.lane()) == 0) {
                sb.append(String.format("---- bank %d (lanes %d-%d) ", Lanes.bankOf(l.lane()), l.lane(),
                    l.lane() + Lanes.PER_BANK - 1));
                sb.append("-".repeat(45)).append(NL);
            }
            sb.append(String.format("%4d %3s %-14s %8s %7s %8s %7s %8s  %-2s %-2s%n", l.lane(),
                l.appSel() == 0 ? "-" : Integer.toString(l.appSel()), l.stateName(), num(l.txPowerMw(), 4),
                num(l.txPowerDbm(), 2), num(l.rxPowerMw(), 4), num(l.rxPowerDbm(), 2), num(l.biasMa(), 2),
                l.txOutputValid() ? "on" : "-", l.rxOutputValid() ? "on" : "-"));
        }
        return sb.toString();
    }

    static String thresholds(Thresholds t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-18s %-7s %10s %10s %10s %10s  %s%n", "Monitor", "Source", "High alarm",
            "High warn", "Low warn", "Low alarm", "Unit"));
        for (Thresholds.Set s : t.sets()) {
            int places = s.unit().equals("mW") || s.unit().equals("V") || s.unit().equals("L/min") ? 3 : 2;
            sb.append(String.format("%-18s %-7s %10s %10s %10s %10s  %s%n", s.monitor(), s.source().label(),
                num(s.highAlarm(), places), num(s.highWarning(), places), num(s.lowWarning(), places),
                num(s.lowAlarm(), places), s.unit()));
        }
        return sb.toString();
    }

    static String alarms(ModuleState state, String faultDescription, List<Alarm> alarms) {
        StringBuilder sb = new StringBuilder();
        sb.append("Module ").append(state == null ? "in a reserved state" : state.cmisName());
        if (faultDescription != null) sb.append(" (").append(faultDescription).append(')');
        sb.append(NL);
        List<String> lines = Text.alarmLines(alarms, 80);
        if (lines.isEmpty()) return sb.append("No latched flags set.").append(NL).toString();
        sb.append(Text.alarmHeader(alarms)).append(NL);
        for (String l : lines) sb.append(l).append(NL);
        return sb.toString();
    }
}
