package org.openxpo.emulator.module;

import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

import java.util.Arrays;
import java.util.SplittableRandom;

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
    static final double LEAKAGE_PER_K = 0.005, LEAKAGE_REF_C = 67.0, LEAKAGE_MIN = 0.8;
    /** The XPO operating point: facility water of 40–45 °C (42 °C nominal) at 0.5 L/min. */
    static final double NOMINAL_FLOW_LPM = 0.5, NOMINAL_INLET_C = 42.0;
    /** The lasers lose power and need more bias above this hot-zone temperature (5 °C below the nominal one). */
    static final double OPTICS_HEAT_REF_C = LEAKAGE_REF_C - 5;
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
    private static final int BANKS = Lanes.BANKS, LANES = Lanes.COUNT;
    private static final ThresholdKind[] KINDS = ThresholdKind.values();
    private static final int ACTIVATED = DataPathState.ACTIVATED.code(), INITIALIZED = DataPathState.INITIALIZED.code(),
        DEACTIVATED = DataPathState.DEACTIVATED.code(),
        TX_TURN_ON = DataPathState.TX_TURN_ON.code(), TX_TURN_OFF = DataPathState.TX_TURN_OFF.code();

    /** A module monitor: its value, its 4-bit latched flags (a bit per {@link ThresholdKind#flagBit()}), thresholds. */
    private record Watched(Field value, Field flags, ThresholdSet thresholds) {
        static Watched of(Field value, Field flags) { return new Watched(value, flags, thresholdsOf(value)); }
    }

    /** A lane monitor: its value, and its thresholds with the per-lane latched flag of each kind ({@link ThresholdSet#flag}). */
    private record LaneWatched(Field value, ThresholdSet thresholds) {
        static LaneWatched of(Field value) { return new LaneWatched(value, thresholdsOf(value)); }

        Field flag(ThresholdKind kind) {
            return thresholds.flag(kind).orElseThrow(() -> new IllegalStateException(value.name() + " has no lane flags"));
        }
    }

    private static ThresholdSet thresholdsOf(Field value) {
        return MAP.thresholdsOf(value)
            .orElseThrow(() -> new IllegalStateException(value.name() + " has no thresholds"));
    }

    private static final Watched[] MODULE_WATCHED = new Watched[Monitor.values().length + 2];
    static {
        MODULE_WATCHED[0] = Watched.of(LowerPage.TEMP_MON_VALUE, LowerPage.TEMP_FLAGS);
        MODULE_WATCHED[1] = Watched.of(LowerPage.VCC_MON_VOLTAGE, LowerPage.VCC_FLAGS);
        for (Monitor monitor : Monitor.values()) {
            MODULE_WATCHED[monitor.ordinal() + 2] = Watched.of(monitor.value(), monitor.flags());
        }
    }
    private static final LaneWatched TX_POWER = LaneWatched.of(LaneStatusPage.OPTICAL_POWER_TX);
    private static final LaneWatched TX_BIAS = LaneWatched.of(LaneStatusPage.LASER_BIAS_TX);
    private static final LaneWatched RX_POWER = LaneWatched.of(LaneStatusPage.OPTICAL_POWER_RX);

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final Faults faults;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.FlagWatch flags;
    private final FirmwareContext.FaultEntry fault;
    private final SplittableRandom random;
    private final LinkQualityModel links;
    /** Where each lane's media input comes from: the far end, or the lane's own Tx in a media-side loopback. */
    private MediaInputRoute mediaInputs = MediaInputRoute.FAR_END;
    /** Each lane's light at nominal temperature: TX_MW / RX_MW shifted by a seeded offset (±0.3 / ±0.5 dB). */
    private final double[] laneTxMw = new double[LANES];
    private final double[] laneRxMw = new double[LANES];

    private double inlet = NOMINAL_INLET_C, outlet = NOMINAL_INLET_C, plate = NOMINAL_INLET_C;
    /** Hot- and cold-zone temperature of each paddle card, indexed by {@link Lanes#CARD_A} / {@link Lanes#CARD_B}. */
    private final double[] hot = new double[Lanes.CARDS], cold = new double[Lanes.CARDS];
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
        Arrays.fill(hot, NOMINAL_INLET_C);
        Arrays.fill(cold, NOMINAL_INLET_C);
        this.random = new SplittableRandom(firmware.config().seed());
        this.links = new LinkQualityModel(firmware.config().seed(), faults);
        for (int i = 0; i < LANES; i++) {
            laneTxMw[i] = TX_MW * Codecs.dbmToMilliwatts(random.nextDouble(-0.3, 0.3));
            laneRxMw[i] = RX_MW * Codecs.dbmToMilliwatts(random.nextDouble(-0.5, 0.5));
        }
    }

    /** The link quality of the lanes, measured on every tick (what {@link Vdm} publishes). */
    LinkQualityModel links() { return links; }

    /** Routes the lanes' media inputs (a part that loops signals back sets this; the far end by default). */
    void routeMediaInputs(MediaInputRoute route) { mediaInputs = route == null ? MediaInputRoute.FAR_END : route; }

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
        byte[] telemetry = mem.pageArray(Pages.XPO_TELEMETRY, 0);
        if (telemetry != b0) {
            b0 = telemetry;
            b1 = mem.pageArray(Pages.XPO_THRESHOLDS, 0);
            p02 = mem.pageArray(Pages.THRESHOLDS, 0);
            for (int b = 0; b < BANKS; b++) {
                status[b] = mem.pageArray(Pages.LANE_STATUS, b);
                control[b] = mem.pageArray(Pages.LANE_CONTROL, b);
            }
        }
        for (int lane = 0; lane < LANES; lane++) {
            byte[] s = status[Lanes.bankOf(lane + 1)];
            int i = Lanes.indexInBank(lane + 1);
            dpState[lane] = (int) LaneStatusPage.DP_STATE.get(s, i);
            lit[lane] = LaneStatusPage.OUTPUT_STATUS_TX.get(s, i) == 1;
        }
        leakage = Math.max(LEAKAGE_MIN, 1 + LEAKAGE_PER_K * (mean(hot) - LEAKAGE_REF_C));
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
        for (int card = 0; card < Lanes.CARDS; card++) {
            // Each paddle card carries its lanes (A: banks 0–3, B: banks 4–7); the rest of the power splits evenly.
            int first = Lanes.firstLaneOfCard(card) - 1;
            double cardPower = (p - lanes) / Lanes.CARDS + lanePower(first, first + Lanes.LANES_PER_CARD);
            hot[card] += (plate + cardPower * HOT_ZONE_K_PER_W - hot[card]) * alpha(dt, THERMAL_TAU_S);
            cold[card] += (plate + cardPower * COLD_ZONE_K_PER_W - cold[card]) * alpha(dt, THERMAL_TAU_S);
        }
    }

    private static double alpha(double dt, double tau) { return 1 - Math.exp(-dt / tau); }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum;
    }

    /** The mean over the paddle cards of a per-card temperature. */
    private static double mean(double[] perCard) { return sum(perCard) / perCard.length; }

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
        setMonitor(b0, Monitor.CARD_A_HOT_ZONE_TEMP, hot[Lanes.CARD_A] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_A_COLD_ZONE_TEMP, cold[Lanes.CARD_A] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_B_HOT_ZONE_TEMP, hot[Lanes.CARD_B] + noise(NOISE_ZONE_C));
        setMonitor(b0, Monitor.CARD_B_COLD_ZONE_TEMP, cold[Lanes.CARD_B] + noise(NOISE_ZONE_C));
        XpoPages.LEAK_DETECTED.set(b0, 0, faults.leak() ? 1 : 0);
        XpoPages.LEAK_SENSOR_FAULT.set(b0, 0, faults.leakSensorFault() ? 1 : 0);
        double caseTemp = (sum(hot) + sum(cold)) / (hot.length + cold.length);
        byte[] lo = mem.lower();
        LowerPage.TEMP_MON_VALUE.setValue(lo, 0, caseTemp + noise(NOISE_COOLANT_C));
        LowerPage.VCC_MON_VOLTAGE.setValue(lo, 0, 3.30 + noise(NOISE_VCC));
        publishOptics();
    }

    private void publishOptics() {
        int multiplier = (int) mem.get(AdminPages.TX_BIAS_MULTIPLIER);
        double heat = Math.max(0, mean(hot) - OPTICS_HEAT_REF_C);
        long now = firmware.now();
        boolean sample = links.startTick(now);
        for (int lane = 0; lane < LANES; lane++) {
            byte[] s = status[Lanes.bankOf(lane + 1)];
            int i = Lanes.indexInBank(lane + 1);
            double txMw = 0, biasMa = 0, rxMw = 0;
            if (lit[lane]) {
                double aging = faults.degradationDb(lane + 1, now);
                txMw = laneTxMw[lane] * Codecs.dbmToMilliwatts(-0.01 * heat - aging + noise(NOISE_OPTICS_DB));
                double agingFactor = aging == 0 ? 1 : Codecs.dbmToMilliwatts(aging / 2);
                biasMa = BIAS_MA * (1 + 0.005 * heat) * agingFactor + noise(NOISE_BIAS_MA);
            }
            if (mediaInputs.ownTx(lane + 1)) {
                rxMw = powered(lane) ? txMw : 0;   // looped back inside the module: the lane receives its own light
            } else if (powered(lane) && !faults.rxLos(lane + 1)) {
                rxMw = laneRxMw[lane] * Codecs.dbmToMilliwatts(noise(NOISE_OPTICS_DB));
            }
            if (sample) links.measure(lane, dpState[lane] == ACTIVATED, rxMw, txMw > 0, hot[Lanes.cardOf(lane + 1)], now);
            LaneStatusPage.OPTICAL_POWER_TX.setValue(s, i, txMw);
            LaneStatusPage.LASER_BIAS_TX.set(s, i, Codecs.biasRaw(biasMa, multiplier));
            LaneStatusPage.OPTICAL_POWER_RX.setValue(s, i, rxMw);
        }
    }

    private static void setMonitor(byte[] b0, Monitor monitor, double value) {
        monitor.value().setValue(b0, 0, value);
    }

    // ------------------------------------------------------------------ flags

    private void evaluateFlags() {
        boolean changed = false;
        for (Watched w : MODULE_WATCHED) changed |= latchNibble(w);
        if (faults.leak()) changed |= mem.latch(XpoPages.LEAK_FLAG, 0, 0);
        if (faults.leakSensorFault()) changed |= mem.latch(XpoPages.LEAK_SENSOR_FAULT_FLAG, 0, 0);
        if (mem.get(XpoPages.MATING_CYCLES) * 10 >= mem.get(XpoPages.MATING_CYCLES_RATED) * 9) {
            changed |= mem.latch(XpoPages.MATING_CYCLES_WARNING_FLAG, 0, 0);
        }
        changed |= laneFlags();
        if (changed) flags.flagsChanged();
    }

    /** The array that holds a module-level field (lower page, 02h, B0h or B1h). */
    private byte[] array(Field f) {
        if (f.lower()) return mem.lower();
        return switch (f.page()) {
            case Pages.XPO_TELEMETRY -> b0;
            case Pages.XPO_THRESHOLDS -> b1;
            case Pages.THRESHOLDS -> p02;
            default -> mem.region(f, 0);
        };
    }

    /** Latches the flag bit of every threshold kind a monitor's value crosses. */
    private boolean latchNibble(Watched w) {
        double v = w.value().value(array(w.value()), 0);
        int bits = 0;
        for (ThresholdKind kind : KINDS) {
            Field t = w.thresholds().get(kind);
            if (kind.isCrossedBy(v, t.value(array(t), 0))) bits |= 1 << kind.flagBit();
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
            int bank = Lanes.bankOf(lane + 1), i = Lanes.indexInBank(lane + 1);
            byte[] s = status[bank];
            if (faults.laserFailed(lane + 1)) changed |= latch(s, LaneStatusPage.FAILURE_FLAG_TX, i);
            if (faults.rxLos(lane + 1)) changed |= latch(s, LaneStatusPage.LOS_FLAG_RX, i);
            if (faults.cdrLol(lane + 1, true)) changed |= latch(s, LaneStatusPage.CDR_LOL_FLAG_RX, i);
            if (faults.cdrLol(lane + 1, false)) changed |= latch(s, LaneStatusPage.CDR_LOL_FLAG_TX, i);
            // Tx thresholds apply where light is expected: data path active and the lane's output enabled.
            boolean txEnabled = LaneControlPage.OUTPUT_DISABLE_TX.get(control[bank], i) == 0;
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
        for (ThresholdKind kind : KINDS) {
            long limit = w.thresholds().get(kind).get(p02, 0);
            if (kind.isCrossedBy(raw, limit)) changed |= latch(status, w.flag(kind), i);
        }
        return changed;
    }

    // ------------------------------------------------------------------ protective actions

    private void protect() {
        ModuleState s = module.state();
        if (s == ModuleState.FAULT || s == ModuleState.RESETTING || s == ModuleState.MGMT_INIT) return;
        if (Arrays.stream(hot).max().orElseThrow() > SHUTDOWN_C) fault.enterFault(FaultCause.OVER_TEMPERATURE);
        else if (faults.leak()) fault.enterFault(FaultCause.COOLANT_LEAK);
        else if (inputVoltage() > OVER_VOLTAGE_V) {
            mem.latch(XpoPages.POWER_GOOD_LOST_FLAG, 0, 0);
            fault.enterFault(FaultCause.INPUT_OVER_VOLTAGE);
        }
    }

    /** The hot-zone temperature of paddle card {@code card} ({@link Lanes#CARD_A} or B), for tests and the API. */
    double hotZone(int card) { return hot[card]; }
}
