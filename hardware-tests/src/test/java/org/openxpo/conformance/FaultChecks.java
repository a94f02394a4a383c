package org.openxpo.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openxpo.conformance.support.Host;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * Thresholds, alarms and protective actions, provoked by faults injected into the emulated module: a failed laser,
 * Rx loss of signal, CDR loss of lock, coolant flow loss and leaks, under- and over-voltage, a brown-out, a firmware
 * crash, a stuck bus, a re-plug and CDB failures. A host sees each only through registers, flags, pins and events.
 * Emulator-only (tag {@code emulator-only}): a real module cannot be given these faults on demand.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
@Tag(TargetConditions.EMULATOR_ONLY)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FaultChecks extends Checks {
    /** Physics ticks every 100 ms; flags latch at the next tick. */
    private static final Duration TICKS = Duration.ofSeconds(2);
    private static final Duration PROTECT = Duration.ofSeconds(10);

    /** Set by the thermal checks: their module is swapped for a fresh one instead of waiting minutes for it to cool. */
    private boolean overheated;

    @BeforeEach
    void quiet() {
        host.clearFlags();
        overheated = false;
    }

    @AfterEach
    void clearFaultsAndRecover() {
        for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        if (overheated) {
            t.replaceModule();
            host.awaitBootedAfterReset("plug-in of a fresh module");
        }
        host.write(Pages.XPO_TELEMETRY, 0, 168, 0, 0, 0, 0, 0, 0);
        boolean fine;
        try {
            fine = host.state() == ModuleState.READY && host.dataPathSummary().isEmpty();
        } catch (XpoException e) {
            fine = false;
        }
        if (!fine) host.resetToReady();
        awaitQuiet();
    }

    @AfterAll
    void settled() { awaitQuiet(); }

    /** Waits until no flag latches for a few ticks (temperatures back after a thermal fault). */
    private void awaitQuiet() { host.awaitQuiet(Duration.ofMillis(150), Duration.ofSeconds(20)); }

    private ActiveFault inject(Fault f) { return t.module().inject(f); }

    /** Polls a latched byte until {@code bits} show up (each poll clears it; a lasting condition re-latches). */
    private int awaitFlag(String what, int page, int bank, int offset, int bits) {
        return host.await(what, TICKS, () -> host.u8(page, bank, offset), b -> (b & bits) == bits,
            b -> String.format("%02Xh:%d bank %d = 0x%02X", page, offset, bank, b));
    }

    /** The interrupt is (or, once the condition latches its flag again at the next tick, becomes) asserted. */
    private void assertInterruptAsserted(String why) {
        host.await(why + ": 00h:3.0 saying the interrupt is asserted", TICKS, host::interruptAsserted, a -> a,
            a -> a ? "asserted" : "not asserted");
        if (t.wired(Pin.INT_L)) {
            host.await("IntL low (" + why + ")", Duration.ofMillis(500), host::intLLow, low -> low, low -> low ? "low" : "high");
        }
    }

    private ModuleState awaitModuleFault(int cause) {
        host.await("ModuleFault with cause " + cause, PROTECT, () -> new long[] {host.get(LowerPage.MODULE_STATE), host.get(LowerPage.MODULE_FAULT_CAUSE)},
            s -> s[0] == ModuleState.FAULT.code() && s[1] == cause, s -> "state " + s[0] + ", cause " + s[1]);
        for (int b = 0; b < BANKS; b++) {
            DataPathState[] st = host.dpStates(b);
            for (DataPathState s : st) assertEquals(DataPathState.DEACTIVATED, s, "ModuleFault deactivates every data path: bank " + b + " " + names(st));
        }
        return ModuleState.FAULT;
    }

    @Test @Order(1)
    void laserFailureDarkensTheLaneAndRaisesTxFailure() {
        inject(new Fault.LaserFailure(Set.of(3)));
        host.await("OutputStatusTx of lane 3 off", TICKS, () -> host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, 0), b -> (b & 0x04) == 0,
            b -> String.format("0x%02X", b));
        awaitFlag("FailureFlagTx lane 3 (11h:135)", Pages.LANE_STATUS, 0, 135, 0x04);
        awaitFlag("TxPowerLowAlarmFlag lane 3 (11h:140)", Pages.LANE_STATUS, 0, 140, 0x04);
        assertInterruptAsserted("Tx failure");
        assertEquals(0xFB, host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, 0), "only lane 3 goes dark");
    }

    @Test @Order(2)
    void rxLossOfSignalDropsTheRxOutputAndFlagsLos() {
        inject(new Fault.RxLossOfSignal(Set.of(42)));   // bank 5, second lane
        host.await("OutputStatusRx of lane 42 off", TICKS, () -> host.laneBits(LaneStatusPage.OUTPUT_STATUS_RX, 5), b -> (b & 0x02) == 0,
            b -> String.format("0x%02X", b));
        assertTrue(host.bankSummary(5), "00h:13 bit 5 must point at bank 5");
        awaitFlag("LosFlagRx lane 42 (11h:147)", Pages.LANE_STATUS, 5, 147, 0x02);
        awaitFlag("RxPowerLowAlarmFlag lane 42 (11h:150)", Pages.LANE_STATUS, 5, 150, 0x02);
        assertInterruptAsserted("Rx LOS");
    }

    @Test @Order(3)
    void rxLossOfSignalChangesTheRxOutputStatusFlag() {
        inject(new Fault.RxLossOfSignal(Set.of(9)));
        awaitFlag("OutputStatusChangedFlagRx lane 9 (11h:153)", Pages.LANE_STATUS, 1, 153, 0x01);
    }

    @Test @Order(4)
    void cdrLossOfLockOnlyRaisesItsFlag() {
        inject(new Fault.CdrLossOfLock(Set.of(20), true));   // bank 2, fourth lane
        awaitFlag("CdrLolFlagRx lane 20 (11h:148)", Pages.LANE_STATUS, 2, 148, 0x08);
        assertEquals(0xFF, host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, 2), "CDR loss of lock leaves the Tx outputs on");
        assertEquals(0xFF, host.laneBits(LaneStatusPage.OUTPUT_STATUS_RX, 2), "and the Rx outputs valid");
    }

    @Test @Order(5)
    void coolantFlowLossRaisesTheFlowAlarmAndTheCoolingSummary() {
        inject(new Fault.CoolantFlow(0.4));
        double q = host.await("CoolantFlow reading 0.2 L/min", TICKS, () -> host.value(XpoPages.Monitor.COOLANT_FLOW.value()),
            v -> Math.abs(v - 0.2) < 0.01, v -> v + " L/min");
        assertTrue(q < host.value(XpoPages.Monitor.COOLANT_FLOW.thresholds().lowAlarm()), "0.2 L/min is below the flow LowAlarm");
        host.await("CoolantFlow LowAlarm and LowWarning flags (B0h:162 bits 7-4)", TICKS,
            () -> (int) host.get(XpoPages.Monitor.COOLANT_FLOW.flags()), n -> (n & 0x0A) == 0x0A, n -> "nibble " + n);
        host.await("XpoCoolingFlagsSummary (00h:13.1)", TICKS, () -> host.u8(Pages.LOWER_MEMORY, 0, 13),
            b -> (b & 0x02) != 0, b -> String.format("0x%02X", b));
        assertInterruptAsserted("coolant flow alarm");
        assertEquals(ModuleState.READY, host.state(), "a flow alarm alone does not shut the module down");
    }

    @Test @Order(6)
    void coolantLeakShutsTheModuleDown() {
        inject(new Fault.CoolantLeak());
        host.await("LeakDetected (B0h:150.0)", TICKS, () -> host.get(XpoPages.LEAK_DETECTED), v -> v == 1, String::valueOf);
        awaitModuleFault(34);
        host.await("LeakFlag (B0h:165.4) and XpoLeakSummary (00h:13.2)", TICKS,
            () -> new int[] {host.u8(Pages.LOWER_MEMORY, 0, 13), host.u8(Pages.XPO_TELEMETRY, 0, 165)},
            b -> (b[0] & 0x04) != 0 && (b[1] & 0x10) != 0, b -> String.format("00h:13 0x%02X, B0h:165 0x%02X", b[0], b[1]));
        assertInterruptAsserted("leak");
        for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        assertEquals(ModuleState.FAULT.code(), host.get(LowerPage.MODULE_STATE), "ModuleFault stays until a reset");
        host.resetToReady();
        assertEquals(0, host.get(XpoPages.LEAK_DETECTED), "no leak after the fault cleared");
    }

    @Test @Order(7)
    void leakSensorFaultIsFlaggedAndTheModuleRunsOn() {
        inject(new Fault.LeakSensorFault());
        host.await("LeakSensorFault (B0h:150.1)", TICKS, () -> host.get(XpoPages.LEAK_SENSOR_FAULT), v -> v == 1, String::valueOf);
        awaitFlag("LeakSensorFaultFlag (B0h:165.5)", Pages.XPO_TELEMETRY, 0, 165, 0x20);
        assertEquals(ModuleState.READY, host.state(), "a failed leak sensor does not stop the module");
        assertEquals(0, host.get(XpoPages.LEAK_DETECTED), "and reports no leak");
    }

    @Test @Order(8)
    void underVoltageLatchesTheLowAlarmBeforeLockOut() {
        inject(new Fault.InputVoltage(41.5));
        double v = host.await("InputVoltage below the 42 V LowAlarm", TICKS, () -> host.value(XpoPages.Monitor.INPUT_VOLTAGE.value()),
            x -> x < host.value(XpoPages.Monitor.INPUT_VOLTAGE.thresholds().lowAlarm()), x -> x + " V");
        assertTrue(v > 40, "still above the 40 V lock-out: " + v + " V");
        host.await("InputVoltage LowAlarm and LowWarning (B0h:160 bits 3-0)", TICKS,
            () -> (int) host.get(XpoPages.Monitor.INPUT_VOLTAGE.flags()), n -> (n & 0x0A) == 0x0A, n -> "nibble " + n);
        host.await("XpoPowerFlagsSummary (00h:13.0)", TICKS, () -> host.u8(Pages.LOWER_MEMORY, 0, 13), b -> (b & 0x01) != 0,
            b -> String.format("0x%02X", b));
        assertInterruptAsserted("under-voltage");
        assertEquals(1, host.get(XpoPages.POWER_GOOD), "PowerGood stays high above 40 V");
        if (t.wired(Pin.POWER_GOOD)) assertTrue(t.transport().readPin(Pin.POWER_GOOD), "the PowerGood pin stays high");
        assertEquals(ModuleState.READY, host.state());
    }

    @Test @Order(9)
    void maskedPowerFlagsLatchWithoutAssertingTheInterrupt() {
        host.write(Pages.XPO_TELEMETRY, 0, 168, 0x0F);  // InputVoltageMasks
        inject(new Fault.InputVoltage(41.5));
        host.await("InputVoltage LowAlarm latched under its mask", TICKS, () -> (int) host.get(XpoPages.Monitor.INPUT_VOLTAGE.flags()),
            n -> (n & 0x02) != 0, n -> "nibble " + n);
        Host.sleep(Duration.ofMillis(250));
        assertFalse(host.interruptAsserted(), "a masked XPO flag must not assert the interrupt");
        if (t.wired(Pin.INT_L)) assertFalse(host.intLLow(), "nor pull IntL low");
        assertNotEquals(0, host.u8(Pages.LOWER_MEMORY, 0, 13) & 0x01, "the power summary still shows the masked flag");
    }

    @Test @Order(10)
    void overVoltageDropsPowerGoodAndFaultsTheModule() {
        inject(new Fault.InputVoltage(62));
        if (t.wired(Pin.POWER_GOOD)) {
            host.await("PowerGood pin low above 60 V", TICKS, () -> t.transport().readPin(Pin.POWER_GOOD), h -> !h,
                h -> h ? "high" : "low");
        }
        awaitModuleFault(33);
        awaitFlag("PowerGoodLostFlag (B0h:165.7)", Pages.XPO_TELEMETRY, 0, 165, 0x80);
        for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        if (t.wired(Pin.POWER_GOOD)) {
            host.await("PowerGood pin high again", TICKS, () -> t.transport().readPin(Pin.POWER_GOOD), h -> h,
                h -> h ? "high" : "low");
        }
        assertEquals(ModuleState.FAULT.code(), host.get(LowerPage.MODULE_STATE), "the over-voltage shutdown stays until a reset");
    }

    @Test @Order(11)
    void brownOutResetsTheModule() {
        try (Host.Events<TargetEvent.Reset> resets = host.record(TargetEvent.Reset.class)) {
            host.markVolatile();
            inject(new Fault.BrownOut(Duration.ofMillis(300)));
            host.await("the module to go silent in the brown-out", TICKS, () -> {
                List<I2cResult> r = t.transport().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, (byte) 3), I2cMessage.read(ManagementInterface.I2C_ADDRESS, 1)));
                return r.get(0).ok() && r.get(1).ok();
            }, ok -> !ok, ok -> ok ? "answering" : "silent");
            if (t.wired(Pin.POWER_GOOD)) assertFalse(t.transport().readPin(Pin.POWER_GOOD), "PowerGood low in the brown-out");
            host.access().invalidate();
            host.awaitBootedAfterReset("brown-out");
            host.resetToReady();
            if (!(t.transport() instanceof org.openxpo.driver.transport.Pi4jTransport)) {  // GPIO carries no reset events
                host.await("a Reset event with cause brown-out", TICKS, resets::list,
                    l -> l.stream().anyMatch(r -> r.cause().contains("brown-out")), Object::toString);
            }
        }
    }

    @Test @Order(12)
    void firmwareCrashFaultsTheModuleUntilReset() {
        inject(new Fault.FirmwareFault());
        awaitModuleFault(35);
        host.await("ModuleFirmwareErrorFlag (00h:8.1)", TICKS, () -> host.u8(Pages.LOWER_MEMORY, 0, 8), b -> (b & 0x02) != 0,
            b -> String.format("0x%02X", b));
        for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        assertEquals(ModuleState.FAULT.code(), host.get(LowerPage.MODULE_STATE), "only a reset leaves ModuleFault");
        host.resetToReady();
    }

    @Test @Order(13)
    void stuckBusFailsTransfersButThePinsStillWork() {
        ActiveFault f = inject(new Fault.StuckBus());
        XpoException e = assertThrows(XpoException.class, () -> host.get(LowerPage.MODULE_STATE), "a stuck bus must fail transfers");
        if (!(t.transport() instanceof org.openxpo.driver.transport.Pi4jTransport)) {
            assertInstanceOf(XpoException.BusError.class, e, "reported as a bus error: " + e.getMessage());
        }
        if (t.wired(Pin.MOD_PRS_L)) assertFalse(t.transport().readPin(Pin.MOD_PRS_L), "ModPrsL still reads the module present");
        if (t.wired(Pin.RESET_L)) assertTrue(t.transport().readPin(Pin.RESET_L), "ResetL still reads back high");
        t.module().clearFault(f.id());
        host.access().invalidate();
        assertEquals(ModuleState.READY.code(), host.get(LowerPage.MODULE_STATE), "the bus answers again once freed");
    }

    @Test @Order(14)
    void replugCountsAMatingCycle() {
        long cycles = host.get(XpoPages.MATING_CYCLES);
        var module = t.cage().unplug();
        try {
            if (t.wired(Pin.MOD_PRS_L)) assertTrue(t.transport().readPin(Pin.MOD_PRS_L), "ModPrsL high with the cage empty");
            assertThrows(XpoException.class, () -> host.get(LowerPage.MODULE_STATE), "no answer from an empty cage");
        } finally {
            t.cage().plug(module);
        }
        if (t.wired(Pin.MOD_PRS_L)) assertFalse(t.transport().readPin(Pin.MOD_PRS_L), "ModPrsL low once plugged");
        host.access().invalidate();
        host.awaitBootedAfterReset("plug-in");
        host.resetToReady();
        assertEquals(cycles + 1, host.get(XpoPages.MATING_CYCLES), "a re-plug counts one quick-connect mating cycle");
    }

    @Test @Order(15)
    void cdbBlockWriteFailureAbortsTheDownloadAndKeepsTheRunningImage() {
        String running = host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR) + "." + host.get(LowerPage.ACTIVE_FIRMWARE_MINOR);
        inject(new Fault.CdbWriteFailure());
        byte[] img = FirmwareImageFormat.pack(9, 9, 1, FirmwareImageFormat.samplePayload(8192, 5));
        XpoException e = assertThrows(XpoException.class,
            () -> new FirmwareUpdater(host.access()).update(img, FirmwareUpdater.UpdateOptions.DEFAULT, p -> {}));
        assertTrue(e.getMessage().contains("write block"), "the failure names the block write: " + e.getMessage());
        assertEquals(running, host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR) + "." + host.get(LowerPage.ACTIVE_FIRMWARE_MINOR),
            "the running image is untouched");
    }

    @Test @Order(16)
    void cdbCompleteFailureRefusesTheImage() {
        inject(new Fault.CdbCompleteFailure());
        byte[] img = FirmwareImageFormat.pack(9, 9, 1, FirmwareImageFormat.samplePayload(8192, 6));
        XpoException e = assertThrows(XpoException.class,
            () -> new FirmwareUpdater(host.access()).update(img, FirmwareUpdater.UpdateOptions.DEFAULT, p -> {}));
        assertTrue(e.getMessage().contains("0107h"), "the refusal comes at Complete Download: " + e.getMessage());
        assertEquals(0xFF, host.get(AdminPages.INACTIVE_FIRMWARE_MAJOR), "the inactive bank stays invalid (FF.FF)");
    }

    @Test @Order(20)
    void inletTemperatureRaisesTheInletWarning() {
        overheated = true;
        inject(new Fault.InletTemperature(48));   // above the 47 °C warning of the XPO operating point (40-45 °C water)
        host.await("CoolantInletTemp HighWarning (B0h:161 bits 7-4, bit 2 of the nibble)", Duration.ofSeconds(8),
            () -> (int) host.get(XpoPages.Monitor.COOLANT_INLET_TEMP.flags()), n -> (n & 0x04) != 0, n -> "nibble " + n + ", inlet "
                + host.value(XpoPages.Monitor.COOLANT_INLET_TEMP.value()) + " °C");
        assertInterruptAsserted("inlet temperature warning");
    }

    @Test @Order(21)
    void noCoolantFlowShutsTheModuleDownBeforeItOverheats() {
        overheated = true;
        inject(new Fault.CoolantFlow(0));
        awaitModuleFault(32);
        double hot = Math.max(host.value(XpoPages.Monitor.CARD_A_HOT_ZONE_TEMP.value()), host.value(XpoPages.Monitor.CARD_B_HOT_ZONE_TEMP.value()));
        assertTrue(hot > 85, "the shutdown follows a hot zone above its alarm: " + hot + " °C");
        host.await("input power down to the management level after the shutdown", TICKS, () -> host.value(XpoPages.Monitor.INPUT_POWER.value()),
            p -> p < 40, p -> p + " W");
    }
}
