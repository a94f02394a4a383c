package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The power, thermal and optics model as a host sees it on the bus: quiet at nominal conditions, power that follows
 * the module and lane states, temperatures that follow flow and inlet temperature by the documented equations
 * (docs/emulator.md), first-order lags, and bounded, seeded noise.
 */
class PhysicsTest extends ModuleFixture {
    static final double WATER_J_PER_L_K = 4186, NOMINAL_FLOW = 0.5;

    double monitor(Monitor m) { return value(m.value()); }

    double value(Field f) { return host.value(f, 0, 0); }

    /** Mean of a monitor over {@code n} physics ticks (100 ms each). */
    double mean(Monitor m, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            advance(100);
            sum += monitor(m);
        }
        return sum / n;
    }

    void settle() {
        bootToReady();
        advance(60_000);
    }

    // ------------------------------------------------------------------ quiet at nominal

    @Test
    void nominalConditionsLatchNoFlagOnceTheBootFlagsAreRead() {
        bootToReady();
        clearAllFlags();
        events.clear();
        advance(120_000);   // the whole warm-up from 42 °C to thermal equilibrium
        assertTrue(cage.readPin(Pin.INT_L), "IntL stays released");
        assertTrue(events.stream().noneMatch(e -> e instanceof TargetEvent.IntL i && i.asserted()));
        assertEquals(1, host.readByte(3) & 1, "InterruptDeasserted");
        assertArrayEquals(new byte[4], host.read(8, 4), "lower-page flags 8-11");
        assertEquals(0, host.readByte(13), "no bank 4-7 or XPO summary");
        for (int b = 0; b < 8; b++) {
            host.select(0x11, b);
            assertArrayEquals(new byte[20], host.read(134, 20), "lane flags of bank " + b);
        }
        host.select(0xB0, 0);
        assertArrayEquals(new byte[6], host.read(160, 6), "XPO flags");
    }

    @Test
    void thresholdsBracketEveryLiveValue() {
        settle();
        for (Monitor m : Monitor.values()) {
            double v = monitor(m);
            double lw = value(m.thresholds().lowWarning()), hw = value(m.thresholds().highWarning());
            assertTrue(v > lw && v < hw, m + " = " + v + " outside its warnings " + lw + "-" + hw);
        }
        for (ThresholdSet module : List.of(AdminPages.TEMP_MON, AdminPages.VCC_MON)) {
            double v = value(module.monitored());
            assertTrue(v > value(module.lowWarning()) && v < value(module.highWarning()), module.monitor() + " " + v);
        }
        for (ThresholdSet lane : List.of(AdminPages.TX_POWER, AdminPages.TX_BIAS, AdminPages.RX_POWER)) {
            long lw = host.get(lane.lowWarning(), 0, 0), hw = host.get(lane.highWarning(), 0, 0);
            for (int l = 1; l <= Lanes.COUNT; l++) {
                long raw = host.lane(lane.monitored(), l);
                assertTrue(raw > lw && raw < hw,
                    lane.monitor() + " of lane " + l + " = " + raw + " outside " + lw + "-" + hw);
            }
        }
    }

    // ------------------------------------------------------------------ power

    @Test
    void powerFollowsTheModuleAndLaneStates() {
        cage.writePin(Pin.LP_MODE, true);   // held in low power from the start
        advance(2000);
        assertEquals(1, host.moduleState(), "ModuleLowPwr");
        assertEquals(18, mean(Monitor.INPUT_POWER, 5), 0.2, "management only");

        cage.writePin(Pin.LP_MODE, false);
        advance(60_000);
        assertEquals(3, host.moduleState());
        double full = mean(Monitor.INPUT_POWER, 10);
        assertEquals(360, full, 5, "64 lanes transmitting");
        double max = host.value(XpoPages.MAX_POWER_XPO, 0, 0);
        assertEquals(400, max, 1e-9, "advertised maximum on B0h");
        assertTrue(full <= max);
        double v = monitor(Monitor.INPUT_VOLTAGE);
        double p = monitor(Monitor.INPUT_POWER);
        assertEquals(p / v, monitor(Monitor.INPUT_CURRENT), 0.01, "I = P/V");
        assertEquals(50 - 0.02 * p / 50, v, 0.025, "50 V less the feed drop");

        // Tx off on bank 0: eight lasers dark (DPInitialized), the DSP lanes stay powered.
        host.select(0x10, 0);
        host.write(130, 0xFF);
        advance(100);
        double txOff = mean(Monitor.INPUT_POWER, 5);
        assertEquals(8 * 1.5, full - txOff, 1.5, "a lit laser draws 1.5 W");
        // Deinit bank 0 too: the lanes' electronics power down.
        host.select(0x10, 0);
        host.write(128, 0xFF);
        advance(100);
        double deinit = mean(Monitor.INPUT_POWER, 5);
        assertEquals(8 * 3.2, txOff - deinit, 1.5, "a powered lane draws 3.2 W");
    }

    @Test
    void anUnpoweredModuleDrawsNothing() {
        settle();
        assertTrue(module.inputPowerW() > 300);
        cage.writePin(Pin.POWER_ENABLE, false);
        assertEquals(0, module.inputPowerW(), 1e-9);
        assertEquals(50, module.inputVoltage(), 1e-9, "no load, no feed drop");
    }

    // ------------------------------------------------------------------ temperatures

    /** Checks the documented steady-state equations against what the bus reports (all lanes on: cards symmetric). */
    void assertSteadyState(double flow, String when) {
        double p = mean(Monitor.INPUT_POWER, 10);
        double inlet = monitor(Monitor.COOLANT_INLET_TEMP);
        double c = flow / 60 * WATER_J_PER_L_K;
        double plate = inlet + p * (0.5 / c + 0.015 * Math.pow(NOMINAL_FLOW / flow, 0.8));
        assertEquals(inlet + p / c, monitor(Monitor.COOLANT_OUTLET_TEMP), 0.3, when + ": outlet = inlet + P/C");
        assertEquals(plate, monitor(Monitor.COLD_PLATE_TEMP), 0.3, when + ": plate");
        double hotA = monitor(Monitor.CARD_A_HOT_ZONE_TEMP), hotB = monitor(Monitor.CARD_B_HOT_ZONE_TEMP);
        double coldA = monitor(Monitor.CARD_A_COLD_ZONE_TEMP), coldB = monitor(Monitor.CARD_B_COLD_ZONE_TEMP);
        assertEquals(plate + p / 2 * 0.08, hotA, 0.5, when + ": hot zone A");
        assertEquals(plate + p / 2 * 0.08, hotB, 0.5, when + ": hot zone B");
        assertEquals(plate + p / 2 * 0.03, coldA, 0.5, when + ": cold zone A");
        assertEquals(plate + p / 2 * 0.03, coldB, 0.5, when + ": cold zone B");
        assertEquals((hotA + hotB + coldA + coldB) / 4, host.value(LowerPage.TEMP_MON_VALUE), 0.3,
            when + ": module temperature = mean of the four zones");
    }

    @Test
    void temperaturesFollowFlowAndInletTemperatureAsDocumented() {
        settle();
        assertSteadyState(NOMINAL_FLOW, "nominal");
        double nominalOutlet = monitor(Monitor.COOLANT_OUTLET_TEMP);
        assertEquals(52.3, nominalOutlet, 0.5, "about 10 K rise at 360 W and 0.5 L/min, from the 42 °C inlet");

        module.inject(new Fault.CoolantFlow(0.7));
        module.inject(new Fault.InletTemperature(47));
        advance(90_000);
        assertEquals(47, monitor(Monitor.COOLANT_INLET_TEMP), 0.1);
        assertEquals(0.35, monitor(Monitor.COOLANT_FLOW), 0.005);
        assertSteadyState(0.7 * NOMINAL_FLOW, "0.35 L/min, 47 °C inlet");
        assertTrue(monitor(Monitor.COOLANT_OUTLET_TEMP) > nominalOutlet + 8, "warmer inlet and less flow");
    }

    @Test
    void moreFlowThanNominalCoolsTheModule() {
        settle();
        double outlet = monitor(Monitor.COOLANT_OUTLET_TEMP), hot = monitor(Monitor.CARD_A_HOT_ZONE_TEMP);
        module.inject(new Fault.CoolantFlow(1.4));
        advance(60_000);
        assertEquals(0.7, monitor(Monitor.COOLANT_FLOW), 0.01);
        assertSteadyState(1.4 * NOMINAL_FLOW, "0.7 L/min");
        assertTrue(monitor(Monitor.COOLANT_OUTLET_TEMP) < outlet - 2, "a smaller coolant rise");
        assertTrue(monitor(Monitor.CARD_A_HOT_ZONE_TEMP) < hot - 1, "a cooler paddle card");
    }

    @Test
    void temperaturesMoveWithFirstOrderLags() {
        settle();
        assertEquals(42, monitor(Monitor.COOLANT_INLET_TEMP), 0.06, "the XPO operating point");
        double plateBefore = monitor(Monitor.COLD_PLATE_TEMP);
        module.inject(new Fault.InletTemperature(52));
        advance(1000);
        assertEquals(42 + 10 * (1 - Math.exp(-1)), monitor(Monitor.COOLANT_INLET_TEMP), 0.1,
            "coolant time constant 1 s: 63 % of the step after 1 s");
        double plateAt1s = monitor(Monitor.COLD_PLATE_TEMP);
        assertTrue(plateAt1s - plateBefore < 2, "the cold plate (4 s) lags the coolant: " + plateAt1s);
        advance(2000);
        assertEquals(42 + 10 * (1 - Math.exp(-3)), monitor(Monitor.COOLANT_INLET_TEMP), 0.1, "95 % after 3 s");
        advance(30_000);
        assertTrue(monitor(Monitor.COLD_PLATE_TEMP) > plateBefore + 10, "the plate follows within seconds");
    }

    @Test
    void eachPaddleCardHeatsWithItsOwnLanes() {
        settle();
        for (int b = 4; b < 8; b++) {   // deinit banks 4-7: card B
            host.select(0x10, b);
            host.write(128, 0xFF);
        }
        advance(60_000);
        double hotA = monitor(Monitor.CARD_A_HOT_ZONE_TEMP), hotB = monitor(Monitor.CARD_B_HOT_ZONE_TEMP);
        double laneA = 3.2 + 1.5;   // per lane of card A, near the leakage reference temperature
        assertEquals(32 * laneA * 0.08, hotA - hotB, 1.5, "card A carries 32 lit lanes more");
        assertEquals(4, host.lane(LaneStatusPage.DP_STATE, 1) & 0xF);
        assertEquals(1, host.lane(LaneStatusPage.DP_STATE, 64) & 0xF);
    }

    // ------------------------------------------------------------------ cooling without firmware

    /**
     * The most the module temperature can exceed the inlet {@code seconds} after the firmware stopped, by the model:
     * the plate and the zones are first-order lags with τ = {@link Physics#THERMAL_TAU_S}, the zones following the
     * plate, so without heat the mean zone excess E₀ and the plate excess Ep₀ decay as e^(−t/τ)·(E₀ + Ep₀·t/τ) (less
     * as time goes on, for Ep₀ ≤ E₀); a heat input of at most {@code maxHeatW} (lanes dark, split evenly between the
     * cards) adds at most its steady-state rise at {@code flowLpm}; plus the monitors' noise.
     */
    static double excessBound(double zoneExcess, double plateExcess, double seconds, double maxHeatW, double flowLpm) {
        double x = seconds / Physics.THERMAL_TAU_S;
        double residual = Math.exp(-x) * (zoneExcess + plateExcess * x);
        double capacity = Math.max(Physics.MIN_HEAT_CAPACITY_W_PER_K, flowLpm / 60 * Physics.WATER_J_PER_L_K);
        double plateRise = maxHeatW * (0.5 / capacity
            + Physics.PLATE_K_PER_W * Math.pow(Physics.NOMINAL_FLOW_LPM / flowLpm, 0.8));
        double zoneRise = maxHeatW / 2 * (Physics.HOT_ZONE_K_PER_W + Physics.COLD_ZONE_K_PER_W) / 2;
        return residual + plateRise + zoneRise + 2 * Physics.NOISE_COOLANT_C;
    }

    /** Every latched (clear-on-read) flag of every bank, as the firmware holds them: 0 if none is set. */
    long latchedFlags() {
        MemoryMap map = MemoryMap.xpo();
        long any = 0;
        for (Field f : map.fields()) {
            if (f.access() != Access.COR) continue;
            int banks = f.lower() ? 1 : Math.max(1, map.page(f.page()).orElseThrow().banks());
            for (int b = 0; b < banks; b++) for (int i = 0; i < f.count(); i++) any |= module.peek(f, b, i);
        }
        return any;
    }

    /** Holds the module without firmware for {@code ms}, checking every second that nothing latches or draws power. */
    void holdWithoutFirmware(long ms, double maxPowerW, String how) {
        for (long t = 0; t < ms; t += 1000) {
            advance(1000);
            assertFalse(module.responsive(), how + ": no firmware at " + t + " ms");
            assertEquals(0, latchedFlags(), how + ": no flag latches at " + t + " ms");
            assertTrue(cage.readPin(Pin.INT_L), how + ": IntL released at " + t + " ms");
            assertTrue(module.inputPowerW() <= maxPowerW, how + ": draws " + module.inputPowerW() + " W");
        }
        assertTrue(events.stream().noneMatch(e -> e instanceof TargetEvent.IntL i && i.asserted()), how + ": no IntL");
    }

    /** The temperatures a cool-down starts from: the coolant inlet, the cold plate and the module's own. */
    record Hot(double inlet, double plate, double module) {}

    /** The temperatures of a module that must be more than {@code kelvin} above its coolant. */
    Hot hotterThanTheCoolantBy(double kelvin, String why) {
        Hot hot = new Hot(monitor(Monitor.COOLANT_INLET_TEMP), monitor(Monitor.COLD_PLATE_TEMP),
            host.value(LowerPage.TEMP_MON_VALUE));
        assertTrue(hot.module() > hot.inlet() + kelvin, why + ": " + hot.module() + " °C");
        return hot;
    }

    /** {@code back} is within the model's bound of the inlet after {@code holdMs} without firmware, and clearly cooler. */
    void assertCooledDown(Hot before, double back, long holdMs, double flow, String how) {
        double inlet = before.inlet();
        double bound = excessBound(before.module() - inlet, before.plate() - inlet, holdMs / 1000.0, Physics.LOW_POWER_W,
            flow);
        assertTrue(back < inlet + bound, "cooled to the coolant " + how + ": " + back + " °C, inlet " + inlet
            + " °C, bound +" + bound + " K (before: " + before.module() + " °C)");
        assertTrue(back < before.module() - 0.9 * (before.module() - inlet),
            "clearly cooler than before: " + before.module() + " -> " + back);
    }

    /** The module temperature of the firmware's first monitor update after MgmtInit (the reset cleared it to 0). */
    double firstModuleTemperatureAfterMgmtInit() {
        millisUntil(module::responsive, 2000, "MgmtInit done");
        millisUntil(() -> host.value(LowerPage.TEMP_MON_VALUE) != 0, 1000, "first monitor update");
        return host.value(LowerPage.TEMP_MON_VALUE);
    }

    @Test
    void aHotModulePoweredOffCoolsTowardsTheCoolantAndComesBackCool() {
        settle();
        double flow = 0.4 * NOMINAL_FLOW;   // the least flow the module survives from 42 °C water (0.3 shuts it down)
        module.inject(new Fault.CoolantFlow(0.4));
        advance(60_000);
        Hot before = hotterThanTheCoolantBy(35, "hot at 40 % flow");

        events.clear();
        cage.writePin(Pin.POWER_ENABLE, false);
        cage.writePin(Pin.LP_MODE, true);   // it comes back in LowPwr: management power only
        long holdMs = 30_000;
        holdWithoutFirmware(holdMs, 0, "unpowered");
        assertEquals(0, module.inputPowerW(), 1e-9, "an unpowered module draws nothing");
        cage.writePin(Pin.POWER_ENABLE, true);
        double back = firstModuleTemperatureAfterMgmtInit();

        assertEquals(1, host.moduleState(), "ModuleLowPwr");
        assertCooledDown(before, back, holdMs, flow, "while unpowered");
    }

    @Test
    void aModuleHeldInResetAfterAnOverTemperatureShutdownCoolsTowardsTheCoolant() {
        settle();
        double flow = 0.2 * NOMINAL_FLOW;
        module.inject(new Fault.CoolantFlow(0.2));
        for (int k = 0; k < 120 && host.moduleState() != 5; k++) advance(500);
        assertEquals(5, host.moduleState(), "ModuleFault");
        assertEquals(32, host.get(LowerPage.MODULE_FAULT_CAUSE), "over-temperature");
        Hot before = hotterThanTheCoolantBy(40, "hot at the shutdown");

        events.clear();
        cage.writePin(Pin.RESET_L, false);
        cage.writePin(Pin.LP_MODE, true);   // it comes back in LowPwr: management power only
        assertEquals(ModuleState.RESETTING, module.moduleState());
        long holdMs = 30_000;
        holdWithoutFirmware(holdMs, Physics.LOW_POWER_W, "in reset");
        cage.writePin(Pin.RESET_L, true);
        double back = firstModuleTemperatureAfterMgmtInit();

        assertEquals(1, host.moduleState(), "ModuleLowPwr: the reset ended the shutdown");
        assertCooledDown(before, back, holdMs, flow, "in reset, with the flow fault still on");
    }

    // ------------------------------------------------------------------ noise

    /** The telemetry bytes a host would poll: B0h monitors and bank 0 lane monitors. */
    static byte[] snapshot(TestHost h) {
        h.select(0xB0, 0);
        byte[] b0 = h.read(128, 22);
        h.select(0x11, 0);
        byte[] lanes = h.read(154, 48);
        byte[] out = Arrays.copyOf(b0, 70);
        System.arraycopy(lanes, 0, out, 22, 48);
        return out;
    }

    @Test
    void noiseIsSeededSameSeedSameReadingsOtherSeedOthers() {
        stop();
        chassis = new EmulatedChassis(3, clock, i -> ModuleConfig.builder().seed(i == 3 ? 2 : 1).build());
        Cage c1 = chassis.cage(1), c2 = chassis.cage(2), c3 = chassis.cage(3);
        TestHost h1 = new TestHost(c1), h2 = new TestHost(c2), h3 = new TestHost(c3);
        advance(5000);
        int differ = 0;
        for (int k = 0; k < 10; k++) {
            advance(700);
            byte[] a = snapshot(h1), b = snapshot(h2), c = snapshot(h3);
            assertArrayEquals(a, b, "same seed, same readings at " + k);
            if (!Arrays.equals(a, c)) differ++;
        }
        assertEquals(10, differ, "another seed gives other readings every time");
    }

    @Test
    void noiseIsBounded() {
        settle();
        double vMin = 1e9, vMax = -1e9;
        for (int k = 0; k < 50; k++) {
            advance(100);
            double v = monitor(Monitor.INPUT_VOLTAGE);
            vMin = Math.min(vMin, v);
            vMax = Math.max(vMax, v);
            double flow = monitor(Monitor.COOLANT_FLOW);
            assertTrue(flow >= 0.494 && flow <= 0.506, "flow within ±1 %: " + flow);
            double inlet = monitor(Monitor.COOLANT_INLET_TEMP);
            assertEquals(42, inlet, 0.06, "inlet within ±0.05 °C");
        }
        assertTrue(vMax - vMin <= 0.045, "voltage noise ±20 mV: " + vMin + "-" + vMax);
        assertTrue(vMax - vMin > 0.005, "but there is noise");
        for (int lane = 1; lane <= 64; lane++) {
            double tx = host.value(LaneStatusPage.OPTICAL_POWER_TX, (lane - 1) / 8, (lane - 1) % 8);
            double rx = host.value(LaneStatusPage.OPTICAL_POWER_RX, (lane - 1) / 8, (lane - 1) % 8);
            assertTrue(tx > 1.8 * Math.pow(10, -0.035) * 0.97 && tx < 1.8 * Math.pow(10, 0.033), "Tx " + lane + ": " + tx);
            assertTrue(rx > 1.4 * Math.pow(10, -0.053) && rx < 1.4 * Math.pow(10, 0.053), "Rx " + lane + ": " + rx);
        }
    }

}
