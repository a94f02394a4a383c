package org.openxpo.emulator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openxpo.emulator.fault.Fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fault as JSON, the same in scenario files and the control API: {@code {"kind":"laser-failure","lanes":[1,2]}}.
 * Each kind takes exactly its own parameters; a parameter of another kind is an error rather than silently ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSpec(String kind, List<Integer> lanes, Double fraction, Double volts, Long durationMs,
                        Double celsius, Double dbPerHour, Boolean rx, Double factor) {

    /** Every kind and the parameters it accepts. */
    private static final Map<String, Set<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("laser-failure", Set.of("lanes"));
        PARAMETERS.put("rx-los", Set.of("lanes"));
        PARAMETERS.put("cdr-lol", Set.of("lanes", "rx"));
        PARAMETERS.put("optics-degradation", Set.of("lanes", "dbPerHour"));
        PARAMETERS.put("coolant-flow", Set.of("fraction"));
        PARAMETERS.put("coolant-leak", Set.of());
        PARAMETERS.put("leak-sensor-fault", Set.of());
        PARAMETERS.put("inlet-temperature", Set.of("celsius"));
        PARAMETERS.put("input-voltage", Set.of("volts"));
        PARAMETERS.put("brown-out", Set.of("durationMs"));
        PARAMETERS.put("stuck-bus", Set.of());
        PARAMETERS.put("firmware-fault", Set.of());
        PARAMETERS.put("cdb-slow-writes", Set.of("factor"));
        PARAMETERS.put("cdb-write-failure", Set.of());
        PARAMETERS.put("cdb-complete-failure", Set.of());
        PARAMETERS.put("firmware-no-return", Set.of());
        PARAMETERS.put("cdb-foreground", Set.of());
    }

    public static Set<String> kinds() { return PARAMETERS.keySet(); }

    /** The fault this describes; a missing, foreign or out-of-range parameter is an {@link IllegalArgumentException}. */
    public Fault toFault() {
        if (kind == null) throw new IllegalArgumentException("a fault needs a \"kind\" (one of " + knownKinds() + ")");
        Set<String> accepted = PARAMETERS.get(kind);
        if (accepted == null) throw new IllegalArgumentException("unknown fault kind '" + kind + "' (known: " + knownKinds() + ")");
        for (String given : givenParameters()) {
            if (!accepted.contains(given)) {
                throw new IllegalArgumentException("field '" + given + "' does not apply to a " + kind + " fault"
                    + (accepted.isEmpty() ? " (it takes no parameters)" : " (it takes: " + String.join(", ", new TreeSet<>(accepted)) + ")"));
            }
        }
        return switch (kind) {
            case "laser-failure" -> new Fault.LaserFailure(laneSet());
            case "rx-los" -> new Fault.RxLossOfSignal(laneSet());
            case "cdr-lol" -> new Fault.CdrLossOfLock(laneSet(), rx != null && rx);
            case "optics-degradation" -> new Fault.OpticsDegradation(laneSet(), need(dbPerHour, "dbPerHour"));
            case "coolant-flow" -> new Fault.CoolantFlow(need(fraction, "fraction"));
            case "coolant-leak" -> new Fault.CoolantLeak();
            case "leak-sensor-fault" -> new Fault.LeakSensorFault();
            case "inlet-temperature" -> new Fault.InletTemperature(need(celsius, "celsius"));
            case "input-voltage" -> new Fault.InputVoltage(need(volts, "volts"));
            case "brown-out" -> new Fault.BrownOut(Duration.ofMillis(need(durationMs, "durationMs")));
            case "stuck-bus" -> new Fault.StuckBus();
            case "firmware-fault" -> new Fault.FirmwareFault();
            case "cdb-slow-writes" -> new Fault.CdbSlowWrites(need(factor, "factor"));
            case "cdb-write-failure" -> new Fault.CdbWriteFailure();
            case "cdb-complete-failure" -> new Fault.CdbCompleteFailure();
            case "firmware-no-return" -> new Fault.FirmwareNoReturn();
            case "cdb-foreground" -> new Fault.CdbForeground();
            default -> throw new IllegalStateException(kind);
        };
    }

    /**
     * The JSON form of a fault (what GET .../faults reports). Kinds without parameters share the default branch, so
     * a fault kind added to {@link Fault} later still shows up by name (ScenarioFaultSpecTest checks every kind round-trips).
     */
    public static FaultSpec of(Fault fault) {
        FaultSpec bare = new FaultSpec(fault.kind(), null, null, null, null, null, null, null, null);
        return switch (fault) {
            case Fault.LaserFailure f -> bare.withLanes(f.lanes());
            case Fault.RxLossOfSignal f -> bare.withLanes(f.lanes());
            case Fault.CdrLossOfLock f ->
                new FaultSpec(f.kind(), sorted(f.lanes()), null, null, null, null, null, f.rx(), null);
            case Fault.OpticsDegradation f ->
                new FaultSpec(f.kind(), sorted(f.lanes()), null, null, null, null, f.dbPerHour(), null, null);
            case Fault.CoolantFlow f -> new FaultSpec(f.kind(), null, f.fraction(), null, null, null, null, null, null);
            case Fault.InletTemperature f -> new FaultSpec(f.kind(), null, null, null, null, f.celsius(), null, null, null);
            case Fault.InputVoltage f -> new FaultSpec(f.kind(), null, null, f.volts(), null, null, null, null, null);
            case Fault.BrownOut f ->
                new FaultSpec(f.kind(), null, null, null, f.duration().toMillis(), null, null, null, null);
            case Fault.CdbSlowWrites f -> new FaultSpec(f.kind(), null, null, null, null, null, null, null, f.factor());
            default -> bare;
        };
    }

    private FaultSpec withLanes(Set<Integer> l) {
        return new FaultSpec(kind, sorted(l), fraction, volts, durationMs, celsius, dbPerHour, rx, factor);
    }

    private static List<Integer> sorted(Set<Integer> lanes) { return List.copyOf(new TreeSet<>(lanes)); }

    private Set<Integer> laneSet() {
        List<Integer> l = need(lanes, "lanes");
        Set<Integer> set = new LinkedHashSet<>();
        for (Integer lane : l) {
            if (lane == null) throw new IllegalArgumentException("field 'lanes' holds a null");
            if (!set.add(lane)) throw new IllegalArgumentException("lane " + lane + " is listed twice");
        }
        return set;
    }

    private <T> T need(T value, String name) {
        if (value == null) throw new IllegalArgumentException("a " + kind + " fault needs field '" + name + "'");
        return value;
    }

    private List<String> givenParameters() {
        List<String> given = new java.util.ArrayList<>();
        if (lanes != null) given.add("lanes");
        if (fraction != null) given.add("fraction");
        if (volts != null) given.add("volts");
        if (durationMs != null) given.add("durationMs");
        if (celsius != null) given.add("celsius");
        if (dbPerHour != null) given.add("dbPerHour");
        if (rx != null) given.add("rx");
        if (factor != null) given.add("factor");
        return given;
    }

    private static String knownKinds() { return String.join(", ", PARAMETERS.keySet()); }
}
