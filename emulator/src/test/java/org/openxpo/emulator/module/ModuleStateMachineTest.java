package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The module state machine (cmis-digest §4.1) as a host sees it: 00h:3, the NACKs of Resetting/MgmtInit,
 * ModuleStateChangedFlag, IntL and the cage's events, with every timed transition checked against 01h:167.
 */
class ModuleStateMachineTest extends ModuleFixture {
    static final int LOW_PWR = 1, PWR_UP = 2, READY = 3, PWR_DN = 4, FAULT = 5;
    /** SONiC waits 2 s after a reset before it touches the module; MgmtInit must end within that. */
    static final long HOST_MGMT_INIT_WAIT_MS = 2000;
    static final int BYTE_26_DEFAULT = 0x40;

    boolean nacks() { return host.readRaw(3, 1).get(0).status() == I2cResult.Status.ADDRESS_NACK; }

    boolean intLAsserted() { return !cage.readPin(Pin.INT_L); }

    int state() { return host.moduleState(); }

    long pwrUpMax() { return advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_UP); }

    long pwrDnMax() { return advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_DN); }

    /** Masks every lane flag of every bank (10h:213–232) through BankBroadcastEnable, so only 00h flags drive IntL. */
    void maskAllLaneFlags() {
        host.write(26, 0x80 | BYTE_26_DEFAULT);
        host.select(0x10, 0);
        host.write(213, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        host.write(221, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        host.write(229, 0xFF, 0xFF, 0xFF, 0xFF);
        host.write(26, BYTE_26_DEFAULT);
    }

    /** Boots with LPMode high: the module stops in ModuleLowPwr. */
    void bootToLowPwr() {
        cage.writePin(Pin.LP_MODE, true);
        millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        assertEquals(LOW_PWR, state());
    }

    List<String> resetCauses() {
        List<String> out = new ArrayList<>();
        for (TargetEvent e : events) if (e instanceof TargetEvent.Reset r) out.add(r.cause());
        return out;
    }

    List<Boolean> powerGoodEdges() {
        List<Boolean> out = new ArrayList<>();
        for (TargetEvent e : events) if (e instanceof TargetEvent.PinLevel p && p.pin() == Pin.POWER_GOOD) out.add(p.high());
        return out;
    }

    void assertAllLanes(int dpState) {
        for (int b = 0; b < 8; b++) {
            int bank = b;
            for (int s : lanes(LaneStatusPage.DP_STATE, b)) assertEquals(dpState, s, () -> "bank " + bank);
        }
    }

    // ------------------------------------------------------------------ power-on, MgmtInit, LowPwr, PwrUp

    @Test
    void aListenerThatReadsPinsDoesNotHoldTheStateMachineBack() {
        // the docs let a listener read pins; the IntL edge of ModuleStateChangedFlag reaches it from a firmware timer
        List<Boolean> intLSeen = new ArrayList<>();
        cage.subscribe(e -> {
            if (e instanceof TargetEvent.IntL) intLSeen.add(cage.readPin(Pin.INT_L));
        });
        ModuleConfig.Timing t = module.config().timing();
        advance(t.mgmtInit().toMillis() + t.modulePwrUp().toMillis());
        assertEquals(List.of(false), intLSeen, "the listener read IntL asserted as the module reached LowPwr");
        assertEquals(READY, state(), "PwrUp counts from the end of MgmtInit, however far the clock jumped");
    }

    @Test
    void powerOnNacksDuringMgmtInitThenReportsLowPwrWithTheChangedFlagAndIntL() {
        cage.writePin(Pin.LP_MODE, true);
        assertTrue(nacks(), "MgmtInit: the management interface does not answer");
        assertFalse(intLAsserted());
        long t = millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        assertTrue(t > 0, "MgmtInit takes time");
        assertEquals(LOW_PWR, state());
        assertTrue(intLAsserted(), "ModuleStateChangedFlag asserts IntL");
        assertEquals(0, host.get(LowerPage.INTERRUPT_DEASSERTED), "00h:3.0 mirrors IntL");
        assertEquals(List.of(true), intLEdges());
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag latched");
        assertFalse(intLAsserted(), "reading the flag clears it and releases IntL");
        assertEquals(List.of(true, false), intLEdges());

        advance(5000);
        assertEquals(LOW_PWR, state(), "stays in low power while LowPwrS = 1");
        assertAllLanes(1);
    }

    @Test
    void releasingLowPowerGoesThroughPwrUpToReadyWithinTheAdvertisedTime() {
        bootToLowPwr();
        long max = pwrUpMax();
        host.read(8, 1);
        cage.writePin(Pin.LP_MODE, false);
        assertEquals(PWR_UP, state());
        long t = millisUntil(() -> state() == READY, max, "ModuleReady");
        assertTrue(t > 0, "PwrUp is not instantaneous");
        assertTrue(intLAsserted());
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag latched");
    }

    @ParameterizedTest(name = "LowPwrRequestSW={0} LowPwrAllowRequestHW={1} LPMode={2}")
    @CsvSource({"0,0,0", "0,0,1", "0,1,0", "0,1,1", "1,0,0", "1,0,1", "1,1,0", "1,1,1"})
    void lowPowerSignalIsSoftwareRequestOrHardwareRequestAllowed(int sw, int allowHw, int pin) {
        boolean lowPwrS = sw == 1 || (allowHw == 1 && pin == 1);
        int byte26 = (allowHw << 6) | (sw << 4);

        // From ModuleReady: the register first (pin still low), then the pin.
        bootToReady();
        assertEquals(READY, state());
        host.write(26, byte26);
        cage.writePin(Pin.LP_MODE, pin == 1);
        assertEquals(byte26, host.readByte(26), "byte 26 reads back what was written");
        if (lowPwrS) {
            assertEquals(PWR_DN, state());
            assertTrue(millisUntil(() -> state() == LOW_PWR, pwrDnMax(), "ModuleLowPwr") > 0);
        } else {
            advance(pwrDnMax() + pwrUpMax());
            assertEquals(READY, state(), "LowPwrS = 0 keeps the module up");
        }

        // From ModuleLowPwr (entered by the software request): the pin first, then the register.
        host.write(26, 0x10);
        cage.writePin(Pin.LP_MODE, false);
        millisUntil(() -> state() == LOW_PWR, pwrDnMax(), "ModuleLowPwr");
        cage.writePin(Pin.LP_MODE, pin == 1);
        host.write(26, byte26);
        if (lowPwrS) {
            advance(pwrUpMax() + 100);
            assertEquals(LOW_PWR, state(), "LowPwrS = 1 keeps the module in low power");
        } else {
            assertEquals(PWR_UP, state());
            assertTrue(millisUntil(() -> state() == READY, pwrUpMax(), "ModuleReady") > 0);
        }
    }

    // ------------------------------------------------------------------ PwrDn

    @Test
    void readyPowersDownToLowPwrWithEveryDataPathDeinitialized() {
        bootToReady();
        assertAllLanes(4);
        host.read(8, 1);
        host.write(26, BYTE_26_DEFAULT | 0x10);
        assertEquals(PWR_DN, state());
        assertAllLanes(3);
        long t = millisUntil(() -> state() == LOW_PWR, pwrDnMax(), "ModuleLowPwr");
        assertTrue(t > 0, "PwrDn is not instantaneous");
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag latched");
        assertAllLanes(1);
        for (int b = 0; b < 8; b++) {
            assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, b), "lasers off, bank " + b);
        }
        advance(2000);
        assertEquals(LOW_PWR, state());
        assertAllLanes(1);
    }

    @Test
    void aLowPowerRequestDuringPwrUpPowersDownWithoutReachingReady() {
        bootToLowPwr();
        cage.writePin(Pin.LP_MODE, false);
        assertEquals(PWR_UP, state());
        advance(pwrUpMax() / 4);
        assertEquals(PWR_UP, state());
        host.write(26, BYTE_26_DEFAULT | 0x10);
        assertEquals(PWR_DN, state(), "PwrUp interrupted");
        List<Integer> seen = new ArrayList<>();
        millisUntil(() -> { seen.add(state()); return seen.getLast() == LOW_PWR; }, pwrDnMax(), "ModuleLowPwr");
        advance(pwrUpMax() * 2);
        seen.add(state());
        assertFalse(seen.contains(READY), "never Ready: " + seen);
        assertEquals(LOW_PWR, state());
        assertAllLanes(1);
    }

    // ------------------------------------------------------------------ ResetL, SoftwareReset, power

    @Test
    void resetLHeldLowNacksThenMgmtInitAfterReleaseRestoresDefaults() {
        bootToReady();
        host.write(31, 0x01);
        host.write(26, BYTE_26_DEFAULT | 0x20);
        host.select(0x10, 2);
        host.write(130, 0x0F);
        events.clear();

        cage.writePin(Pin.RESET_L, false);
        assertTrue(nacks(), "held in reset");
        assertEquals(List.of("pin"), resetCauses(), "one Reset event, caused by the pin");
        assertFalse(intLAsserted(), "a module in reset does not hold IntL");
        assertEquals(List.of(false), intLEdges(), "the release of IntL is pushed");
        advance(3000);
        assertTrue(nacks(), "still in reset while ResetL is low");
        assertEquals(1, resetCauses().size());

        cage.writePin(Pin.RESET_L, true);
        assertTrue(nacks(), "MgmtInit after release");
        long t = millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        assertTrue(t > 0);
        assertEquals(List.of("pin"), resetCauses(), "release does not reset a second time");
        assertTrue(state() == LOW_PWR || state() == PWR_UP, "state after MgmtInit: " + state());
        assertEquals(BYTE_26_DEFAULT, host.readByte(26));
        assertEquals(0, host.readByte(31), "masks back to 0");
        assertEquals(0, laneMask(LaneControlPage.OUTPUT_DISABLE_TX, 2));
        millisUntil(() -> state() == READY, pwrUpMax(), "ModuleReady");
    }

    @Test
    void resetLDuringMgmtInitRestartsIt() {
        advance(100);
        cage.writePin(Pin.RESET_L, false);
        advance(1000);
        assertTrue(nacks());
        cage.writePin(Pin.RESET_L, true);
        long t = millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        assertTrue(t > 0, "a fresh MgmtInit starts at the release");
    }

    @Test
    void softwareResetSelfClearsAndRestoresVolatileDefaults() {
        bootToReady();
        // Change volatile state a reset must undo: masks, low power, lane controls, staged and active sets.
        host.write(31, 0x01);
        host.select(0x10, 3);
        host.write(213, 0xFF);
        host.write(130, 0xFF);
        host.write(128, 0xFF);
        advance(advertisedMillis(AdminPages.MAX_DURATION_DP_DEINIT));
        host.select(0x10, 3);
        host.write(145, 0x40, 0x42, 0x44, 0x46, 0x48, 0x4A, 0x4C, 0x4E);
        host.write(143, 0xFF);
        advance(50);
        assertEquals(1, lanes(LaneStatusPage.CONFIG_STATUS_LANE, 3)[0], "200G applied before the reset");
        assertEquals(0x42, lanes(LaneStatusPage.ACS_DP_CONFIG_LANE, 3)[1]);
        host.write(26, BYTE_26_DEFAULT | 0x10);
        advance(pwrDnMax());
        assertEquals(LOW_PWR, state());
        events.clear();

        host.write(26, 0x08);
        assertTrue(nacks(), "the module resets");
        assertEquals(List.of("software"), resetCauses());
        long t = millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        assertTrue(t > 0);

        assertEquals(BYTE_26_DEFAULT, host.readByte(26), "SoftwareReset reads 0, byte 26 back to 0x40");
        assertEquals(0, host.readByte(31), "module masks 0");
        assertEquals(0, laneMask(LaneControlPage.DP_STATE_CHANGED_MASK, 3), "lane masks 0");
        assertEquals(0, laneMask(LaneControlPage.DP_DEINIT_LANE, 3));
        assertEquals(0, laneMask(LaneControlPage.OUTPUT_DISABLE_TX, 3), "Tx enabled");
        assertArrayEquals(new int[] {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10},
            lanes(LaneControlPage.DP_CONFIG_LANE, 3),
            "SCS0 = default application");
        assertArrayEquals(new int[] {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10},
            lanes(LaneStatusPage.ACS_DP_CONFIG_LANE, 3),
            "ACS = default application");
        assertArrayEquals(new int[8], lanes(LaneStatusPage.CONFIG_STATUS_LANE, 3), "ConfigStatus undefined");
        assertEquals(0, laneMask(LaneStatusPage.DP_INIT_PENDING_LANE, 3));

        millisUntil(() -> state() == READY, pwrUpMax(), "ModuleReady");
        advance(advertisedMillis(AdminPages.MAX_DURATION_DP_INIT)
            + advertisedMillis(AdminPages.MAX_DURATION_DP_TX_TURN_ON));
        assertAllLanes(4);
    }

    @Test
    void removingPowerNacksAndDropsPowerGoodRestoringItResets() {
        bootToReady();
        host.write(31, 0x01);
        assertTrue(cage.readPin(Pin.POWER_GOOD));
        events.clear();

        cage.writePin(Pin.POWER_ENABLE, false);
        assertTrue(nacks(), "no power, no answer");
        assertFalse(cage.readPin(Pin.POWER_GOOD));
        assertFalse(intLAsserted(), "an unpowered module does not pull IntL");
        assertEquals(List.of(false), intLEdges(), "IntL was asserted before: one release edge");
        assertEquals(List.of(false), powerGoodEdges());
        advance(1000);
        assertTrue(nacks());

        events.clear();
        cage.writePin(Pin.POWER_ENABLE, true);
        assertTrue(cage.readPin(Pin.POWER_GOOD));
        assertEquals(List.of(true), powerGoodEdges());
        assertEquals(List.of("power-enable"), resetCauses(), "power-on reset");
        assertTrue(nacks(), "MgmtInit after power-on");
        assertTrue(millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit") > 0);
        assertEquals(List.of(true), intLEdges(), "ModuleStateChangedFlag after MgmtInit");
        assertEquals(0, host.readByte(31), "volatile state lost");
        millisUntil(() -> state() == READY, pwrUpMax(), "ModuleReady");
    }

    @Test
    void losingPowerWithoutAnInterruptPushesNoIntLEdge() {
        bootToReady();
        clearAllFlags();
        assertFalse(intLAsserted());
        events.clear();
        cage.writePin(Pin.POWER_ENABLE, false);
        assertTrue(nacks());
        assertEquals(List.of(), intLEdges(), "IntL was high and stays high");
    }

    @Test
    void aFaultIsLeftOnlyByAReset() {
        bootToReady();
        module.inject(new Fault.FirmwareFault());
        assertEquals(FAULT, state());
        assertAllLanes(1);
        host.write(26, BYTE_26_DEFAULT | 0x10);
        host.write(26, BYTE_26_DEFAULT);
        advance(2000);
        assertEquals(FAULT, state(), "low-power requests do not leave ModuleFault");
        host.write(26, 0x08);
        millisUntil(() -> !nacks(), HOST_MGMT_INIT_WAIT_MS, "end of MgmtInit");
        millisUntil(() -> state() == READY, pwrUpMax(), "ModuleReady");
    }

    // ------------------------------------------------------------------ ModuleStateChangedFlag, masks, IntL

    @Test
    void moduleStateChangedFlagStaysLatchedUntilReadAndIntLFollowsItsMask() {
        bootToReady();
        maskAllLaneFlags();
        clearAllFlags();
        assertFalse(intLAsserted());
        assertEquals(1, host.get(LowerPage.INTERRUPT_DEASSERTED));

        host.write(31, 0x01);                           // ModuleStateChangedMask
        events.clear();
        host.write(26, BYTE_26_DEFAULT | 0x10);         // Ready -> PwrDn -> LowPwr
        advance(pwrDnMax());
        assertEquals(LOW_PWR, state());
        assertFalse(intLAsserted(), "masked: no interrupt");
        assertEquals(1, host.get(LowerPage.INTERRUPT_DEASSERTED));
        assertTrue(intLEdges().isEmpty());

        host.write(31, 0x00);                           // unmask while the flag is still latched
        assertTrue(intLAsserted(), "unmasking a latched flag asserts IntL");
        assertEquals(0, host.get(LowerPage.INTERRUPT_DEASSERTED));
        assertEquals(List.of(true), intLEdges());

        host.write(26, BYTE_26_DEFAULT);                // LowPwr -> PwrUp -> Ready: more changes, one latch
        advance(pwrUpMax());
        assertEquals(READY, state());
        assertEquals(List.of(true), intLEdges(), "IntL stays asserted, no extra edges");

        assertEquals(1, host.readByte(8) & 1);
        assertFalse(intLAsserted());
        assertEquals(List.of(true, false), intLEdges());
        assertEquals(0, host.readByte(8) & 1, "clear on read");
    }
}
