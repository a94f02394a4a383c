package org.openxpo.driver.json;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.protocol.types.ModuleState;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * The JSON forms of the driver's data (docs/host-driver.md, "JSON schema"): each document carries a {@code schema}
 * tag with a version that changes only when a member is removed or changes meaning. Members appear in declaration
 * order; numbers are rounded to what the registers resolve; a value with no finite number (−∞ dBm) is null.
 */
public final class XpoJson {
    private XpoJson() {}

    public static final String MODULE = "openxpo.module/1", LANES = "openxpo.lanes/1", ALARMS = "openxpo.alarms/1",
        THRESHOLDS = "openxpo.thresholds/1", EVENT = "openxpo.event/1", DUMP = "openxpo.dump/1",
        VDM = "openxpo.vdm/1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .build();
    private static final JsonMapper PRETTY = MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static String pretty(Object value) { return PRETTY.writeValueAsString(value); }

    public static String compact(Object value) { return MAPPER.writeValueAsString(value); }

    public static JsonMapper mapper() { return MAPPER; }

    public static ModuleJson module(String target, Identity id, ModuleSnapshot s) {
        return new ModuleJson(MODULE, target, IdentityJson.of(id), StatusJson.of(s));
    }

    public static LanesJson lanes(String target, ModuleSnapshot s) {
        return new LanesJson(LANES, target, s.time().toString(), s.moduleStateName(),
            s.lanes().stream().map(l -> StatusJson.LaneJson.of(l, s)).toList());
    }

    public static AlarmsJson alarms(String target, Instant time, ModuleState state, List<Alarm> alarms) {
        return new AlarmsJson(ALARMS, target, time.toString(), state == null ? "reserved" : state.cmisName(),
            StatusJson.alarms(alarms));
    }

    public static ThresholdsJson thresholds(String target, Thresholds t) {
        return new ThresholdsJson(THRESHOLDS, target, t.sets().stream().map(ThresholdsJson.ThresholdJson::of).toList());
    }

    /** {@code data} read at byte {@code offset} of {@code page}/{@code bank}. */
    public static DumpJson dump(String target, int page, int bank, int offset, byte[] data) {
        List<Integer> bytes = new java.util.ArrayList<>(data.length);
        for (byte b : data) bytes.add(b & 0xFF);
        return new DumpJson(DUMP, target, page, bank, offset, data.length, List.copyOf(bytes));
    }

    /**
     * A VDM reading with each observable's thresholds ({@code limits}, by observable; one missing is null) and the most
     * serious one its value is beyond; {@code lanes} (null: all) keeps the observables of those host lanes.
     */
    public static VdmJson vdm(String target, org.openxpo.driver.vdm.VdmReading r,
                              java.util.Map<org.openxpo.driver.vdm.VdmObservable, org.openxpo.driver.vdm.VdmThreshold> limits,
                              java.util.BitSet lanes) {
        return VdmJson.of(VDM, target, r, limits, lanes);
    }

    public static EventJson event(MonitorEvent e) {
        String t = e.time().toString();
        return switch (e) {
            case MonitorEvent.AlarmEvent a -> new EventJson(EVENT, "alarm", t, a.name(), a.severity().label(),
                a.alarm().source().label(), a.lane(), a.raised(), a.alarm().description(), null, null, null, null,
                null, null, null, null);
            case MonitorEvent.ModuleStateEvent s -> new EventJson(EVENT, "moduleState", t, null, null, null, null,
                null, null, name(s.previous()), name(s.current()), null, null, null, null, null, null);
            case MonitorEvent.PresenceEvent p -> new EventJson(EVENT, "presence", t, null, null, null, null, null,
                null, null, null, p.present(), null, null, null, null, null);
            case MonitorEvent.ResetEvent r -> new EventJson(EVENT, "reset", t, null, null, null, null, null, null,
                null, null, null, r.cause(), null, null, null, null);
            case MonitorEvent.LinkEvent l -> new EventJson(EVENT, "link", t, null, null, null, null, null, null,
                null, null, null, null, l.up(), l.detail(), null, null);
            case MonitorEvent.SnapshotEvent s -> new EventJson(EVENT, "snapshot", t, null, null, null, null, null,
                null, null, null, null, null, null, null, StatusJson.of(s.snapshot()), null);
            case MonitorEvent.ErrorEvent x -> new EventJson(EVENT, "error", t, null, null, null, null, null, null,
                null, null, null, null, null, null, null, x.message());
        };
    }

    private static String name(ModuleState s) { return s == null ? null : s.cmisName(); }
}
