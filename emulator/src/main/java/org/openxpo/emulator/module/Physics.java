package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.openxpo.protocol.map.XpoPages.THRESHOLD_KINDS;

/**
 * Power, heat and optics of the module on the firmware clock (equations in docs/emulator.md). Each tick computes the
 * power drawn from the module and lane states, the coolant and zone temperatures (first-order lags towards the steady
 * state set by flow and inlet temperature), the lane optics with bounded seeded noise, writes the monitors, latches
 * the flags whose thresholds are crossed, and takes the protective actions a real module takes. While the firmware
 * is not running (unpowered, in reset, in MgmtInit) only the temperatures advance: see {@link #tickWithoutFirmware}.
 *
 * <p>A tick reads each lane's state once into a snapshot and works on the page arrays directly: the fields it needs
 * are resolved once per class, so a tick of a 64-lane module costs microseconds (thousands of modules per JVM).
 */
final class Physics {
    /** Nominal supply, source resistance of the 50 V feed, brown-out lock-out and over-voltage limits. */
    static final double SUPPLY_V = 50.0, FEED_OHMS = 0.02, UNDER_VOLTAGE_LOCKOUT_V = 40.0, OVER_VOLTAGE_V = 60.0;
    /**
     * Power: management only (low power, fault), module base in Ready (management included), per lane with its data
     * path powered (DSP and drivers), per lit laser.
     */
    static final double LOW_POWER_W = 18, READY_BASE_W = 60, LANE_POWERED_W = 3.2, LANE_LIT_W = 1.5;
    /**
     * Leakage: the electronics above the management share (DSPs, drivers) draw {@value}·ΔT more per kelvin their
     * paddle cards run above {@link #LEAKAGE_REF_C} (the nominal hot-zone temperature, where the figures above hold).
     * Without it a module at 20 % flow would settle just below the shutdown limit; with it, it heats past it.
     */
    static final double LEAKAGE_PER_K = 0.005, LEAKAGE_REF_C = 55.0, LEAKAGE_MIN = 0.8;
    static final double NOMINAL_FLOW_LPM = 0.5, NOMINAL_INLET_C = 30.0;
    /** Water: 4186 J/(kg·K), 1 kg/L. A small floor stands for heat that leaves through the module case without flow. */
    static final double WATER_J_PER_L_K = 4186, MIN_HEAT_CAPACITY_W_PER_K = 0.8;
    /** Thermal resistances (K/W): cold plate at nominal flow; paddle-card hot and cold zones above the plate. */
    static final double PLATE_K_PER_W = 0.015, HOT_ZONE_K_PER_W = 0.08, COLD_ZONE_K_PER_W = 0.03;
    static final double THERMAL_TAU_S = 4.0, COOLANT_TAU_S = 1.0;
    /** A hot zone above this shuts the lasers down (5 °C above the hot-zone high alarm). */
    static final double SHUTDOWN_C = 90.0;
    static final double TX_MW = 1.8, RX_MW = 1.4, BIAS_MA = 70;
    /** Noise amplitudes (uniform, ±): relative power, volts, °C of coolant/plate and zones, relative flow, dB, mA. */
    static final double NOISE_POWER = 0.003, NOISE_V = 0.02, NOISE_COOLANT_C = 0.05, NOISE_ZONE_C = 0.1,
        NOISE_FLOW = 0.01, NOISE_OPTICS_DB = 0.03, NOISE_BIAS_MA = 0.2, NOISE_VCC = 0.005;

    private static final MemoryMap MAP = MemoryMap.xpo();
    private static final int BANKS = MemoryMap.BANKS, PER_BANK = MemoryMap.LANES_PER_BANK, LANES = MemoryMap.LANES;
    private static final int ACTIVATED = DataPathState.ACTIVATED.code(), INITIALIZED = DataPathState.INITIALIZED.code(),
        DEACTIVATED = DataPathState.DEACTIVATED.code(),
        TX_TURN_ON = DataPathState.TX_TURN_ON.code(), TX_TURN_OFF = DataPathState.TX_TURN_OFF.code();

    /** A monitor with its value, 4-bit flag field and thresholds (HA, LA, HW, LW), resolved once. */
    private record Watched(Field value, Field flags, Field[] thresholds) {
        static Watched of(Field value, Field flags, String prefix) {
            Field[] t = new Field[4];
            for (int k = 0; k < 4; k++) t[k] = MAP.field(prefix + THRESHOLD_KINDS.get(k));
            return new Watched(value, flags, t);
        }
    }

    /** A lane monitor with its thresholds and the four per-lane flag fields, resolved once. */
    private record LaneWatched(Field value, Field[] thresholds, Field[] flags) {
        static LaneWatched of(Field value, String prefix) {
            Field[] t = new Field[4], f = new Field[4];
            for (int k = 0; k < 4; k++) {
                t[k] = MAP.field(prefix + THRESHOLD_KINDS.get(k));
                f[k] = MAP.field(prefix + THRESHOLD_KINDS.get(k) + "Flag");
            }
            return new LaneWatched(value, t, f);
        }
    }

    private static final Monitor[] MONITORS = Monitor.values();
    private static final Field[] MONITOR_VALUE = new Field[MONITORS.length];
    private static final Watched[] MODULE_WATCHED = new Watched[MONITORS.length + 2];
    static {
        MODULE_WATCHED[0] = Watched.of(Fields.TEMP_MON, Fields.TEMP_FLAGS, "TempMon");
        MODULE_WATCHED[1] = Watched.of(Fields.VCC_MON, Fields.VCC_FLAGS, "VccMon");
        for (Monitor monitor : MONITORS) {
            MONITOR_VALUE[monitor.ordinal()] = MAP.field(monitor.valueField());
            MODULE_WATCHED[monitor.ordinal() + 2] = Watched.of(MAP.field(monitor.valueField()),
                MAP.field(monitor.flagsField()), monitor.thresholdPrefix());
        }
    }
    private static final LaneWatched TX_POWER = LaneWatched.of(Fields.TX_POWER, "TxPower");
    private static final LaneWatched TX_BIAS = LaneWatched.of(Fields.TX_BIAS, "TxBias");
    private static final LaneWatched RX_POWER = LaneWatched.of(Fields.RX_POWER, "RxPower");

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final Faults faults;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.FlagWatch flags;
    private final FirmwareContext.FaultEntry fault;
    private final SplittableRandom random;
    /** Each lane's light at nominal temperature: TX_MW / RX_MW shifted by a seeded offset (±0.3 / ±0.5 dB). */
    private final double[] laneTxMw = new double[LANES];
    private final double[] laneRxMw = new double[LANES];

    private double inlet = NOMINAL_INLET_C, outlet = NOMINAL_INLET_C, plate = NOMINAL_INLET_C;
    private final double[] hot = {NOMINAL_INLET_C, NOMINAL_INLET_C}, cold = {NOMINAL_INLET_C, NOMINAL_INLET_C};
    private double inputPowerW;

    // Page arrays, fetched again only after a reset replaced them (a cleared memory gives B0h a new array).
    private final byte[][] status = new byte[BANKS][], control = new byte[BANKS][];
    private byte[] b0, b1, p02;
    // Per-tick snapshot of the lanes.
    private final int[] dpState = new int[LANES];
    private final boolean[] lit = new boolean[LANES];
    private double leakage = 1;

    Physics(FirmwareContext firmware, FirmwareContext.ModuleStatus module, FirmwareContext.FlagWatch flags,
            FirmwareContext.FaultEntry fault) {
        this.firmware = firmware;
        this.mem = firmware.memory();
        this.faults = firmware.faults();
        this.module = module;
        this.flags = flags;
        this.fault = fault;
        this.random = new SplittableRandom(firmware.config().seed());
        for (int i = 0; i < LANES; i++) {
            laneTxMw[i] = TX_MW * Codecs.dbmToMilliwatts(random.nextDouble(-0.3, 0.3));
            laneRxMw[i] = RX_MW * Codecs.dbmToMilliwatts(random.nextDouble(-0.5, 0.5));
        }
    }

    /** The supply voltage at the module's input for the current load. */
    double inputVoltage() {
        double source = Double.isNaN(faults.voltageOverride()) ? SUPPLY_V : faults.voltageOverride();
        return source - FEED_OHMS * (inputPowerW() / Math.max(1, source));
    }

    /** Power drawn from the 50 V input: 0 while the module is unpowered (the last tick's figure otherwise). */
    double inputPowerW() { return module.powered() ? inputPowerW : 0; }

    /** One physics tick of {@code dtSeconds}. */
    void tick(double dtSeconds) {
        snapshot();
        inputPowerW = powerDraw() * (1 + noise(NOISE_POWER));
        step(dtSeconds);
        publish();
        evaluateFlags();
        protect();
    }

    /**
     * One tick while the firmware is not running (unpowered, ResetL low or another reset, MgmtInit): only the thermal
     * model advances, heated by what the module draws in that state (0 W unpowered, 2 W in reset, 18 W in MgmtInit).
     * The rack's coolant keeps flowing whatever the module's power, so a module that was hot cools towards the
     * coolant by the same lags (and with the same injected flow and inlet faults) as when it runs. Nothing else runs:
     * without firmware nobody writes the monitors, latches flags or takes protective actions, and no noise is drawn
     * (the seeded sequence advances only with the firmware's ticks). The next {@link #tick} publishes the result.
     */
    void tickWithoutFirmware(double dtSeconds) {
        // The data paths are down without firmware: no lane draws power or heats its card.
        Arrays.fill(dpState, DEACTIVATED);
        Arrays.fill(lit, false);
        inputPowerW = module.powered() ? powerDraw() : 0;
        step(dtSeconds);
    }

    private void snapshot() {
        byte[] telemetry = mem.pageArray(XpoPages.TELEMETRY, 0);
        if (telemetry != b0) {
            b0 = telemetry;
            b1 = mem.pageArray(XpoPages.THRESHOLDS, 0);
            p02 = mem.pageArray(0x02, 0);
            for (int b = 0; b < BANKS; b++) {
                status[b] = mem.pageArray(0x11, b);
                control[b] = mem.pageArray(0x10, b);
            }
        }
        for (int lane = 0; lane < LANES; lane++) {
            byte[] s = status[lane / PER_BANK];
            dpState[lane] = (int) Fields.DP_STATE.get(s, lane % PER_BANK);
            lit[lane] = Fields.OUTPUT_STATUS_TX.get(s, lane % PER_BANK) == 1;
        }
        leakage = Math.max(LEAKAGE_MIN, 1 + LEAKAGE_PER_K * ((hot[0] + hot[1]) / 2 - LEAKAGE_REF_C));
    }

    /** Lane index 0–63: its data path is powered (DPInitialized, DPActivated or turning Tx on/off). */
    private boolean powered(int lane) {
        int s = dpState[lane];
        return s == ACTIVATED || s == INITIALIZED || s == TX_TURN_ON || s == TX_TURN_OFF;
    }

    /**
     * Power drawn now from the module and lane states: management only in LowPwr and Fault; otherwise management +
     * leakage × (DSP base + powered lanes) + lit lasers. PwrUp draws half the DSP base.
     */
    private double powerDraw() {
        ModuleState s = module.state();
        if (s == null || s == ModuleState.RESETTING) return 2;
        if (s == ModuleState.FAULT || s == ModuleState.LOW_PWR || s == ModuleState.MGMT_INIT) return LOW_POWER_W;
        double base = READY_BASE_W - LOW_POWER_W;
        if (s == ModuleState.PWR_UP) base /= 2;
        return LOW_POWER_W + base * leakage + lanePower(0, LANES);
    }

    /** Power of lanes [from, to) (0-based): leakage-scaled electronics of powered lanes plus lit lasers. */
    private double lanePower(int from, int to) {
        double p = 0;
        for (int lane = from; lane < to; lane++) {
            if (powered(lane)) p += LANE_POWERED_W * leakage;
            if (lit[lane]) p += LANE_LIT_W;
        }
        return p;
    }

    private void step(double dt) {
        double flow = NOMINAL_FLOW_LPM * faults.flowFraction();
        double inletTarget = Double.isNaN(faults.inletOverride()) ? NOMINAL_INLET_C : faults.inletOverride();
        inlet += (inletTarget - inlet) * alpha(dt, COOLANT_TAU_S);
        double capacity = Math.max(MIN_HEAT_CAPACITY_W_PER_K, flow / 60 * WATER_J_PER_L_K);
        double p = inputPowerW;
        outlet += (inlet + p / capacity - outlet) * alpha(dt, COOLANT_TAU_S);
        double plateResistance = PLATE_K_PER_W * Math.pow(NOMINAL_FLOW_LPM / Math.max(flow, 0.01), 0.8);
        double plateTarget = inlet + p * (0.5 / capacity + plateResistance);
        plate += (plateTarget - plate) * alpha(dt, THERMAL_TAU_S);
        double lanes = lanePower(0, LANES);
        for (int card = 0; card < 2; card++) {
            // Paddle card A carries banks 0–3 (lanes 1–32), card B banks 4–7; the rest of the power splits evenly.
            double cardPower = (p - lanes) / 2 + lanePower(card * 32, card * 32 + 32);
            hot[card] += (plate + cardPower * HOT_ZONE_K_PER_W - hot[card]) * alpha(dt, THERMAL_TAU_S);
            cold[card] += (plate + cardPower * COLD_ZONE_K_PER_W - cold[card]) * alpha(dt, THERMAL_TAU_S);
        }
    }

    private static double alpha(double dt, double tau) { return 1 - Math.exp(-dt / tau); }

    private double noise(double amplitude) { return random.nextDouble(-amplitude, amplitude); }

    private void publish() {
        double v = inputVoltage();
        double flow = NOMINAL_FLOW_LPM * faults.flowFraction();
        setMonitor(b0, Monitor.INPUT_VOLTAGE, v + noise(NOISE_V));
        setMonitor(b0, Monitor.INPUT_CURRENT, inputPowerW / v);
        setMonitor(b0, Monitor.INPUT_POWER, inputPowerW);
        setMonitor(b0, Monitor.COOLANT_INLET_TEMP, inlet + noise(NOISE_COOLANT_C));
        setMonitor(b0, Monitor.COOLANT_OUTLET_TEMP, outlet + noise(NOISE_COOLANT_C));
        setMonitor(b0, Monitor.COOLANT_FLOW, Math.max(0, flow * (1 + noise(NOISE_FLOW))));
        setMonitor(b0, Monitor.COLD_PLATE_TEMP, plate + noise(NOISE_COOLANT_C));
        setMonitor(b0, Monitor.CARD_A_HOT_ZONE_TEMP, hot[0] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_A_COLD_ZONE_TEMP, cold[0] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_B_HOT_ZONE_TEMP, hot[1] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_B_COLD_ZONE_TEMP, cold[1] + noise(NOISE_ZONE_C));
        Fields.LEAK_DETECTED.set(b0, 0, faults.leak() ? 1 : 0);
        Fields.LEAK_SENSOR_FAULT.set(b0, 0, faults.leakSensorFault() ? 1 : 0);
        double caseTemp = (hot[0] + hot[1] + cold[0] + cold[1]) / 4;
        byte[] lo = mem.lower();
        Fields.TEMP_MON.setValue(lo, 0, caseTemp + noise(NOISE_COOLANT_C));
        Fields.VCC_MON.setValue(lo, 0, 3.30 + noise(NOISE_VCC));
        publishOptics();
    }

    private void publishOptics() {
        int multiplier = (int) mem.get(Fields.TX_BIAS_MULTIPLIER);
        double heat = Math.max(0, (hot[0] + hot[1]) / 2 - 50);
        long now = firmware.now();
        for (int lane = 0; lane < LANES; lane++) {
            byte[] s = status[lane / PER_BANK];
            int i = lane % PER_BANK;
            double txMw = 0, biasMa = 0, rxMw = 0;
            if (lit[lane]) {
                double aging = faults.degradationDb(lane + 1, now);
                txMw = laneTxMw[lane] * Codecs.dbmToMilliwatts(-0.01 * heat - aging + noise(NOISE_OPTICS_DB));
                double agingFactor = aging == 0 ? 1 : Codecs.dbmToMilliwatts(aging / 2);
                biasMa = BIAS_MA * (1 + 0.005 * heat) * agingFactor + noise(NOISE_BIAS_MA);
            }
            if (powered(lane) && !faults.rxLos(lane + 1)) {
                rxMw = laneRxMw[lane] * Codecs.dbmToMilliwatts(noise(NOISE_OPTICS_DB));
            }
            Fields.TX_POWER.setValue(s, i, txMw);
            Fields.TX_BIAS.set(s, i, Codecs.biasRaw(biasMa, multiplier));
            Fields.RX_POWER.setValue(s, i, rxMw);
        }
    }

    private static void setMonitor(byte[] b0, Monitor monitor, double value) {
        MONITOR_VALUE[monitor.ordinal()].setValue(b0, 0, value);
    }

    // ------------------------------------------------------------------ flags

    private void evaluateFlags() {
        boolean changed = false;
        for (Watched w : MODULE_WATCHED) changed |= latchNibble(w);
        if (faults.leak()) changed |= mem.latch(Fields.LEAK_FLAG, 0, 0);
        if (faults.leakSensorFault()) changed |= mem.latch(Fields.LEAK_SENSOR_FAULT_FLAG, 0, 0);
        if (mem.get(Fields.MATING_CYCLES) * 10 >= mem.get(Fields.MATING_CYCLES_RATED) * 9) {
            changed |= mem.latch(Fields.MATING_WARNING_FLAG, 0, 0);
        }
        changed |= laneFlags();
        if (changed) flags.flagsChanged();
    }

    /** The array that holds a module-level field (lower page, 02h, B0h or B1h). */
    private byte[] array(Field f) {
        if (f.lower()) return mem.lower();
        return switch (f.page()) {
            case XpoPages.TELEMETRY -> b0;
            case XpoPages.THRESHOLDS -> b1;
            case 0x02 -> p02;
            default -> mem.region(f, 0);
        };
    }

    /** Latches the HA/LA/HW/LW bits (bit0..bit3 of the nibble) of a monitor whose value crosses its thresholds. */
    private boolean latchNibble(Watched w) {
        double v = w.value().value(array(w.value()), 0);
        int bits = 0;
        for (int k = 0; k < 4; k++) {
            Field t = w.thresholds()[k];
            double limit = t.value(array(t), 0);
            boolean high = k % 2 == 0;
            if (high ? v > limit : v < limit) bits |= 1 << k;
        }
        if (bits == 0) return false;
        byte[] flagRegion = array(w.flags());
        long before = w.flags().get(flagRegion, 0);
        w.flags().set(flagRegion, 0, before | bits);
        return (before | bits) != before;
    }

    private boolean laneFlags() {
        boolean changed = false;
        for (int lane = 0; lane < LANES; lane++) {
            if (!powered(lane)) continue;
            int bank = lane / PER_BANK, i = lane % PER_BANK;
            byte[] s = status[bank];
            if (faults.laserFailed(lane + 1)) changed |= latch(s, Fields.FAILURE_FLAG_TX, i);
            if (faults.rxLos(lane + 1)) changed |= latch(s, Fields.LOS_FLAG_RX, i);
            if (faults.cdrLol(lane + 1, true)) changed |= latch(s, Fields.CDR_LOL_FLAG_RX, i);
            if (faults.cdrLol(lane + 1, false)) changed |= latch(s, Fields.CDR_LOL_FLAG_TX, i);
            // Tx thresholds apply where light is expected: data path active and the lane's output enabled.
            boolean txEnabled = Fields.OUTPUT_DISABLE_TX.get(control[bank], i) == 0;
            if (txEnabled && dpState[lane] == ACTIVATED) {
                changed |= laneThresholds(s, p02, i, TX_POWER);
                changed |= laneThresholds(s, p02, i, TX_BIAS);
            }
            changed |= laneThresholds(s, p02, i, RX_POWER);
        }
        return changed;
    }

    private static boolean latch(byte[] page, Field flag, int i) {
        if (flag.get(page, i) == 1) return false;
        flag.set(page, i, 1);
        return true;
    }

    private static boolean laneThresholds(byte[] status, byte[] p02, int i, LaneWatched w) {
        long raw = w.value().get(status, i);
        boolean changed = false;
        for (int k = 0; k < 4; k++) {
            long limit = w.thresholds()[k].get(p02, 0);
            boolean high = k % 2 == 0;
            if (high ? raw > limit : raw < limit) changed |= latch(status, w.flags()[k], i);
        }
        return changed;
    }

    // ------------------------------------------------------------------ protective actions

    private void protect() {
        ModuleState s = module.state();
        if (s == ModuleState.FAULT || s == ModuleState.RESETTING || s == ModuleState.MGMT_INIT) return;
        if (hot[0] > SHUTDOWN_C || hot[1] > SHUTDOWN_C) fault.enterFault(FaultCause.OVER_TEMPERATURE);
        else if (faults.leak()) fault.enterFault(FaultCause.COOLANT_LEAK);
        else if (inputVoltage() > OVER_VOLTAGE_V) {
            mem.latch(Fields.POWER_GOOD_LOST_FLAG, 0, 0);
            fault.enterFault(FaultCause.INPUT_OVER_VOLTAGE);
        }
    }

    /** The temperature of a paddle card's hot zone (0 = A, 1 = B), for tests and the control API. */
    double hotZone(int card) { return hot[card]; }
}
