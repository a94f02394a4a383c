package org.openxpo.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.Host.Durations;
import org.openxpo.conformance.support.Host;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * The module state machine driven the two ways a host can: through the sideband pins (ResetL, LPMode, PowerEnable)
 * and through software (SoftwareReset, LowPwrRequestSW), each transition within the module's advertised duration
 * (01h:167 ModulePwrUp/PwrDn, 01h:144 DPInit/DPDeinit) plus the host allowance, and MgmtInit within the 2 s hosts
 * give it.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
abstract class ModuleStateChecks extends Checks {

    @AfterEach
    void backToReady() {
        if (t.wired(Pin.LP_MODE)) t.transport().writePin(Pin.LP_MODE, false);
        if (t.wired(Pin.RESET_L)) t.transport().writePin(Pin.RESET_L, true);
        if (t.wired(Pin.POWER_ENABLE)) t.transport().writePin(Pin.POWER_ENABLE, true);
        boolean ready;
        try {
            ready = host.state() == ModuleState.READY && host.dataPathSummary().isEmpty()
                && host.get(LowerPage.LOW_PWR_REQUEST_SW) == 0;
        } catch (RuntimeException e) {
            ready = false;
        }
        if (!ready) host.resetToReady();
        host.clearFlags();
    }

    @Test
    void softwareResetBringsTheModuleBackWithinMgmtInitAndPwrUp() {
        host.markVolatile();
        host.set(LowerPage.SOFTWARE_RESET, 1);
        host.access().invalidate();
        ModuleState s = host.awaitBootedAfterReset("SoftwareReset");
        assertTrue(s == ModuleState.LOW_PWR || s == ModuleState.READY);
        host.resetToReady();
    }

    @Test
    void resetRestoresTheVolatileRegisters() {
        host.write(Pages.LOWER_MEMORY, 0, 31, 0x07);                    // module flag masks
        host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 2, 0xFF);   // a lane mask in bank 2
        host.setLaneBits(LaneControlPage.INPUT_POLARITY_FLIP_TX, 5, 0x0F);  // a lane control in bank 5
        host.resetToReady();
        assertEquals(0, host.u8(Pages.LOWER_MEMORY, 0, 31), "00h:31 masks must be 0 after a reset");
        assertEquals(0, host.laneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 2), "10h:213 bank 2 must be 0 after a reset");
        assertEquals(0, host.laneBits(LaneControlPage.INPUT_POLARITY_FLIP_TX, 5), "10h:129 bank 5 must be 0 after a reset");
        int b26 = host.u8(Pages.LOWER_MEMORY, 0, 26);
        if (t.wired(Pin.LP_MODE)) {
            assertEquals(0x40, b26 & 0xF8, String.format("00h:26 = 0x%02X after reset; CMIS default: only "
                + "LowPwrAllowRequestHW (bit 6) set", b26));
        }
        for (int b = 0; b < BANKS; b++) {
            byte[] staged = host.read(Pages.LANE_CONTROL, b, 145, 8), active = host.read(Pages.LANE_STATUS, b, 206, 8);
            assertArrayEquals(active, staged, "bank " + b + ": the staged set (10h:145) must equal the active set "
                + "(11h:206) after a reset: " + hex(staged) + " vs " + hex(active));
        }
    }

    @Test
    void resetLHeldLowKeepsTheModuleSilentUntilReleased() {
        assumeWired(Pin.RESET_L);
        host.markVolatile();
        t.transport().writePin(Pin.RESET_L, false);
        try {
            for (int i = 0; i < 5; i++) {
                List<I2cResult> r = t.transport().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, (byte) 3), I2cMessage.read(ManagementInterface.I2C_ADDRESS, 1)));
                assertFalse(r.get(0).ok() && r.get(1).ok(), "the module answered while ResetL was held low");
                Host.sleep(Duration.ofMillis(10));
            }
            if (t.wired(Pin.MOD_PRS_L)) assertFalse(t.transport().readPin(Pin.MOD_PRS_L), "ModPrsL must stay low in reset");
        } finally {
            t.transport().writePin(Pin.RESET_L, true);
        }
        host.access().invalidate();
        host.awaitBootedAfterReset("ResetL release");
        host.resetToReady();
    }

    @Test
    void lowPowerRequestInSoftwarePowersDownWithinPwrDn() {
        Durations d = host.durations();
        host.clearFlags();
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 1);
        host.await("ModuleLowPwr after LowPwrRequestSW within ModulePwrDn + DPDeinit (" + (d.modulePwrDn().toMillis()
                + d.dpDeinit().toMillis()) + " ms advertised)", host.limit(d.modulePwrDn(), d.dpDeinit()),
            host::state, s -> s == ModuleState.LOW_PWR, Host::name);
        for (int b = 0; b < BANKS; b++) {
            DataPathState[] s = host.dpStates(b);
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                assertEquals(DataPathState.DEACTIVATED, s[i], "lane " + (Lanes.lane(b, i)) + " in ModuleLowPwr: " + names(s));
            }
        }
        assertEquals(1, host.get(LowerPage.MODULE_STATE_CHANGED_FLAG), "00h:8.0 ModuleStateChangedFlag must latch");
        assertEquals(0, host.get(LowerPage.MODULE_STATE_CHANGED_FLAG), "and clear when read");
    }

    @Test
    void releasingLowPowerInSoftwarePowersUpWithinPwrUp() {
        Durations d = host.durations();
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 1);
        host.await("ModuleLowPwr", host.limit(d.modulePwrDn(), d.dpDeinit()), host::state, s -> s == ModuleState.LOW_PWR,
            Host::name);
        host.clearFlags();
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 0);
        host.await("ModuleReady after LowPwrRequestSW is cleared, within ModulePwrUp (" + d.modulePwrUp().toMillis()
            + " ms advertised)", host.limit(d.modulePwrUp()), host::state, s -> s == ModuleState.READY, Host::name);
        host.awaitDataPathsActivated(host.limit(d.dpInit(), d.txTurnOn()));
        assertEquals(1, host.get(LowerPage.MODULE_STATE_CHANGED_FLAG), "00h:8.0 must latch on the way to ModuleReady");
    }

    @Test
    void lpModePinRequestsLowPowerWhenAllowed() {
        assumeWired(Pin.LP_MODE);
        Durations d = host.durations();
        assertEquals(1, host.get(LowerPage.LOW_PWR_ALLOW_REQUEST_HW), "00h:26.6 LowPwrAllowRequestHW defaults to 1");
        t.transport().writePin(Pin.LP_MODE, true);
        host.await("ModuleLowPwr after LPMode high", host.limit(d.modulePwrDn(), d.dpDeinit()), host::state,
            s -> s == ModuleState.LOW_PWR, Host::name);
        t.transport().writePin(Pin.LP_MODE, false);
        host.await("ModuleReady after LPMode low", host.limit(d.modulePwrUp()), host::state, s -> s == ModuleState.READY,
            Host::name);
        host.awaitDataPathsActivated(host.limit(d.dpInit(), d.txTurnOn()));
    }

    @Test
    void lpModePinIsIgnoredWhenHardwareRequestsAreNotAllowed() {
        assumeWired(Pin.LP_MODE);
        Durations d = host.durations();
        host.set(LowerPage.LOW_PWR_ALLOW_REQUEST_HW, 0);
        t.transport().writePin(Pin.LP_MODE, true);
        Host.sleep(host.quietWindow(d.modulePwrDn(), d.dpDeinit()));
        assertEquals(ModuleState.READY, host.state(), "with LowPwrAllowRequestHW = 0 the LPMode pin must be ignored");
        host.set(LowerPage.LOW_PWR_ALLOW_REQUEST_HW, 1);
        host.await("ModuleLowPwr once LowPwrAllowRequestHW is set again with LPMode high",
            host.limit(d.modulePwrDn(), d.dpDeinit()), host::state, s -> s == ModuleState.LOW_PWR, Host::name);
    }

    @Test
    void moduleIsPresentOnModPrsL() {
        assumeWired(Pin.MOD_PRS_L);
        assertFalse(t.transport().readPin(Pin.MOD_PRS_L), "ModPrsL must be low while a module is plugged in");
    }

    @Test
    void powerGoodPinAndRegisterAgree() {
        assertEquals(1, host.get(XpoPages.POWER_GOOD), "B0h:151.0 PowerGood: the 50 V input must be within 40-60 V");
        if (t.wired(Pin.POWER_GOOD)) assertTrue(t.transport().readPin(Pin.POWER_GOOD), "the PowerGood pin must be high");
    }

    @Test
    void powerEnableLowRemovesPowerAndHighBootsTheModule() {
        assumeWired(Pin.POWER_ENABLE);
        host.markVolatile();
        t.transport().writePin(Pin.POWER_ENABLE, false);
        try {
            host.await("the module to stop answering without power", Duration.ofSeconds(1), () -> {
                List<I2cResult> r = t.transport().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, (byte) 3), I2cMessage.read(ManagementInterface.I2C_ADDRESS, 1)));
                return r.get(0).ok() && r.get(1).ok();
            }, ok -> !ok, ok -> ok ? "still answering" : "silent");
            if (t.wired(Pin.POWER_GOOD)) {
                host.await("PowerGood low without power", Duration.ofSeconds(1), () -> t.transport().readPin(Pin.POWER_GOOD),
                    high -> !high, high -> high ? "high" : "low");
            }
        } finally {
            t.transport().writePin(Pin.POWER_ENABLE, true);
        }
        host.access().invalidate();
        host.awaitBootedAfterReset("power-on");
        host.resetToReady();
        assertEquals(1, host.get(XpoPages.POWER_GOOD), "PowerGood after power returns");
    }
}
