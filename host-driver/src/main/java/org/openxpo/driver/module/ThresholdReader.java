package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.units.Codecs;

import java.util.ArrayList;
import java.util.List;

/** Reads {@link Thresholds}: page 02h in two transfers (Aux thresholds skipped), page B1h in one. */
final class ThresholdReader {
    private ThresholdReader() {}

    static Thresholds read(RegisterAccess access, Identity id) {
        List<Thresholds.Set> out = new ArrayList<>();
        List<RegisterAccess.FieldRead> groups = new ArrayList<>();
        if (!id.flatMemory()) groups.add(new RegisterAccess.FieldRead(Pages.THRESHOLDS, 0, fields(ThresholdMonitor.CMIS)));
        if (id.xpo()) groups.add(new RegisterAccess.FieldRead(Pages.XPO_THRESHOLDS, 0, fields(ThresholdMonitor.XPO)));
        List<byte[]> windows = groups.isEmpty() ? List.of() : access.readFields(groups);
        if (!id.flatMemory()) {
            for (ThresholdMonitor m : ThresholdMonitor.CMIS) out.add(set(windows.get(0), m, id.biasMultiplierCode()));
        }
        if (id.xpo()) {
            for (ThresholdMonitor m : ThresholdMonitor.XPO) out.add(set(windows.get(windows.size() - 1), m, 0));
        }
        return new Thresholds(List.copyOf(out));
    }

    private static List<Field> fields(List<ThresholdMonitor> monitors) {
        List<Field> out = new ArrayList<>();
        for (ThresholdMonitor m : monitors) out.addAll(m.thresholds().thresholds());
        return out;
    }

    private static Thresholds.Set set(byte[] w, ThresholdMonitor m, int biasMultiplier) {
        ThresholdSet t = m.thresholds();
        return new Thresholds.Set(m.name(), m.source(), t.highAlarm().unit().symbol(),
            value(w, t, ThresholdKind.HIGH_ALARM, biasMultiplier), value(w, t, ThresholdKind.HIGH_WARNING, biasMultiplier),
            value(w, t, ThresholdKind.LOW_WARNING, biasMultiplier), value(w, t, ThresholdKind.LOW_ALARM, biasMultiplier));
    }

    /** A threshold in its unit; bias thresholds scale with TxBiasMultiplier (01h:160.4-3) as the bias monitor does. */
    private static double value(byte[] w, ThresholdSet t, ThresholdKind kind, int biasMultiplier) {
        Field f = t.get(kind);
        return t == AdminPages.TX_BIAS ? Codecs.biasMilliamps((int) f.get(w, 0), biasMultiplier) : f.value(w, 0);
    }
}
