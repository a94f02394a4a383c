package org.openxpo.agent.http;

import org.openxpo.agent.core.AlarmRecord;
import org.openxpo.agent.core.HistorySample;
import org.openxpo.agent.core.LaneVdm;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.core.MonitoredModule;
import org.openxpo.agent.core.VdmQuantity;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents of the REST API and the SSE stream (docs/agent.md, "REST and SSE"). Each top-level document
 * carries a {@code schema} tag; a value without a finite number (−∞ dBm of a dark lane) is null.
 */
final class ApiJson {
    private ApiJson() {}

    static final String MODULES = "openxpo.agent.modules/1", MODULE = "openxpo.agent.module/1",
        HISTORY = "openxpo.agent.history/1", ALARMS = "openxpo.agent.alarms/1";

    /** The lane with the lowest Rx power among lanes in a data path (dark lanes first). */
    record WorstLane(int lane, Double rxPowerDbm, String dataPathState) {
        static WorstLane of(ModuleSnapshot s) {
            if (s == null) return null;
            LaneStatus worst = null;
            for (LaneStatus l : s.lanes()) {
                if (l.appSel() == 0) continue;
                if (worst == null || l.rxPowerMw() < worst.rxPowerMw()) worst = l;
            }
            return worst == null ? null : new WorstLane(worst.lane(), finite(worst.rxPowerDbm()), worst.stateName());
        }
    }

    record Summary(String name, String target, boolean present, boolean reachable, String state, String firmware,
                   String serial, Double inputPowerW, Double coolantOutletC, WorstLane worstLane, int activeAlarms,
                   String lastError, String updated) {
        static Summary of(ModuleView v) {
            ModuleSnapshot s = v.snapshot();
            boolean live = s != null && v.present();
            return new Summary(v.name(), v.target(), v.present(), v.reachable(), v.stateName(), v.firmware(),
                v.identity() == null ? null : v.identity().serialNumber(),
                live && s.power() != null ? finite(s.power().inputPowerW()) : null,
                live && s.cooling() != null ? finite(s.cooling().outletTempC()) : null,
                live ? WorstLane.of(s) : null, v.activeAlarms().size(), v.lastError(), v.updated().toString());
        }
    }

    record Modules(String schema, List<Summary> modules) {}

    record Health(long polls, long errors, double lastPollSeconds) {}

    /** One lane and side's VDM values and thresholds, keyed by quantity ("esnr", "preFecBer", …). */
    record LaneVdmJson(int lane, String side, Map<String, Double> values, Map<String, Limits> thresholds) {
        static LaneVdmJson of(LaneVdm l) {
            Map<String, Double> values = new LinkedHashMap<>();
            l.values().forEach((q, v) -> { if (Double.isFinite(v)) values.put(key(q), v); });
            Map<String, Limits> limits = new LinkedHashMap<>();
            l.limits().forEach((q, t) -> limits.put(key(q), new Limits(t.highAlarm(), t.highWarning(), t.lowWarning(), t.lowAlarm())));
            return new LaneVdmJson(l.lane(), l.side().name().toLowerCase(Locale.ROOT), values, limits);
        }
    }

    record Limits(double highAlarm, double highWarning, double lowWarning, double lowAlarm) {}

    /** A quantity's JSON name: ESNR → "esnr", PRE_FEC_BER_MAX → "preFecBerMax". */
    static String key(VdmQuantity q) {
        StringBuilder sb = new StringBuilder();
        for (String part : q.name().toLowerCase(Locale.ROOT).split("_")) {
            sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    record Vdm(String time, String statisticsTime, List<LaneVdmJson> lanes) {}

    /** A lane in a diagnostics loopback, with which ones ("media-output", "host-input", …). */
    record LaneLoopback(int lane, List<String> loopbacks) {}

    /** A module in full: its summary, the driver's {@code openxpo.module/1} snapshot and thresholds, and VDM. */
    record Module(String schema, Summary summary, Object snapshot, Object thresholds, Vdm vdm, List<LaneLoopback> loopbacks,
                  Health health) {
        static Module of(ModuleView v) {
            Object snap = v.snapshot() == null || v.identity() == null ? null
                : XpoJson.module(v.target(), v.identity(), v.snapshot());
            Object limits = v.thresholds() == null ? null : XpoJson.thresholds(v.target(), v.thresholds());
            Vdm vdm = v.vdm() == null ? null
                : new Vdm(v.vdm().time().toString(),
                    v.vdm().statisticsTime() == null ? null : v.vdm().statisticsTime().toString(),
                    v.vdm().lanes().stream().map(LaneVdmJson::of).toList());
            List<LaneLoopback> loopbacks = v.loopbacks() == null ? null : v.loopbacks().byLane().entrySet().stream()
                .map(e -> new LaneLoopback(e.getKey(), e.getValue().stream().sorted()
                    .map(l -> l.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()))
                .toList();
            return new Module(MODULE, Summary.of(v), snap, limits, vdm, loopbacks,
                new Health(v.health().polls(), v.health().errors(), v.health().lastDurationSeconds()));
        }
    }

    record Sample(String time, Double inputVoltageV, Double inputCurrentA, Double inputPowerW, Double coolantInletC,
                  Double coolantOutletC, Double coolantFlowLpm, Double coldPlateC, Double cardAHotZoneC,
                  Double cardAColdZoneC, Double cardBHotZoneC, Double cardBColdZoneC) {
        static Sample of(HistorySample h) {
            return new Sample(h.time().toString(), finite(h.inputVoltageV()), finite(h.inputCurrentA()),
                finite(h.inputPowerW()), finite(h.coolantInletC()), finite(h.coolantOutletC()),
                finite(h.coolantFlowLpm()), finite(h.coldPlateC()), finite(h.cardAHotZoneC()),
                finite(h.cardAColdZoneC()), finite(h.cardBHotZoneC()), finite(h.cardBColdZoneC()));
        }
    }

    record History(String schema, String module, long windowSeconds, List<Sample> samples) {
        static History of(MonitoredModule m, long windowSeconds) {
            return new History(HISTORY, m.name(), windowSeconds, m.history().stream().map(Sample::of).toList());
        }
    }

    /** One alarm as the log and the stream show it; {@code cleared} null while active. */
    record AlarmEntry(String module, String name, String severity, String source, Integer lane, String description,
                      boolean active, String raised, String cleared) {
        static AlarmEntry of(String module, AlarmRecord r) {
            var a = r.alarm();
            return new AlarmEntry(module, a.name(), a.severity().label(), a.source().label(), a.lane(), a.description(),
                r.active(), r.raised().toString(), r.cleared() == null ? null : r.cleared().toString());
        }
    }

    record Alarms(String schema, String module, List<AlarmEntry> alarms) {}

    record Removed(String module, String time) {
        static Removed now(String module) { return new Removed(module, Instant.now().toString()); }
    }

    static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
