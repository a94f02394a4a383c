package org.openxpo.emulator.control;

import com.fasterxml.jackson.annotation.JsonValue;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.module.FirmwareImages;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.emulator.scenario.Applications;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.scenario.StrictJson;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.units.Codecs;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the control API, read from a module without side effects (peek: no flag is cleared, nothing a
 * host would see changes). Values are what the module publishes; telemetry reads 0 while it is unpowered.
 */
final class CageViews {
    private CageViews() {}

    record CageSummary(int cage, boolean present, String moduleState, String serial) {}

    record CageState(int cage, boolean present, PinLevels pins, ModuleView module, PowerView power,
                     CoolingView cooling, FirmwareView firmware, List<LaneView> lanes, List<FaultView> faults) {}

    record ModuleView(String state, String faultCause, String vendor, String partNumber, String serial,
                      List<String> applications) {}

    record PowerView(boolean powered, double inputVoltageV, double inputCurrentA, double inputPowerW,
                     boolean powerGood) {}

    record CoolingView(double inletC, double outletC, double flowLpm, double coldPlateC, double cardAHotZoneC,
                       double cardAColdZoneC, double cardBHotZoneC, double cardBColdZoneC, boolean leakDetected,
                       boolean leakSensorFault, int matingCycles) {}

    record FirmwareView(String running, String committed, String runningBank, String inactive) {}

    record LaneView(int lane, String dataPathState, double txPowerMw, double rxPowerMw, double biasMa,
                    boolean outputTx) {}

    /**
     * {@code {"id":"f1","kind":"laser-failure","lanes":[1],"activeForMs":718}}: the fault's own JSON between its id and
     * {@code activeForMs}, the emulated time since it was injected.
     */
    record FaultView(String id, Fault fault, long activeForMs) {
        @JsonValue
        ObjectNode json() {
            ObjectNode node = StrictJson.MAPPER.createObjectNode().put("id", id);
            node.setAll((ObjectNode) StrictJson.MAPPER.valueToTree(fault));
            return node.put("activeForMs", activeForMs);
        }
    }

    record PinLevels(boolean resetL, boolean lpMode, boolean powerEnable, boolean intL, boolean modPrsL,
                     boolean powerGood) {}

    static CageSummary summary(Cage cage) {
        XpoModule m = cage.module();
        return new CageSummary(cage.number(), m != null, m == null ? null : m.moduleState().cmisName(),
            m == null ? null : m.config().serialNumber());
    }

    static CageState state(Cage cage, long nowNanos) {
        XpoModule m = cage.module();
        if (m == null) return new CageState(cage.number(), false, pins(cage), null, null, null, null, null, null);
        return new CageState(cage.number(), true, pins(cage), module(m), power(m), cooling(m), firmware(m), lanes(m),
            faults(m, nowNanos));
    }

    static PinLevels pins(Cage c) {
        return new PinLevels(c.readPin(Pin.RESET_L), c.readPin(Pin.LP_MODE), c.readPin(Pin.POWER_ENABLE),
            c.readPin(Pin.INT_L), c.readPin(Pin.MOD_PRS_L), c.readPin(Pin.POWER_GOOD));
    }

    private static ModuleView module(XpoModule m) {
        List<String> apps = m.config().applications().stream().map(Applications::nameOf).toList();
        return new ModuleView(m.moduleState().cmisName(), m.faultCause().name(), m.config().vendorName(),
            m.config().partNumber(), m.config().serialNumber(), apps);
    }

    private static PowerView power(XpoModule m) {
        double v = m.inputVoltage(), w = m.inputPowerW();
        return new PowerView(m.powered(), round(v), round(v > 0 ? w / v : 0), round(w), m.powerGood());
    }

    private static CoolingView cooling(XpoModule m) {
        return new CoolingView(monitor(m, Monitor.COOLANT_INLET_TEMP), monitor(m, Monitor.COOLANT_OUTLET_TEMP),
            monitor(m, Monitor.COOLANT_FLOW), monitor(m, Monitor.COLD_PLATE_TEMP),
            monitor(m, Monitor.CARD_A_HOT_ZONE_TEMP), monitor(m, Monitor.CARD_A_COLD_ZONE_TEMP),
            monitor(m, Monitor.CARD_B_HOT_ZONE_TEMP), monitor(m, Monitor.CARD_B_COLD_ZONE_TEMP),
            m.peek(XpoPages.LEAK_DETECTED, 0, 0) == 1, m.peek(XpoPages.LEAK_SENSOR_FAULT, 0, 0) == 1, m.matingCycles());
    }

    private static double monitor(XpoModule m, Monitor monitor) {
        return round(m.peekValue(monitor.value(), 0, 0));
    }

    private static FirmwareView firmware(XpoModule m) {
        FirmwareImages fw = m.images();
        FirmwareImages.Image inactive = fw.inactiveImage();
        return new FirmwareView(fw.runningImage().version(), fw.image(fw.committed()).version(),
            fw.running() == 0 ? "A" : "B", inactive.valid() ? inactive.version() : null);
    }

    private static List<LaneView> lanes(XpoModule m) {
        int multiplier = (int) m.peek(AdminPages.TX_BIAS_MULTIPLIER, 0, 0);
        List<LaneView> out = new ArrayList<>(Lanes.COUNT);
        for (int lane = 1; lane <= Lanes.COUNT; lane++) {
            int bank = Lanes.bankOf(lane), i = Lanes.indexInBank(lane);
            DataPathState dp = m.dataPathState(lane);
            out.add(new LaneView(lane, dp == null ? "unknown" : dp.cmisName(),
                round(m.peekValue(LaneStatusPage.OPTICAL_POWER_TX, bank, i)),
                round(m.peekValue(LaneStatusPage.OPTICAL_POWER_RX, bank, i)),
                round(Codecs.biasMilliamps((int) m.peek(LaneStatusPage.LASER_BIAS_TX, bank, i), multiplier)),
                m.peek(LaneStatusPage.OUTPUT_STATUS_TX, bank, i) == 1));
        }
        return out;
    }

    static List<FaultView> faults(XpoModule m, long nowNanos) {
        return m.activeFaults().stream().map(a -> fault(a, nowNanos)).toList();
    }

    static FaultView fault(ActiveFault a, long nowNanos) {
        return new FaultView(a.id(), a.fault(), Math.max(0, (nowNanos - a.injectedAtNanos()) / 1_000_000));
    }

    /** Three decimals: enough for mW, mA, V and °C, and readable in a terminal. */
    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
