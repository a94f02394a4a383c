package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.XpoPages;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * IntL, InterruptDeasserted and the flag summaries: a latched flag asserts the interrupt unless its mask bit is set
 * (lower-page masks 00h:31–34, lane masks 10h:213–232, XPO masks B0h:168–173); a masked flag still latches and still
 * shows in the summaries; reading the flag releases IntL.
 */
class InterruptsTest extends ModuleFixture {

    boolean intLHigh() { return cage.readPin(Pin.INT_L); }

    void quiet() {
        bootToReady();
        clearAllFlags();
        events.clear();
        assertTrue(intLHigh());
    }

    @Test
    void aLatchedFlagPullsIntLUntilTheHostReadsIt() {
        quiet();
        ActiveFault f = module.inject(new Fault.CdrLossOfLock(Set.of(2), true));
        advance(100);
        assertFalse(intLHigh());
        assertEquals(0, host.readByte(3) & 1, "InterruptDeasserted = 0");
        assertEquals(List.of(true), intLEdges(), "one falling edge pushed");
        module.clearFault(f.id());
        host.select(0x11, 0);
        assertEquals(0b10, host.readByte(148), "CdrLolFlagRx: lane 2 is bit 1 of 11h:148");
        assertTrue(intLHigh(), "reading the flag released IntL");
        assertEquals(1, host.readByte(3) & 1);
        assertEquals(List.of(true, false), intLEdges());
        assertEquals(0, host.readByte(4), "summary cleared with the flag");
    }

    @Test
    void flagsSummaryPointsAtTheBankOfEveryLane() {
        quiet();
        module.inject(new Fault.CdrLossOfLock(Set.of(1, 17, 41, 64), false));   // banks 0, 2, 5, 7
        advance(100);
        assertArrayEquals(new byte[] {1, 0, 1, 0}, host.read(4, 4), "FlagsSummaryBank0..3 (00h:4-7) bit 0");
        assertEquals(0b1010_0000, host.readByte(13) & 0xF0, "banks 5 and 7 in 00h:13 bits 7-4");
        assertEquals(0b1010, host.get(LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7));
    }

    @Test
    void aLaneMaskKeepsIntLHighWhileTheFlagStillLatches() {
        quiet();
        host.select(0x10, 1);
        host.write(227, 0b10);   // CdrLolMaskRx, lane 10 = bank 1 bit 1
        module.inject(new Fault.CdrLossOfLock(Set.of(10), true));
        advance(500);
        assertTrue(intLHigh(), "masked");
        assertEquals(1, host.readByte(3) & 1, "InterruptDeasserted stays 1");
        assertTrue(intLEdges().isEmpty(), "no edge pushed");
        assertEquals(1, host.readByte(5) & 1, "the summary still shows bank 1");
        assertEquals(1, host.lane(LaneStatusPage.CDR_LOL_FLAG_RX, 10), "the flag latched");

        module.inject(new Fault.CdrLossOfLock(Set.of(11), true));   // bit 2 of the same byte is not masked
        advance(100);
        assertFalse(intLHigh(), "an unmasked lane still interrupts");
    }

    @Test
    void unmaskingALatchedFlagAssertsIntLAtOnce() {
        quiet();
        host.select(0xB0, 0);
        host.write(170, 0xF0);   // CoolantFlowMasks (B0h:170 bits 7-4)
        module.inject(new Fault.CoolantFlow(0.2));
        advance(150);
        assertTrue(intLHigh(), "XPO mask");
        assertTrue(intLEdges().isEmpty());
        assertEquals(0b10, host.readByte(13) & 0b10, "XpoCoolingFlagsSummary still set");

        host.select(0xB0, 0);
        host.write(170, 0x00);
        assertFalse(intLHigh(), "the flag was latched all along");
        assertEquals(List.of(true), intLEdges());
        assertEquals(0b1010, host.get(XpoPages.Monitor.COOLANT_FLOW.flags()), "low alarm and low warning");
    }

    @Test
    void aLowerPageMaskKeepsIntLHigh() {
        cage.writePin(Pin.LP_MODE, true);                  // the module stops in ModuleLowPwr
        advance(1000);
        assertEquals(1, host.moduleState());
        host.write(26, 0xC0);                              // BankBroadcastEnable + LowPwrAllowRequestHW
        host.select(0x10, 0);
        host.write(128, 0xFF);                             // DPDeinit on every lane of every bank
        host.select(0, 0);
        host.write(26, 0x40);
        host.write(31, 0x01);                              // ModuleStateChangedMask
        clearAllFlags();
        events.clear();

        cage.writePin(Pin.LP_MODE, false);                 // LowPwr -> PwrUp -> Ready
        advance(1000);
        assertEquals(3, host.moduleState());
        assertTrue(intLHigh(), "masked");
        assertTrue(intLEdges().isEmpty());
        assertEquals(1, host.readByte(8) & 1, "ModuleStateChangedFlag latched");
        for (int b = 0; b < 8; b++) assertEquals(1, host.get(LaneStatusPage.DP_STATE, b, 0),
            "lanes held deinitialized");

        host.write(31, 0x00);
        host.write(26, 0x50);                              // LowPwrRequestSW: back to low power, unmasked
        advance(500);
        assertFalse(intLHigh(), "the next state change interrupts");
    }

    @Test
    void anXpoMaskLeavesOtherXpoFlagsUnmasked() {
        quiet();
        host.select(0xB0, 0);
        host.write(173, 0x10);   // LeakMask only
        module.inject(new Fault.LeakSensorFault());
        advance(100);
        assertFalse(intLHigh(), "LeakSensorFaultFlag is not masked");
        assertEquals(0b100, host.readByte(13) & 0b100, "XpoLeakSummary");
    }
}
