package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.units.Codecs;

import java.util.ArrayList;
import java.util.List;

import static org.openxpo.driver.module.Registers.*;

/** Reads {@link Thresholds}: page 02h in two transfers (Aux thresholds skipped), page B1h in one. */
final class ThresholdReader {
    private ThresholdReader() {}

    private record Monitor(String prefix, String fieldPrefix, Alarm.Source source, String unit) {}

    private static final List<Monitor> CMIS = List.of(
        new Monitor("Temp", "TempMon", Alarm.Source.MODULE, "°C"),
        new Monitor("Vcc", "VccMon", Alarm.Source.MODULE, "V"),
        new Monitor("TxPower", "TxPower", Alarm.Source.LANE, "mW"),
        new Monitor("TxBias", "TxBias", Alarm.Source.LANE, "mA"),
        new Monitor("RxPower", "RxPower", Alarm.Source.LANE, "mW"));
    /** The XPO monitors in B1h order. */
    private static final List<Monitor> XPO = java.util.Arrays.stream(XpoPages.Monitor.values())
        .map(m -> new Monitor(m.thresholdPrefix(), m.thresholdPrefix(),
            m.isPower() ? Alarm.Source.POWER : Alarm.Source.COOLING, m.unit().symbol()))
        .toList();

    static Thresholds read(RegisterAccess access, Identity id) {
        List<Thresholds.Set> out = new ArrayList<>();
        List<RegisterAccess.FieldRead> groups = new ArrayList<>();
        if (!id.flatMemory()) groups.add(new RegisterAccess.FieldRead(PAGE_02, 0, fields(CMIS)));
        if (id.xpo()) groups.add(new RegisterAccess.FieldRead(XPO_THRESHOLDS, 0, fields(XPO)));
        List<byte[]> windows = groups.isEmpty() ? List.of() : access.readFields(groups);
        if (!id.flatMemory()) for (Monitor m : CMIS) out.add(set(windows.get(0), m, id.biasMultiplierCode()));
        if (id.xpo()) for (Monitor m : XPO) out.add(set(windows.get(windows.size() - 1), m, 0));
        return new Thresholds(List.copyOf(out));
    }

    private static List<Field> fields(List<Monitor> monitors) {
        List<Field> out = new ArrayList<>();
        for (Monitor m : monitors) for (String kind : XpoPages.THRESHOLD_KINDS) out.add(f(m.fieldPrefix() + kind));
        return out;
    }

    private static Thresholds.Set set(byte[] w, Monitor m, int biasMultiplier) {
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            Field fd = f(m.fieldPrefix() + XpoPages.THRESHOLD_KINDS.get(k));
            v[k] = m.prefix().equals("TxBias") ? Codecs.biasMilliamps((int) fd.get(w, 0), biasMultiplier) : fd.value(w, 0);
        }
        // THRESHOLD_KINDS order is HighAlarm, LowAlarm, HighWarning, LowWarning
        return new Thresholds.Set(m.prefix(), m.source(), m.unit(), v[0], v[2], v[3], v[1]);
    }
}
