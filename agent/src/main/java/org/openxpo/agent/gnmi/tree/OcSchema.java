package org.openxpo.agent.gnmi.tree;

import static org.openxpo.agent.gnmi.tree.LeafValue.counter;
import static org.openxpo.agent.gnmi.tree.LeafValue.decimal;
import static org.openxpo.agent.gnmi.tree.LeafValue.flag;
import static org.openxpo.agent.gnmi.tree.LeafValue.text;
import static org.openxpo.agent.gnmi.tree.LeafValue.uint;
import static org.openxpo.agent.gnmi.tree.YangModule.OPENXPO_EXT;
import static org.openxpo.agent.gnmi.tree.YangModule.PLATFORM;
import static org.openxpo.agent.gnmi.tree.YangModule.TRANSCEIVER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.openxpo.agent.gnmi.tree.SchemaNode.Container;
import org.openxpo.agent.gnmi.tree.SchemaNode.Entry;
import org.openxpo.agent.gnmi.tree.SchemaNode.Leaf;
import org.openxpo.agent.gnmi.tree.SchemaNode.ListNode;
import org.openxpo.agent.core.LaneVdm;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.CoolingStatus;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.PowerStatus;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

/**
 * The tree the agent serves, declared once: one {@code openconfig-platform} TRANSCEIVER component per configured
 * module, its {@code openconfig-platform-transceiver} state, physical channels 0–63 (channel index = host lane − 1),
 * host lanes 1–64 and thresholds, a SENSOR subcomponent per cooling temperature the module reports, and the
 * {@code openxpo-platform-ext} augmentation (agent/src/main/yang) for what OpenConfig has no leaf for. Units and
 * fraction digits are the models' own.
 */
public final class OcSchema {
    private OcSchema() {}

    /** Dark-lane power: decimal64 has no −∞, so powers are clamped here (what CMIS decoders print for 0 µW). */
    static final double POWER_FLOOR_DBM = -40.0;

    /** The top-level nodes, children of the (unnamed) data root. */
    public static final List<SchemaNode> ROOT = List.of(components());

    private static SchemaNode components() {
        return new Container("components", PLATFORM, List.of(
            new ListNode("component", PLATFORM, "name", OcSchema::components, List.of(
                leaf(PLATFORM, "name", OcSchema::componentName),
                container(PLATFORM, "state",
                    leaf(PLATFORM, "name", OcSchema::componentName),
                    leaf(PLATFORM, "type", s -> new LeafValue.Identity(YangModule.PLATFORM_TYPES,
                        s.transceiver() ? "TRANSCEIVER" : "SENSOR")),
                    leaf(PLATFORM, "parent", s -> s.transceiver() ? null : text(s.module().name())),
                    leaf(PLATFORM, "removable", ofTransceiver(s -> flag(true))),
                    leaf(PLATFORM, "empty", ofTransceiver(s -> flag(!s.module().present()))),
                    leaf(PLATFORM, "oper-status", ofTransceiver(OcSchema::operStatus)),
                    leaf(PLATFORM, "mfg-name", ofTransceiver(identity(id -> text(id.vendorName())))),
                    leaf(PLATFORM, "part-no", ofTransceiver(identity(id -> text(id.partNumber())))),
                    leaf(PLATFORM, "serial-no", ofTransceiver(identity(id -> text(id.serialNumber())))),
                    leaf(PLATFORM, "hardware-version", ofTransceiver(identity(id -> text(id.hardwareRevision())))),
                    leaf(PLATFORM, "firmware-version", ofTransceiver(identity(id -> text(id.activeFirmware().toString())))),
                    leaf(PLATFORM, "mfg-date", ofTransceiver(identity(id -> text(mfgDate(id.dateCode()))))),
                    leaf(PLATFORM, "allocated-power", ofTransceiver(identity(id -> uint(Math.round(id.maxPowerW()))))),
                    leaf(PLATFORM, "used-power", ofTransceiver(power(p -> uint(Math.round(p.inputPowerW()))))),
                    container(PLATFORM, "temperature",
                        leaf(PLATFORM, "instant", s -> s.transceiver()
                            ? snapshot(m -> decimal(m.temperatureC(), 1)).apply(s)
                            : cooling(c -> decimal(s.sensor().celsius(c), 1)).apply(s)),
                        leaf(PLATFORM, "alarm-status", s -> s.module().snapshot() == null ? null
                            : flag(thresholdAlarm(s, s.transceiver() ? "Temp" : s.sensor().monitor()))))),
                container(PLATFORM, "subcomponents",
                    new ListNode("subcomponent", PLATFORM, "name", OcSchema::subcomponents, List.of(
                        leaf(PLATFORM, "name", OcSchema::componentName),
                        container(PLATFORM, "state", leaf(PLATFORM, "name", OcSchema::componentName))))),
                transceiver()))));
    }

    /** The transceiver subtree, in the module's TRANSCEIVER component only. */
    private static SchemaNode transceiver() {
        return new Container("transceiver", TRANSCEIVER, List.of(
            container(TRANSCEIVER, "state",
                leaf(TRANSCEIVER, "present", s -> new LeafValue.Enumeration(s.module().present() ? "PRESENT" : "NOT_PRESENT")),
                leaf(TRANSCEIVER, "form-factor", identity(id -> formFactor(id.identifierName()))),
                leaf(TRANSCEIVER, "vendor", identity(id -> text(id.vendorName()))),
                leaf(TRANSCEIVER, "vendor-rev", identity(id -> text(id.vendorRevision()))),
                leaf(TRANSCEIVER, "fault-condition", snapshot(m -> flag(m.moduleState() == ModuleState.FAULT))),
                leaf(TRANSCEIVER, "pre-fec-ber", s -> ber(s.module().worstPreFecBer())),
                container(TRANSCEIVER, "supply-voltage",
                    leaf(TRANSCEIVER, "instant", snapshot(m -> decimal(m.supplyVoltageV(), 2)))),
                container(TRANSCEIVER, "output-power",
                    leaf(TRANSCEIVER, "instant", snapshot(m -> decimal(totalDbm(m, LaneStatus::txPowerMw), 2, POWER_FLOOR_DBM)))),
                container(TRANSCEIVER, "input-power",
                    leaf(TRANSCEIVER, "instant", snapshot(m -> decimal(totalDbm(m, LaneStatus::rxPowerMw), 2, POWER_FLOOR_DBM)))),
                container(TRANSCEIVER, "laser-bias-current",
                    leaf(TRANSCEIVER, "instant", snapshot(m -> decimal(total(m, LaneStatus::biasMa), 2))))),
            container(TRANSCEIVER, "physical-channels",
                new ListNode("channel", TRANSCEIVER, "index", OcSchema::lanes, List.of(
                    leaf(TRANSCEIVER, "index", s -> uint(s.lane().lane() - 1)),
                    container(TRANSCEIVER, "state",
                        leaf(TRANSCEIVER, "index", s -> uint(s.lane().lane() - 1)),
                        container(TRANSCEIVER, "output-power",
                            leaf(TRANSCEIVER, "instant", s -> decimal(s.lane().txPowerDbm(), 2, POWER_FLOOR_DBM))),
                        container(TRANSCEIVER, "input-power",
                            leaf(TRANSCEIVER, "instant", s -> decimal(s.lane().rxPowerDbm(), 2, POWER_FLOOR_DBM))),
                        container(TRANSCEIVER, "laser-bias-current",
                            leaf(TRANSCEIVER, "instant", s -> decimal(s.lane().biasMa(), 2))),
                        leaf(TRANSCEIVER, "tx-failure", laneAlarm("TxFailure")),
                        leaf(TRANSCEIVER, "rx-los", laneAlarm("RxLos")),
                        leaf(TRANSCEIVER, "rx-cdr-lol", laneAlarm("RxCdrLol")),
                        container(TRANSCEIVER, "counters",
                            laneRaises("tx-fault-count", "TxFailure"),
                            laneRaises("tx-los-count", "TxLos"),
                            laneRaises("tx-lol-count", "TxCdrLol"),
                            laneRaises("rx-los-count", "RxLos"),
                            laneRaises("rx-lol-count", "RxCdrLol")),
                        container(OPENXPO_EXT, "xpo-lane",
                            leaf(OPENXPO_EXT, "esnr", vdm(v -> decimal(v.esnrDb(), 2))),
                            leaf(OPENXPO_EXT, "ltp", vdm(v -> decimal(v.ltpDb(), 2))),
                            leaf(OPENXPO_EXT, "laser-temperature", vdm(v -> decimal(v.laserTemperatureC(), 1))),
                            leaf(OPENXPO_EXT, "pre-fec-ber", vdm(v -> ber(v.preFecBer()))),
                            leaf(OPENXPO_EXT, "pre-fec-ber-min", vdm(v -> ber(v.preFecBerMin()))),
                            leaf(OPENXPO_EXT, "pre-fec-ber-max", vdm(v -> ber(v.preFecBerMax()))),
                            leaf(OPENXPO_EXT, "pre-fec-ber-avg", vdm(v -> ber(v.preFecBerAvg())))))))),
            container(TRANSCEIVER, "host-lanes",
                new ListNode("lane", TRANSCEIVER, "lane-number", OcSchema::hostLanes, List.of(
                    leaf(TRANSCEIVER, "lane-number", s -> uint(s.lane().lane())),
                    container(TRANSCEIVER, "state",
                        leaf(TRANSCEIVER, "lane-number", s -> uint(s.lane().lane())),
                        leaf(TRANSCEIVER, "tx-los", laneAlarm("TxLos")),
                        leaf(TRANSCEIVER, "tx-cdr-lol", laneAlarm("TxCdrLol")))))),
            container(TRANSCEIVER, "thresholds",
                new ListNode("threshold", TRANSCEIVER, "severity", OcSchema::severities, List.of(
                    leaf(TRANSCEIVER, "severity", OcSchema::severity),
                    new Container("state", TRANSCEIVER, java.util.stream.Stream.of(
                        List.<SchemaNode>of(leaf(TRANSCEIVER, "severity", OcSchema::severity)),
                        bounds(TRANSCEIVER, "module-temperature", "Temp", 1, false),
                        bounds(TRANSCEIVER, "supply-voltage", "Vcc", 2, false),
                        bounds(TRANSCEIVER, "output-power", "TxPower", 2, true),
                        bounds(TRANSCEIVER, "input-power", "RxPower", 2, true),
                        bounds(TRANSCEIVER, "laser-bias-current", "TxBias", 2, false),
                        List.<SchemaNode>of(xpoThresholds())).flatMap(List::stream).toList())))),
            xpo()), Scope::transceiver);
    }

    /** The openxpo-platform-ext augmentation of a threshold severity: the XPO monitors' bounds, in their units. */
    private static SchemaNode xpoThresholds() {
        return new Container("xpo-thresholds", OPENXPO_EXT, java.util.stream.Stream.of(
            bounds(OPENXPO_EXT, "input-voltage", XpoPages.Monitor.INPUT_VOLTAGE, 3),
            bounds(OPENXPO_EXT, "input-current", XpoPages.Monitor.INPUT_CURRENT, 3),
            bounds(OPENXPO_EXT, "input-power", XpoPages.Monitor.INPUT_POWER, 2),
            bounds(OPENXPO_EXT, "coolant-inlet-temperature", XpoPages.Monitor.COOLANT_INLET_TEMP, 1),
            bounds(OPENXPO_EXT, "coolant-outlet-temperature", XpoPages.Monitor.COOLANT_OUTLET_TEMP, 1),
            bounds(OPENXPO_EXT, "coolant-flow", XpoPages.Monitor.COOLANT_FLOW, 3),
            bounds(OPENXPO_EXT, "cold-plate-temperature", XpoPages.Monitor.COLD_PLATE_TEMP, 1)).flatMap(List::stream).toList());
    }

    /** The openxpo-platform-ext augmentation of the transceiver: 50 V input, liquid cooling, alarms. */
    private static SchemaNode xpo() {
        return container(OPENXPO_EXT, "xpo",
            container(OPENXPO_EXT, "state",
                leaf(OPENXPO_EXT, "module-state", snapshot(m -> text(m.moduleStateName()))),
                leaf(OPENXPO_EXT, "input-voltage", power(p -> decimal(p.inputVoltageV(), 3))),
                leaf(OPENXPO_EXT, "input-current", power(p -> decimal(p.inputCurrentA(), 3))),
                leaf(OPENXPO_EXT, "input-power", power(p -> decimal(p.inputPowerW(), 2))),
                leaf(OPENXPO_EXT, "max-input-power", power(p -> decimal(p.maxPowerW(), 2))),
                leaf(OPENXPO_EXT, "power-good", power(p -> flag(p.powerGood()))),
                leaf(OPENXPO_EXT, "coolant-inlet-temperature", cooling(c -> decimal(c.inletTempC(), 1))),
                leaf(OPENXPO_EXT, "coolant-outlet-temperature", cooling(c -> decimal(c.outletTempC(), 1))),
                leaf(OPENXPO_EXT, "coolant-flow", cooling(c -> decimal(c.flowLpm(), 3))),
                leaf(OPENXPO_EXT, "cold-plate-temperature", cooling(c -> decimal(c.coldPlateTempC(), 1))),
                leaf(OPENXPO_EXT, "leak-detected", cooling(c -> flag(c.leakDetected()))),
                leaf(OPENXPO_EXT, "leak-sensor-fault", cooling(c -> flag(c.leakSensorFault()))),
                leaf(OPENXPO_EXT, "mating-cycles", cooling(c -> uint(c.matingCycles()))),
                leaf(OPENXPO_EXT, "mating-cycles-rated", cooling(c -> uint(c.matingCyclesRated())))),
            container(OPENXPO_EXT, "alarms",
                new ListNode("alarm", OPENXPO_EXT, "name", OcSchema::alarms, List.of(
                    leaf(OPENXPO_EXT, "name", s -> text(s.alarm().key())),
                    container(OPENXPO_EXT, "state",
                        leaf(OPENXPO_EXT, "name", s -> text(s.alarm().key())),
                        leaf(OPENXPO_EXT, "alarm", s -> text(s.alarm().name())),
                        leaf(OPENXPO_EXT, "severity", s -> new LeafValue.Enumeration(s.alarm().severity().name())),
                        leaf(OPENXPO_EXT, "source", s -> new LeafValue.Enumeration(s.alarm().source().name())),
                        leaf(OPENXPO_EXT, "lane", s -> s.alarm().lane() == null ? null : uint(s.alarm().lane())),
                        leaf(OPENXPO_EXT, "description", s -> text(s.alarm().description())))))));
    }

    // --- list entries -------------------------------------------------------------------------------------------

    /** Each module's TRANSCEIVER component followed by its SENSOR components. */
    private static List<Entry> components(Scope s) {
        List<Entry> out = new ArrayList<>();
        for (ComponentData m : s.modules()) {
            out.add(new Entry(m.name(), s.with(m)));
            for (CoolingSensor sensor : sensors(m)) out.add(new Entry(sensor.componentName(m.name()), s.with(m, sensor)));
        }
        return out;
    }

    /** The SENSOR components of a TRANSCEIVER component; none under a sensor. */
    private static List<Entry> subcomponents(Scope s) {
        if (!s.transceiver()) return List.of();
        return sensors(s.module()).stream().map(x -> new Entry(x.componentName(s.module().name()), s.with(s.module(), x))).toList();
    }

    /** The cooling temperatures the module's latest snapshot has. */
    private static List<CoolingSensor> sensors(ComponentData m) {
        ModuleSnapshot snap = m.snapshot();
        CoolingStatus c = snap == null ? null : snap.cooling();
        if (c == null) return List.of();
        return Arrays.stream(CoolingSensor.values()).filter(x -> Double.isFinite(x.celsius(c))).toList();
    }

    private static List<Entry> hostLanes(Scope s) {
        ModuleSnapshot m = s.module().snapshot();
        if (m == null) return List.of();
        return m.lanes().stream().map(l -> new Entry(Integer.toString(l.lane()), s.with(l))).toList();
    }

    private static List<Entry> lanes(Scope s) {
        ModuleSnapshot m = s.module().snapshot();
        if (m == null) return List.of();
        return m.lanes().stream().map(l -> new Entry(Integer.toString(l.lane() - 1), s.with(l))).toList();
    }

    private static List<Entry> severities(Scope s) {
        if (s.module().thresholds() == null) return List.of();
        return Arrays.stream(ThresholdSeverity.values()).map(v -> new Entry(v.name(), s.with(v))).toList();
    }

    private static List<Entry> alarms(Scope s) {
        return s.module().view().activeAlarms().stream().map(a -> new Entry(a.key(), s.with(a))).toList();
    }

    // --- leaves ---------------------------------------------------------------------------------------------------

    private static LeafValue componentName(Scope s) {
        return text(s.transceiver() ? s.module().name() : s.sensor().componentName(s.module().name()));
    }

    /** True while the high or low alarm of threshold monitor {@code monitor} ("Temp", "CoolantInletTemp") is active. */
    private static boolean thresholdAlarm(Scope s, String monitor) {
        List<Alarm> active = s.module().view().activeAlarms();
        return hasAlarm(active, monitor + "HighAlarm", null) || hasAlarm(active, monitor + "LowAlarm", null);
    }

    /**
     * OpenConfig's transceiver-level power: the total of its channels, summed in mW and given in dBm (a module
     * with every lane dark reads the floor).
     */
    private static double totalDbm(ModuleSnapshot m, java.util.function.ToDoubleFunction<LaneStatus> milliwatts) {
        return Codecs.milliwattsToDbm(total(m, milliwatts));
    }

    /** The sum over the module's lanes (OpenConfig's transceiver-level bias current is the channels' total, mA). */
    private static double total(ModuleSnapshot m, java.util.function.ToDoubleFunction<LaneStatus> value) {
        double sum = 0;
        for (LaneStatus l : m.lanes()) {
            double v = value.applyAsDouble(l);
            if (Double.isFinite(v)) sum += v;
        }
        return sum;
    }

    private static LeafValue operStatus(Scope s) {
        ModuleSnapshot m = s.module().snapshot();
        String status = !s.module().present() || m == null ? "INACTIVE"
            : m.moduleState() == ModuleState.FAULT ? "DISABLED" : "ACTIVE";
        return new LeafValue.Identity(YangModule.PLATFORM_TYPES, status);
    }

    private static LeafValue severity(Scope s) { return new LeafValue.Identity(YangModule.ALARM_TYPES, s.severity().name()); }

    private static List<SchemaNode> bounds(YangModule module, String leafPrefix, XpoPages.Monitor monitor, int digits) {
        return bounds(module, leafPrefix, monitor.thresholds().monitor(), digits, false);
    }

    /** The upper and lower bound leaves of one monitor, from the driver's thresholds report. */
    private static List<SchemaNode> bounds(YangModule module, String leafPrefix, String monitor, int digits, boolean milliwatts) {
        Function<Boolean, Function<Scope, LeafValue>> bound = upper -> s -> {
            Thresholds.Set set = s.module().thresholds().of(monitor).orElse(null);
            if (set == null) return null;
            double v = upper ? s.severity().upper(set) : s.severity().lower(set);
            return milliwatts ? decimal(Codecs.milliwattsToDbm(v), digits, POWER_FLOOR_DBM)
                : decimal(v, digits);
        };
        return List.of(leaf(module, leafPrefix + "-upper", bound.apply(true)),
            leaf(module, leafPrefix + "-lower", bound.apply(false)));
    }

    private static Function<Scope, LeafValue> vdm(Function<LaneVdm, LeafValue> f) {
        return s -> {
            LaneVdm v = s.module().vdm(s.lane().lane());
            return v == null ? null : f.apply(v);
        };
    }

    /** A BER ratio as OpenConfig's pre-fec-ber: decimal64 with 18 fraction digits (below 1e-18 reads 0). */
    private static LeafValue ber(double ratio) { return decimal(ratio, 18); }

    private static Function<Scope, LeafValue> laneAlarm(String name) {
        return s -> flag(hasAlarm(s.module().view().activeAlarms(), name, s.lane().lane()));
    }

    /** A counter64 leaf: how often the lane's flag {@code alarm} was raised since the agent started. */
    private static Leaf laneRaises(String leafName, String alarm) {
        return leaf(TRANSCEIVER, leafName, s -> counter(s.module().raises(alarm, s.lane().lane())));
    }

    /** True when {@code name} (on {@code lane}, null for module alarms) is among the module's active alarms. */
    private static boolean hasAlarm(List<Alarm> active, String name, Integer lane) {
        for (Alarm a : active) {
            if (a.name().equals(name) && java.util.Objects.equals(a.lane(), lane)) return true;
        }
        return false;
    }

    /** OpenConfig form factors have no XPO: OSFP and QSFP-DD map to theirs, anything else is OTHER. */
    private static LeafValue formFactor(String identifierName) {
        String name = switch (identifierName) {
            case "OSFP" -> "OSFP";
            case "QSFP-DD" -> "QSFP56_DD";
            default -> "OTHER";
        };
        return new LeafValue.Identity(YangModule.TRANSPORT_TYPES, name);
    }

    /** CMIS date code "YYMMDDLL" as a YANG date "20YY-MM-DD"; null when it is not one. */
    static String mfgDate(String dateCode) {
        if (dateCode == null || !dateCode.matches("\\d{6}.*")) return null;
        return "20" + dateCode.substring(0, 2) + "-" + dateCode.substring(2, 4) + "-" + dateCode.substring(4, 6);
    }

    // --- declaration helpers ----------------------------------------------------------------------------------------

    private static Container container(YangModule m, String name, SchemaNode... children) {
        return new Container(name, m, List.of(children));
    }

    private static Leaf leaf(YangModule m, String name, Function<Scope, LeafValue> value) { return new Leaf(name, m, value); }

    /** A component leaf the TRANSCEIVER component has and its SENSOR components do not. */
    private static Function<Scope, LeafValue> ofTransceiver(Function<Scope, LeafValue> f) {
        return s -> s.transceiver() ? f.apply(s) : null;
    }

    private static Function<Scope, LeafValue> identity(Function<Identity, LeafValue> f) {
        return s -> s.module().identity() == null ? null : f.apply(s.module().identity());
    }

    private static Function<Scope, LeafValue> snapshot(Function<ModuleSnapshot, LeafValue> f) {
        return s -> s.module().snapshot() == null ? null : f.apply(s.module().snapshot());
    }

    private static Function<Scope, LeafValue> power(Function<PowerStatus, LeafValue> f) {
        return snapshot(m -> m.power() == null ? null : f.apply(m.power()));
    }

    private static Function<Scope, LeafValue> cooling(Function<CoolingStatus, LeafValue> f) {
        return snapshot(m -> m.cooling() == null ? null : f.apply(m.cooling()));
    }
}
