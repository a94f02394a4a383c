package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

import java.util.SplittableRandom;

import static org.openxpo.protocol.map.XpoPages.THRESHOLD_KINDS;

/**
 * Power, heat and optics of the module on the firmware clock (equations in docs/emulator.md). Each tick computes the
 * power drawn from the module and lane states, the coolant and zone temperatures (first-order lags towards the steady
 * state set by flow and inlet temperature), the lane optics with bounded seeded noise, writes the monitors, latches
 * the flags whose thresholds are crossed, and takes the protective actions a real module takes.
 */
final class Physics {
    /** Nominal supply, source resistance of the 50 V feed, brown-out lock-out and over-voltage limits. */
    static final double SUPPLY_V = 50.0, FEED_OHMS = 0.02, UNDER_VOLTAGE_LOCKOUT_V = 40.0, OVER_VOLTAGE_V = 60.0;
    /** Power: management only (low power), DSPs up (Ready), per lane with its data path powered, per lit laser. */
    static final double LOW_POWER_W = 18, READY_BASE_W = 60, LANE_POWERED_W = 3.2, LANE_LIT_W = 1.5;
    static final double NOMINAL_FLOW_LPM = 0.5, NOMINAL_INLET_C = 30.0;
    /** Water: 4186 J/(kg·K), 1 kg/L. A small floor stands for heat that leaves through the module case without flow. */
    static final double WATER_J_PER_L_K = 4186, MIN_HEAT_CAPACITY_W_PER_K = 0.8;
    /** Thermal resistances (K/W): cold plate at nominal flow; paddle-card hot and cold zones above the plate. */
    static final double PLATE_K_PER_W = 0.015, HOT_ZONE_K_PER_W = 0.08, COLD_ZONE_K_PER_W = 0.03;
    static final double THERMAL_TAU_S = 4.0, COOLANT_TAU_S = 1.0;
    /** A hot zone above this shuts the lasers down (5 °C above the hot-zone high alarm). */
    static final double SHUTDOWN_C = 90.0;
    static final double TX_MW = 1.8, RX_MW = 1.4, BIAS_MA = 70;

    private static final MemoryMap MAP = MemoryMap.xpo();

    private final XpoModule m;
    private final ModuleMemory mem;
    private final SplittableRandom random;
    private final double[] laneTxOffsetDb = new double[MemoryMap.LANES];
    private final double[] laneRxOffsetDb = new double[MemoryMap.LANES];

    private double inlet = NOMINAL_INLET_C, outlet = NOMINAL_INLET_C, plate = NOMINAL_INLET_C;
    private final double[] hot = {NOMINAL_INLET_C, NOMINAL_INLET_C}, cold = {NOMINAL_INLET_C, NOMINAL_INLET_C};
    private double inputPowerW;

    Physics(XpoModule module, long seed) {
        this.m = module;
        this.mem = module.memory();
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < MemoryMap.LANES; i++) {
            laneTxOffsetDb[i] = random.nextDouble(-0.3, 0.3);
            laneRxOffsetDb[i] = random.nextDouble(-0.5, 0.5);
        }
    }

    /** The supply voltage at the module's input for the current load. */
    double inputVoltage() {
        double source = Double.isNaN(m.faults().voltageOverride()) ? SUPPLY_V : m.faults().voltageOverride();
        return source - FEED_OHMS * (inputPowerW / Math.max(1, source));
    }

    double inputPowerW() { return inputPowerW; }

    /** Power drawn now, from the module and lane states. */
    double powerDraw() {
        ModuleState s = m.moduleState();
        if (s == null || s == ModuleState.RESETTING) return 2;
        if (s == ModuleState.FAULT || s == ModuleState.LOW_PWR || s == ModuleState.MGMT_INIT) return LOW_POWER_W;
        double p = READY_BASE_W;
        if (s == ModuleState.PWR_UP) p = (LOW_POWER_W + READY_BASE_W) / 2;
        for (int lane = 1; lane <= MemoryMap.LANES; lane++) {
            if (m.dataPaths().powered(lane)) p += LANE_POWERED_W;
            if (m.dataPaths().transmitting(lane)) p += LANE_LIT_W;
        }
        return p;
    }

    /** One physics tick of {@code dtSeconds}. */
    void tick(double dtSeconds) {
        inputPowerW = powerDraw() * (1 + noise(0.003));
        step(dtSeconds);
        publish();
        evaluateFlags();
        protect();
    }

    private void step(double dt) {
        double flow = NOMINAL_FLOW_LPM * m.faults().flowFraction();
        double inletTarget = Double.isNaN(m.faults().inletOverride()) ? NOMINAL_INLET_C : m.faults().inletOverride();
        inlet += (inletTarget - inlet) * alpha(dt, COOLANT_TAU_S);
        double capacity = Math.max(MIN_HEAT_CAPACITY_W_PER_K, flow / 60 * WATER_J_PER_L_K);
        double p = inputPowerW;
        outlet += (inlet + p / capacity - outlet) * alpha(dt, COOLANT_TAU_S);
        double plateResistance = PLATE_K_PER_W * Math.pow(NOMINAL_FLOW_LPM / Math.max(flow, 0.01), 0.8);
        double plateTarget = inlet + p * (0.5 / capacity + plateResistance);
        plate += (plateTarget - plate) * alpha(dt, THERMAL_TAU_S);
        for (int card = 0; card < 2; card++) {
            double cardPower = cardPower(card);
            hot[card] += (plate + cardPower * HOT_ZONE_K_PER_W - hot[card]) * alpha(dt, THERMAL_TAU_S);
            cold[card] += (plate + cardPower * COLD_ZONE_K_PER_W - cold[card]) * alpha(dt, THERMAL_TAU_S);
        }
    }

    /** Paddle card A carries banks 0–3 (lanes 1–32), card B banks 4–7; the base power splits evenly. */
    private double cardPower(int card) {
        double p = (inputPowerW - lanePower(1, 64)) / 2;
        return p + lanePower(card * 32 + 1, card * 32 + 32);
    }

    private double lanePower(int from, int to) {
        double p = 0;
        for (int lane = from; lane <= to; lane++) {
            if (m.dataPaths().powered(lane)) p += LANE_POWERED_W;
            if (m.dataPaths().transmitting(lane)) p += LANE_LIT_W;
        }
        return p;
    }

    private static double alpha(double dt, double tau) { return 1 - Math.exp(-dt / tau); }

    private double noise(double amplitude) { return random.nextDouble(-amplitude, amplitude); }

    private void publish() {
        double v = inputVoltage();
        setMonitor(Monitor.INPUT_VOLTAGE, v + noise(0.02));
        setMonitor(Monitor.INPUT_CURRENT, inputPowerW / v);
        setMonitor(Monitor.INPUT_POWER, inputPowerW);
        setMonitor(Monitor.COOLANT_INLET_TEMP, inlet + noise(0.05));
        setMonitor(Monitor.COOLANT_OUTLET_TEMP, outlet + noise(0.05));
        double flow = NOMINAL_FLOW_LPM * m.faults().flowFraction();
        setMonitor(Monitor.COOLANT_FLOW, Math.max(0, flow * (1 + noise(0.01))));
        setMonitor(Monitor.COLD_PLATE_TEMP, plate + noise(0.05));
        setMonitor(Monitor.CARD_A_HOT_ZONE_TEMP, hot[0] + noise(0.1));
        setMonitor(Monitor.CARD_A_COLD_ZONE_TEMP, cold[0] + noise(0.1));
        setMonitor(Monitor.CARD_B_HOT_ZONE_TEMP, hot[1] + noise(0.1));
        setMonitor(Monitor.CARD_B_COLD_ZONE_TEMP, cold[1] + noise(0.1));
        mem.set(Fields.LEAK_DETECTED, m.faults().leak() ? 1 : 0);
        mem.set(Fields.LEAK_SENSOR_FAULT, m.faults().leakSensorFault() ? 1 : 0);
        double caseTemp = (hot[0] + hot[1] + cold[0] + cold[1]) / 4;
        setValue(Fields.TEMP_MON, 0, 0, caseTemp + noise(0.05));
        setValue(Fields.VCC_MON, 0, 0, 3.30 + noise(0.005));
        publishOptics();
    }

    private void publishOptics() {
        int multiplier = (int) mem.get(Fields.TX_BIAS_MULTIPLIER);
        double heat = Math.max(0, (hot[0] + hot[1]) / 2 - 50);
        for (int lane = 1; lane <= MemoryMap.LANES; lane++) {
            int bank = (lane - 1) / 8, i = (lane - 1) % 8;
            double txMw = 0, biasMa = 0, rxMw = 0;
            boolean lit = m.dataPaths().transmitting(lane);
            if (lit) {
                double aging = m.faults().degradationDb(lane, m.now());
                double db = laneTxOffsetDb[lane - 1] - 0.01 * heat - aging + noise(0.03);
                txMw = TX_MW * Codecs.dbmToMilliwatts(db);
                biasMa = BIAS_MA * (1 + 0.005 * heat) * Codecs.dbmToMilliwatts(aging / 2) + noise(0.2);
            }
            if (m.dataPaths().powered(lane) && !m.faults().rxLos(lane)) {
                rxMw = RX_MW * Codecs.dbmToMilliwatts(laneRxOffsetDb[lane - 1] + noise(0.03));
            }
            setValue(Fields.TX_POWER, bank, i, txMw);
            mem.set(Fields.TX_BIAS, bank, i, Codecs.biasRaw(biasMa, multiplier));
            setValue(Fields.RX_POWER, bank, i, rxMw);
        }
    }

    private void setMonitor(Monitor monitor, double value) { setValue(MAP.field(monitor.valueField()), 0, 0, value); }

    private void setValue(Field f, int bank, int i, double value) { f.setValue(mem.region(f, bank), i, value); }

    // ------------------------------------------------------------------ flags

    private void evaluateFlags() {
        boolean changed = false;
        changed |= latchNibble(Fields.TEMP_FLAGS, Fields.TEMP_MON, "TempMon");
        changed |= latchNibble(Fields.VCC_FLAGS, Fields.VCC_MON, "VccMon");
        for (Monitor monitor : Monitor.values()) {
            changed |= latchNibble(MAP.field(monitor.flagsField()), MAP.field(monitor.valueField()),
                monitor.thresholdPrefix());
        }
        if (m.faults().leak()) changed |= mem.latch(Fields.LEAK_FLAG, 0, 0);
        if (m.faults().leakSensorFault()) changed |= mem.latch(Fields.LEAK_SENSOR_FAULT_FLAG, 0, 0);
        if (mem.get(Fields.MATING_CYCLES) * 10 >= mem.get(Fields.MATING_CYCLES_RATED) * 9) {
            changed |= mem.latch(Fields.MATING_WARNING_FLAG, 0, 0);
        }
        changed |= laneFlags();
        if (changed) m.flagsChanged();
    }

    /** Latches the HA/LA/HW/LW bits (bit0..bit3 of the nibble) of a monitor whose value crosses its thresholds. */
    private boolean latchNibble(Field flags, Field value, String thresholdPrefix) {
        long raw = mem.get(value);
        int bits = thresholdBits(value, raw, thresholdPrefix);
        if (bits == 0) return false;
        long before = mem.get(flags);
        mem.set(flags, before | bits);
        return (before | bits) != before;
    }

    private int thresholdBits(Field value, long raw, String prefix) {
        double v = value.unit().decode(raw, value.bitWidth());
        int bits = 0;
        for (int k = 0; k < 4; k++) {
            Field t = MAP.field(prefix + THRESHOLD_KINDS.get(k));
            double limit = t.unit().decode(mem.get(t), t.bitWidth());
            boolean high = k % 2 == 0;
            if (high ? v > limit : v < limit) bits |= 1 << k;
        }
        return bits;
    }

    private boolean laneFlags() {
        boolean changed = false;
        for (int lane = 1; lane <= MemoryMap.LANES; lane++) {
            int bank = (lane - 1) / 8, i = (lane - 1) % 8;
            boolean powered = m.dataPaths().powered(lane);
            if (!powered) continue;
            if (m.faults().laserFailed(lane)) changed |= mem.latch(Fields.FAILURE_FLAG_TX, bank, i);
            if (m.faults().rxLos(lane)) changed |= mem.latch(Fields.LOS_FLAG_RX, bank, i);
            if (m.faults().cdrLol(lane, true)) changed |= mem.latch(Fields.CDR_LOL_FLAG_RX, bank, i);
            if (m.faults().cdrLol(lane, false)) changed |= mem.latch(Fields.CDR_LOL_FLAG_TX, bank, i);
            // Tx thresholds apply where light is expected: data path active and the lane's output enabled.
            boolean txEnabled = (mem.region(Fields.OUTPUT_DISABLE_TX, bank)[Fields.OUTPUT_DISABLE_TX.offset()] & (1 << i)) == 0;
            if (txEnabled && m.dataPaths().state(bank, i) == DataPathState.ACTIVATED) {
                changed |= laneThresholds(bank, i, Fields.TX_POWER, "TxPower");
                changed |= laneThresholds(bank, i, Fields.TX_BIAS, "TxBias");
            }
            changed |= laneThresholds(bank, i, Fields.RX_POWER, "RxPower");
        }
        return changed;
    }

    private boolean laneThresholds(int bank, int i, Field value, String prefix) {
        long raw = mem.get(value, bank, i);
        boolean changed = false;
        for (int k = 0; k < 4; k++) {
            Field t = MAP.field(prefix + THRESHOLD_KINDS.get(k));
            long limit = mem.get(t);
            boolean high = k % 2 == 0;
            if (high ? raw > limit : raw < limit) {
                changed |= mem.latch(MAP.field(prefix + THRESHOLD_KINDS.get(k) + "Flag"), bank, i);
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------ protective actions

    private void protect() {
        ModuleState s = m.moduleState();
        if (s == ModuleState.FAULT || s == ModuleState.RESETTING || s == ModuleState.MGMT_INIT) return;
        if (hot[0] > SHUTDOWN_C || hot[1] > SHUTDOWN_C) m.enterFault(FaultCause.OVER_TEMPERATURE);
        else if (m.faults().leak()) m.enterFault(FaultCause.COOLANT_LEAK);
        else if (inputVoltage() > OVER_VOLTAGE_V) {
            mem.latch(Fields.POWER_GOOD_LOST_FLAG, 0, 0);
            m.enterFault(FaultCause.INPUT_OVER_VOLTAGE);
        }
    }

    /** The temperature of a paddle card's hot zone (0 = A, 1 = B), for tests and the control API. */
    double hotZone(int card) { return hot[card]; }
}
