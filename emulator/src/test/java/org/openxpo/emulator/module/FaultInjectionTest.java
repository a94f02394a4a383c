package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.map.XpoPages.Monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every fault of the injection API, from injection to what a host reads on the bus, the pins and the pushed events,
 * and the recovery after the fault is cleared (or, for latched shutdowns, after a reset).
 */
class FaultInjectionTest extends ModuleFixture {
    /** Bits of a CMIS/XPO flag nibble. */
    static final int HA = 1, LA = 2, HW = 4, LW = 8;
    static final int LOW_PWR = 1, READY = 3, FAULT = 5;

    // ------------------------------------------------------------------ helpers (bus, pins, events only)

    boolean intLAsserted() { return !cage.readPin(Pin.INT_L); }

    int laneFlag(Field field, int lane) { return (int) host.lane(field, lane); }

    int xpoFlags(Monitor m) { return (int) host.get(m.flags()); }

    double monitor(Monitor m) { return host.value(m.value()); }

    /** Data-path state codes of all 64 lanes (index 0 = lane 1). */
    int[] dpStates() {
        int[] out = new int[64];
        for (int b = 0; b < 8; b++) {
            host.select(0x11, b);
            byte[] r = host.read(128, 4);
            for (int i = 0; i < 8; i++) out[8 * b + i] = (r[i / 2] >> (4 * (i % 2))) & 0xF;
        }
        host.select(0, 0);
        return out;
    }

    /** OutputStatusTx of all 8 banks as one byte each. */
    int[] outputStatusTx() {
        int[] out = new int[8];
        for (int b = 0; b < 8; b++) {
            host.select(0x11, b);
            out[b] = host.readByte(133);
        }
        host.select(0, 0);
        return out;
    }

    List<TargetEvent> eventsOf(Class<? extends TargetEvent> type) {
        return events.stream().filter(type::isInstance).toList();
    }

    boolean intLEventAsserted() {
        return events.stream().anyMatch(e -> e instanceof TargetEvent.IntL i && i.asserted());
    }

    /** Boots, lets the temperatures settle and clears every latched flag: IntL is released. */
    void steadyAndQuiet() {
        bootToReady();
        advance(60_000);
        clearAllFlags();
        events.clear();
        assertFalse(intLAsserted(), "nothing pending at nominal conditions");
    }

    void assertAllLanesDeactivated() {
        int[] s = dpStates();
        for (int lane = 1; lane <= 64; lane++) assertEquals(1, s[lane - 1], "lane " + lane + " DPDeactivated");
        assertArrayEquals(new int[8], outputStatusTx(), "every Tx output off");
    }

    void softwareReset() {
        assertTrue(host.write(26, 0x08).ok());
        advance(2000);
    }

    // ------------------------------------------------------------------ lane faults

    @Test
    void laserFailureInBank5ReachesTheHostAndClearsWhenRemoved() {
        steadyAndQuiet();
        ActiveFault f = module.inject(new Fault.LaserFailure(Set.of(42)));   // bank 5, second lane
        assertEquals(0, laneFlag(LaneStatusPage.OUTPUT_STATUS_TX, 42), "the lane's Tx output drops at once");
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_TX, 41), "its neighbour keeps transmitting");
        advance(100);
        assertTrue(intLAsserted(), "IntL pin low");
        assertTrue(intLEventAsserted(), "IntL edge pushed");
        assertEquals(0, host.readByte(3) & 1, "00h:3.0 InterruptDeasserted = 0");
        assertEquals(0x20, host.readByte(13) & 0xF0, "bank 5 summarised in 00h:13 bit 5");
        assertArrayEquals(new byte[4], host.read(4, 4), "no flag in banks 0-3");
        assertEquals(0, host.value(LaneStatusPage.OPTICAL_POWER_TX, 5, 1), 1e-9, "no light");
        assertEquals(1, laneFlag(LaneStatusPage.FAILURE_FLAG_TX, 42));
        assertEquals(1, laneFlag(LaneStatusPage.TX_POWER_LOW_ALARM_FLAG, 42));
        assertEquals(1, laneFlag(LaneStatusPage.TX_POWER_LOW_WARNING_FLAG, 42));
        assertEquals(0, laneFlag(LaneStatusPage.TX_POWER_HIGH_ALARM_FLAG, 42));
        assertEquals(0, laneFlag(LaneStatusPage.FAILURE_FLAG_TX, 41), "only the failed lane");

        assertTrue(module.clearFault(f.id()));
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_TX, 42), "Tx output back once the fault is cleared");
        advance(100);
        clearAllFlags();
        advance(1000);
        assertFalse(intLAsserted(), "nothing re-latches after recovery");
        assertEquals(0, laneFlag(LaneStatusPage.FAILURE_FLAG_TX, 42));
        assertEquals(0, laneFlag(LaneStatusPage.TX_POWER_LOW_ALARM_FLAG, 42));
        assertEquals(1.8, host.value(LaneStatusPage.OPTICAL_POWER_TX, 5, 1), 0.25, "light back near 1.8 mW");
    }

    @Test
    void rxLossOfSignalDropsTheRxOutputAndLatchesLosAndLowPower() {
        steadyAndQuiet();
        ActiveFault f = module.inject(new Fault.RxLossOfSignal(Set.of(3)));
        assertEquals(0, laneFlag(LaneStatusPage.OUTPUT_STATUS_RX, 3), "Rx output invalid at once");
        assertTrue(intLAsserted(), "the output status change alone asserts IntL");
        advance(100);
        assertEquals(1, host.readByte(4) & 1, "FlagsSummary bank 0");
        assertEquals(1, laneFlag(LaneStatusPage.LOS_FLAG_RX, 3));
        assertEquals(1, laneFlag(LaneStatusPage.RX_POWER_LOW_ALARM_FLAG, 3));
        assertEquals(1, laneFlag(LaneStatusPage.RX_POWER_LOW_WARNING_FLAG, 3));
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_CHANGED_FLAG_RX, 3));
        assertEquals(0, host.value(LaneStatusPage.OPTICAL_POWER_RX, 0, 2), 1e-9, "no light received");
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_RX, 4), "other lanes unaffected");

        module.clearFault(f.id());
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_RX, 3), "Rx output valid again");
        assertEquals(1, laneFlag(LaneStatusPage.OUTPUT_STATUS_CHANGED_FLAG_RX, 3), "the change back is latched too");
        advance(100);
        clearAllFlags();
        advance(1000);
        assertFalse(intLAsserted());
        assertEquals(0, laneFlag(LaneStatusPage.LOS_FLAG_RX, 3));
        assertEquals(1.4, host.value(LaneStatusPage.OPTICAL_POWER_RX, 0, 2), 0.25);
    }

    @Test
    void cdrLossOfLockLatchesOnlyTheRightSideAndLanes() {
        steadyAndQuiet();
        ActiveFault rx = module.inject(new Fault.CdrLossOfLock(Set.of(9), true));
        ActiveFault tx = module.inject(new Fault.CdrLossOfLock(Set.of(64), false));
        advance(100);
        assertTrue(intLAsserted());
        assertEquals(1, host.readByte(5) & 1, "bank 1 (lane 9) in FlagsSummaryBank1");
        assertEquals(0x80, host.readByte(13) & 0xF0, "bank 7 (lane 64) in 00h:13 bit 7");
        assertEquals(1, laneFlag(LaneStatusPage.CDR_LOL_FLAG_RX, 9));
        assertEquals(0, laneFlag(LaneStatusPage.CDR_LOL_FLAG_TX, 9));
        assertEquals(1, laneFlag(LaneStatusPage.CDR_LOL_FLAG_TX, 64));
        assertEquals(0, laneFlag(LaneStatusPage.CDR_LOL_FLAG_RX, 64));
        assertEquals(0, laneFlag(LaneStatusPage.LOS_FLAG_RX, 9), "loss of lock is not loss of signal");

        advance(100);
        assertEquals(1, laneFlag(LaneStatusPage.CDR_LOL_FLAG_RX, 9), "re-latched while the condition lasts");
        module.clearFault(rx.id());
        module.clearFault(tx.id());
        advance(100);
        clearAllFlags();
        advance(1000);
        assertFalse(intLAsserted());
        assertEquals(0, laneFlag(LaneStatusPage.CDR_LOL_FLAG_RX, 9));
        assertEquals(0, laneFlag(LaneStatusPage.CDR_LOL_FLAG_TX, 64));
    }

    // ------------------------------------------------------------------ cooling

    @Test
    void coolantFlowAt20PercentHeatsTheModuleUntilItShutsItselfDown() {
        steadyAndQuiet();
        double outletBefore = monitor(Monitor.COOLANT_OUTLET_TEMP);
        double hotBefore = monitor(Monitor.CARD_A_HOT_ZONE_TEMP);
        module.inject(new Fault.CoolantFlow(0.2));
        advance(100);
        assertTrue(intLAsserted());
        assertEquals(0b10, host.readByte(13) & 0b10, "cooling summary in 00h:13 bit 1");
        assertEquals(0.1, monitor(Monitor.COOLANT_FLOW), 0.003, "the flow meter reads 20 % of 0.5 L/min");
        assertEquals(LA | LW, xpoFlags(Monitor.COOLANT_FLOW), "flow below both low thresholds");

        // Poll the B0h flags every 500 ms and note when each first shows up.
        Map<String, Long> first = new LinkedHashMap<>();
        long t = 100;
        double outletAt2s = Double.NaN;
        while (t < 60_000 && host.moduleState() != FAULT) {
            advance(500);
            t += 500;
            if (t == 2100) outletAt2s = monitor(Monitor.COOLANT_OUTLET_TEMP);
            host.select(0xB0, 0);
            byte[] flags = host.read(160, 6);
            note(first, "outlet HW", (flags[2] & HW) != 0, t);
            note(first, "outlet HA", (flags[2] & HA) != 0, t);
            note(first, "hot zone A HW", (flags[3] >> 4 & HW) != 0, t);
            note(first, "hot zone A HA", (flags[3] >> 4 & HA) != 0, t);
            host.select(0, 0);
        }
        long shutdownAt = t;
        assertTrue(outletAt2s > outletBefore + 25, "outlet rises within seconds: " + outletBefore + " -> " + outletAt2s);
        assertEquals(FAULT, host.moduleState(), "protective shutdown within a minute");
        assertTrue(shutdownAt > 5_000, "not at once: the module heats for a while first (" + shutdownAt + " ms)");
        assertTrue(first.keySet().containsAll(List.of("outlet HW", "outlet HA", "hot zone A HW", "hot zone A HA")),
            "warnings and alarms latched before the shutdown: " + first);
        assertTrue(first.get("hot zone A HW") < first.get("hot zone A HA"), "warning before alarm: " + first);
        assertTrue(first.get("outlet HW") <= first.get("outlet HA"));
        assertTrue(first.get("hot zone A HA") < shutdownAt);

        assertEquals(32, host.get(LowerPage.MODULE_FAULT_CAUSE), "over-temperature");
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag");
        assertAllLanesDeactivated();
        assertTrue(hotBefore < 72, "the hot zone runs near 67 °C from 42 °C water: " + hotBefore);
        advance(200);
        assertEquals(18, monitor(Monitor.INPUT_POWER), 1, "only the management draws power in ModuleFault");
        assertTrue(monitor(Monitor.CARD_A_HOT_ZONE_TEMP) < 90, "cooling down once the lasers are off");
    }

    private static void note(Map<String, Long> first, String what, boolean set, long t) {
        if (set) first.putIfAbsent(what, t);
    }

    @Test
    void coolantLeakShutsDownUntilResetAfterTheLeakIsGone() {
        steadyAndQuiet();
        ActiveFault leak = module.inject(new Fault.CoolantLeak());
        advance(100);
        assertTrue(intLAsserted());
        assertEquals(0b100, host.readByte(13) & 0b100, "XpoLeakSummary (00h:13.2)");
        assertEquals(1, host.get(XpoPages.LEAK_DETECTED), "live leak status B0h:150.0");
        assertEquals(1, host.get(XpoPages.LEAK_FLAG), "latched LeakFlag B0h:165.4");
        assertEquals(FAULT, host.moduleState());
        assertEquals(34, host.get(LowerPage.MODULE_FAULT_CAUSE));
        assertAllLanesDeactivated();

        module.clearFault(leak.id());
        advance(200);
        assertEquals(0, host.get(XpoPages.LEAK_DETECTED), "sensor dry again");
        assertEquals(FAULT, host.moduleState(), "a protective shutdown is latched: only a reset ends it");
        softwareReset();
        assertEquals(READY, host.moduleState());
        assertEquals(0, host.get(LowerPage.MODULE_FAULT_CAUSE));
        assertEquals(4, dpStates()[63], "lanes back up");
    }

    @Test
    void leakSensorFaultOnlyFlags() {
        steadyAndQuiet();
        module.inject(new Fault.LeakSensorFault());
        advance(100);
        assertTrue(intLAsserted());
        assertEquals(1, host.get(XpoPages.LEAK_SENSOR_FAULT));
        assertEquals(1, host.get(XpoPages.LEAK_SENSOR_FAULT_FLAG));
        assertEquals(0, host.get(XpoPages.LEAK_DETECTED));
        assertEquals(READY, host.moduleState(), "a broken sensor does not stop the module");
    }

    @Test
    void inletTemperatureStepRaisesEveryTemperatureAndLatchesTheInletWarning() {
        steadyAndQuiet();
        double outlet = monitor(Monitor.COOLANT_OUTLET_TEMP);
        double hot = monitor(Monitor.CARD_B_HOT_ZONE_TEMP);
        ActiveFault f = module.inject(new Fault.InletTemperature(48));
        advance(30_000);
        assertEquals(48, monitor(Monitor.COOLANT_INLET_TEMP), 0.1);
        assertEquals(outlet + 6, monitor(Monitor.COOLANT_OUTLET_TEMP), 1.0, "the outlet follows the inlet");
        assertTrue(monitor(Monitor.CARD_B_HOT_ZONE_TEMP) > hot + 5.5, "zones follow too");
        int flags = xpoFlags(Monitor.COOLANT_INLET_TEMP);
        assertEquals(HW, flags, "above the 47 °C warning, below the 50 °C alarm");
        assertEquals(READY, host.moduleState());

        module.clearFault(f.id());
        advance(60_000);
        clearAllFlags();
        advance(1000);
        assertEquals(42, monitor(Monitor.COOLANT_INLET_TEMP), 0.1, "back at the operating point");
        assertFalse(intLAsserted());
    }

    // ------------------------------------------------------------------ 50 V input

    @Test
    void underVoltageWarnsWithoutResettingTheModule() {
        steadyAndQuiet();
        double current = monitor(Monitor.INPUT_CURRENT);
        ActiveFault f = module.inject(new Fault.InputVoltage(43));
        advance(100);
        double v = monitor(Monitor.INPUT_VOLTAGE);
        assertEquals(43, v, 0.3, "the monitor reads the sagging supply (less the feed drop)");
        assertTrue(intLAsserted());
        assertEquals(1, host.readByte(13) & 1, "power summary in 00h:13 bit 0");
        assertEquals(LW, xpoFlags(Monitor.INPUT_VOLTAGE), "below the 44 V warning only");
        assertTrue(cage.readPin(Pin.POWER_GOOD), "43 V is inside the 40-60 V operating range");
        assertEquals(READY, host.moduleState());
        assertTrue(eventsOf(TargetEvent.Reset.class).isEmpty(), "no reset");
        double power = monitor(Monitor.INPUT_POWER);
        assertEquals(power / v, monitor(Monitor.INPUT_CURRENT), 0.05, "the same power at a lower voltage");
        assertTrue(monitor(Monitor.INPUT_CURRENT) > current + 1);

        module.clearFault(f.id());
        advance(100);
        clearAllFlags();
        advance(500);
        assertEquals(0, xpoFlags(Monitor.INPUT_VOLTAGE));
        assertFalse(intLAsserted());
    }

    @Test
    void underVoltageAlarmLatchesAboveTheLockOut() {
        steadyAndQuiet();
        module.inject(new Fault.InputVoltage(41));
        advance(100);
        assertEquals(LA | LW, xpoFlags(Monitor.INPUT_VOLTAGE));
        assertEquals(READY, host.moduleState());
        assertTrue(cage.readPin(Pin.POWER_GOOD));
    }

    @Test
    void brownOutPowersTheModuleOffThenItResetsAndComesBack() {
        steadyAndQuiet();
        module.inject(new Fault.BrownOut(Duration.ofMillis(500)));
        assertFalse(cage.readPin(Pin.POWER_GOOD), "PowerGood drops at once");
        assertTrue(events.stream().anyMatch(e -> e instanceof TargetEvent.PinLevel p && p.pin() == Pin.POWER_GOOD
            && !p.high()), "PowerGood edge pushed");
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(0, 1).get(0).status(), "module NACKs");
        assertFalse(intLAsserted(), "an unpowered module does not pull IntL");
        advance(400);
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(0, 1).get(0).status(), "still down");
        assertTrue(eventsOf(TargetEvent.Reset.class).isEmpty());

        advance(200);
        assertTrue(cage.readPin(Pin.POWER_GOOD), "power back");
        List<TargetEvent> resets = eventsOf(TargetEvent.Reset.class);
        assertEquals(1, resets.size());
        assertEquals("brown-out", ((TargetEvent.Reset) resets.get(0)).cause());
        assertTrue(module.activeFaults().isEmpty(), "a brown-out ends by itself");
        advance(400);
        int state = host.moduleState();
        assertTrue(state == LOW_PWR || state == 2 || state == READY, "answers again after MgmtInit: " + state);
        advance(1000);
        assertEquals(READY, host.moduleState());
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag after the power-on reset");
    }

    @Test
    void overVoltageDropsPowerGoodAndShutsDownUntilReset() {
        steadyAndQuiet();
        ActiveFault f = module.inject(new Fault.InputVoltage(61));
        assertFalse(cage.readPin(Pin.POWER_GOOD), "PowerGood low above 60 V");
        advance(100);
        assertEquals(FAULT, host.moduleState());
        assertEquals(33, host.get(LowerPage.MODULE_FAULT_CAUSE));
        assertTrue(intLAsserted());
        assertEquals(1, host.readByte(13) & 1, "power summary");
        assertEquals(1, host.get(XpoPages.POWER_GOOD_LOST_FLAG), "B0h:165.7");
        assertEquals(HA | HW, xpoFlags(Monitor.INPUT_VOLTAGE), "above both high thresholds");
        assertAllLanesDeactivated();
        assertTrue(eventsOf(TargetEvent.Reset.class).isEmpty(), "the module protects itself, it does not reset");

        module.clearFault(f.id());
        assertTrue(cage.readPin(Pin.POWER_GOOD), "PowerGood back with the supply");
        advance(500);
        assertEquals(FAULT, host.moduleState(), "latched until reset");
        softwareReset();
        assertEquals(READY, host.moduleState());
    }

    // ------------------------------------------------------------------ management

    @Test
    void stuckBusFailsEveryTransferUntilCleared() {
        steadyAndQuiet();
        ActiveFault f = module.inject(new Fault.StuckBus());
        List<I2cResult> r = host.readRaw(0, 1);
        assertEquals(I2cResult.Status.BUS_ERROR, r.get(0).status());
        assertEquals(I2cResult.Status.SKIPPED, r.get(1).status());
        assertEquals(I2cResult.Status.BUS_ERROR, host.write(127, 0).status());
        advance(1000);
        assertEquals(I2cResult.Status.BUS_ERROR, host.readRaw(3, 1).get(0).status(), "it stays stuck");
        assertTrue(cage.readPin(Pin.POWER_GOOD), "the sideband pins still work");

        module.clearFault(f.id());
        assertEquals(READY, host.moduleState(), "the module ran on behind the stuck bus");
        assertEquals(0x19, host.readByte(0));
    }

    @Test
    void firmwareFaultLatchesItsFlagAndNeedsAReset() {
        steadyAndQuiet();
        ActiveFault f = module.inject(new Fault.FirmwareFault());
        assertTrue(intLAsserted());
        assertEquals(FAULT, host.moduleState());
        assertEquals(35, host.get(LowerPage.MODULE_FAULT_CAUSE));
        assertEquals(0b11, host.readByte(8) & 0b11, "ModuleFirmwareErrorFlag and ModuleStateChangedFlag");
        assertAllLanesDeactivated();

        module.clearFault(f.id());
        advance(1000);
        assertEquals(FAULT, host.moduleState(), "clearing the fault does not restart the firmware");
        cage.writePin(Pin.RESET_L, false);
        advance(10);
        cage.writePin(Pin.RESET_L, true);
        advance(2000);
        assertEquals(READY, host.moduleState());
        assertEquals(0, host.get(LowerPage.MODULE_FAULT_CAUSE));
        assertEquals(0, host.readByte(8) & 0b10, "no firmware error after the reset");
    }

    // ------------------------------------------------------------------ optics aging over hours

    @Test
    void opticsDegradationOverHoursWarnsThenAlarms() {
        // A 10 s physics tick keeps five emulated hours cheap; the optics do not depend on the tick length.
        stop();
        ModuleConfig.Timing d = ModuleConfig.Timing.defaults();
        ModuleConfig slowTick = ModuleConfig.builder().timing(new ModuleConfig.Timing(d.mgmtInit(), d.modulePwrUp(),
            d.modulePwrDn(), d.dpInit(), d.dpDeinit(), d.txTurnOn(), d.txTurnOff(), d.configCheck(),
            Duration.ofSeconds(10), d.writeBusy())).build();
        chassis = new EmulatedChassis(1, clock, i -> slowTick);
        cage = chassis.cage(1);
        module = cage.module();
        host = new TestHost(cage);
        steadyAndQuiet();

        double start = host.value(LaneStatusPage.OPTICAL_POWER_TX, 0, 0);
        ActiveFault aging = module.inject(new Fault.OpticsDegradation(Set.of(1), 2.0));
        Map<String, Long> first = new LinkedHashMap<>();
        double previous = start;
        for (long minute = 10; minute <= 300; minute += 10) {
            advance(600_000);
            double tx = host.value(LaneStatusPage.OPTICAL_POWER_TX, 0, 0);
            if (minute % 60 == 0) {
                assertTrue(tx < previous, "Tx power keeps falling: " + previous + " -> " + tx + " mW");
                previous = tx;
            }
            note(first, "TxPower LW", laneFlag(LaneStatusPage.TX_POWER_LOW_WARNING_FLAG, 1) == 1, minute);
            note(first, "TxPower LA", laneFlag(LaneStatusPage.TX_POWER_LOW_ALARM_FLAG, 1) == 1, minute);
            note(first, "TxBias HW", laneFlag(LaneStatusPage.TX_BIAS_HIGH_WARNING_FLAG, 1) == 1, minute);
            assertEquals(0, laneFlag(LaneStatusPage.TX_POWER_LOW_WARNING_FLAG, 2), "lane 2 is healthy");
        }
        assertTrue(first.keySet().containsAll(List.of("TxPower LW", "TxPower LA", "TxBias HW")), first.toString());
        long warn = first.get("TxPower LW"), alarm = first.get("TxPower LA");
        assertTrue(warn >= 180 && warn < alarm, "warning after hours, alarm later: " + first);
        assertTrue(first.get("TxBias HW") < warn, "the bias climbs first to keep the power up: " + first);
        assertTrue(previous < start / 5, "about 10 dB lost after 5 h at 2 dB/h: " + start + " -> " + previous);
        assertEquals(READY, host.moduleState(), "aging optics only flag");

        module.clearFault(aging.id());   // clearing the fault restores the nominal optics
        advance(20_000);
        clearAllFlags();
        advance(60_000);
        assertEquals(start, host.value(LaneStatusPage.OPTICAL_POWER_TX, 0, 0), 0.1, "nominal light again");
        assertEquals(0, laneFlag(LaneStatusPage.TX_POWER_LOW_WARNING_FLAG, 1));
        assertEquals(0, laneFlag(LaneStatusPage.TX_BIAS_HIGH_WARNING_FLAG, 1));
    }
}
