package org.openxpo.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxpo.conformance.support.Host;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * Latched flags, masks, flag summaries and IntL, with a flag every module can be made to raise without a fault:
 * turning a bank's transmitters off and on changes the state of its data paths, which latches DPStateChangedFlag
 * (11h:134) on those lanes. Checks that need the IntL pin skip when it is not wired.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
abstract class InterruptChecks extends Checks {
    /** How long IntL may lag the register that caused it (GPIO debounce, event delivery). */
    private static final Duration PIN_LAG = Duration.ofMillis(500);

    @BeforeEach
    void quiet() {
        host.awaitQuiet(Duration.ofMillis(50), Duration.ofSeconds(3));
        assertFalse(host.interruptAsserted(), () -> "no flag may be latched before the check; summaries "
            + java.util.Arrays.toString(host.summaries()));
    }

    @AfterEach
    void unmaskAndClear() {
        for (int b = 0; b < BANKS; b++) host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, b, 0);
        host.write(Pages.LOWER_MEMORY, 0, 31, 0);
        host.clearFlags();
    }

    @Test
    void latchedFlagIsClearedByReadingIt() {
        host.cycleTx(0);
        int flags = host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, 0);
        assertEquals(0xFF, flags, String.format("11h:134 bank 0 must show DPStateChangedFlag on all 8 lanes, read 0x%02X", flags));
        assertEquals(0, host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, 0), "a second read must find the flag cleared");
    }

    @Test
    void interruptDeassertedBitFollowsTheFlags() {
        assertEquals(1, host.get(LowerPage.INTERRUPT_DEASSERTED), "00h:3.0 must be 1 with no flag latched");
        host.cycleTx(1);
        assertEquals(0, host.get(LowerPage.INTERRUPT_DEASSERTED), "00h:3.0 must be 0 while an unmasked flag is latched");
        host.read(Pages.LANE_STATUS, 1, 134, 20);
        assertEquals(1, host.get(LowerPage.INTERRUPT_DEASSERTED), "00h:3.0 must return to 1 once the flags are read");
    }

    @Test
    void intLPinIsLowWhileAFlagIsLatched() {
        assumeWired(Pin.INT_L);
        assertFalse(host.intLLow(), "IntL must be high with no flag latched");
        host.cycleTx(2);
        host.await("IntL low after DPStateChangedFlag latched", PIN_LAG, host::intLLow, low -> low,
            low -> low ? "low" : "high");
        host.read(Pages.LANE_STATUS, 2, 134, 20);
        host.await("IntL high after the flags were read", PIN_LAG, host::intLLow, low -> !low,
            low -> low ? "low" : "high");
    }

    @Test
    void intLEdgesReachTheHostAsEvents() {
        assumeInterruptEvents();
        try (Host.Events<TargetEvent.IntL> edges = host.record(TargetEvent.IntL.class)) {
            host.cycleTx(3);
            host.await("an IntL asserted event", PIN_LAG, edges::list,
                l -> l.stream().anyMatch(TargetEvent.IntL::asserted), Object::toString);
            host.read(Pages.LANE_STATUS, 3, 134, 20);
            host.await("an IntL released event after the flags were read", PIN_LAG, edges::list,
                l -> !l.isEmpty() && !l.getLast().asserted(), Object::toString);
        }
    }

    @Test
    void maskedFlagLatchesWithoutAssertingTheInterrupt() {
        host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 4, 0xFF);
        host.cycleTx(4);
        assertFalse(host.interruptAsserted(), "a masked flag must not assert the interrupt (00h:3.0)");
        if (t.wired(Pin.INT_L)) assertFalse(host.intLLow(), "a masked flag must not pull IntL low");
        assertTrue(host.bankSummary(4), "the summary must still show the masked flag (00h:13 bit 4)");
        assertEquals(0xFF, host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, 4), "the masked flag must still latch and read");
    }

    @Test
    void unmaskingALatchedFlagAssertsTheInterrupt() {
        host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 5, 0xFF);
        host.cycleTx(5);
        assertFalse(host.interruptAsserted(), "masked: no interrupt");
        host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 5, 0x00);
        assertTrue(host.interruptAsserted(), "unmasking a latched flag must assert the interrupt at once (00h:3.0)");
        if (t.wired(Pin.INT_L)) {
            host.await("IntL low after unmasking", PIN_LAG, host::intLLow, low -> low, low -> low ? "low" : "high");
        }
    }

    @Test
    void maskingALatchedFlagReleasesTheInterrupt() {
        host.cycleTx(6);
        assertTrue(host.interruptAsserted(), "unmasked flag: interrupt asserted");
        host.setLaneBits(LaneControlPage.DP_STATE_CHANGED_MASK, 6, 0xFF);
        assertFalse(host.interruptAsserted(), "masking the latched flag must release the interrupt (00h:3.0)");
        if (t.wired(Pin.INT_L)) {
            host.await("IntL high after masking", PIN_LAG, host::intLLow, low -> !low, low -> low ? "low" : "high");
        }
        assertEquals(0xFF, host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, 6), "the flag stays latched under the mask");
    }

    @Test
    void readingOneBankClearsOnlyThatBanksFlags() {
        host.cycleTx(0);
        host.cycleTx(7);
        assertTrue(host.bankSummary(0) && host.bankSummary(7), "summaries of banks 0 and 7 set");
        host.read(Pages.LANE_STATUS, 0, 134, 20);
        assertFalse(host.bankSummary(0), "bank 0 summary clears after its flags were read");
        assertTrue(host.bankSummary(7), "bank 7's flags were not read: its summary must stay set");
        assertTrue(host.interruptAsserted(), "bank 7's flag keeps the interrupt asserted");
    }

    @Test
    void moduleFlagMaskStopsModuleStateChangedFromAssertingTheInterrupt() {
        host.write(Pages.LOWER_MEMORY, 0, 31, 0x01);  // ModuleStateChangedMask
        Host.Durations d = host.durations();
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 1);
        host.await("ModuleLowPwr", host.limit(d.modulePwrDn(), d.dpDeinit()), host::state,
            s -> s == org.openxpo.protocol.types.ModuleState.LOW_PWR, Host::name);
        // the data paths went down too: their flags are not masked, read them away
        for (int b = 0; b < BANKS; b++) host.read(Pages.LANE_STATUS, b, 134, 20);
        assertFalse(host.interruptAsserted(), "a masked ModuleStateChangedFlag must not assert the interrupt");
        assertEquals(1, host.u8(Pages.LOWER_MEMORY, 0, 8) & 1, "00h:8.0 must still latch under its mask");
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 0);
        host.await("ModuleReady", host.limit(d.modulePwrUp()), host::state,
            s -> s == org.openxpo.protocol.types.ModuleState.READY, Host::name);
        host.awaitDataPathsActivated(host.limit(d.dpInit(), d.txTurnOn()));
    }

    static IntStream banks() { return IntStream.range(0, BANKS); }

    @ParameterizedTest(name = "bank {0}")
    @MethodSource("banks")
    void flagSummaryPointsAtTheBankWithTheFlag(int bank) {
        Host.Durations d = host.durations();
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0xFF);
        host.awaitBank(bank, 0xFF, org.openxpo.protocol.types.DataPathState.INITIALIZED, host.limit(d.txTurnOff()), "Tx disabled");
        for (int b = 0; b < BANKS; b++) {
            assertEquals(b == bank, host.bankSummary(b), "flag summary of bank " + b + " (00h:" + (b < 4 ? 4 + b : 13)
                + ") with a flag latched in bank " + bank + " only; summaries " + java.util.Arrays.toString(host.summaries()));
        }
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0x00);
        host.awaitBank(bank, 0xFF, org.openxpo.protocol.types.DataPathState.ACTIVATED, host.limit(d.txTurnOn()), "Tx enabled");
        assertNotEquals(0, host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "the flag behind the summary");
        host.read(Pages.LANE_STATUS, bank, 134, 20);
        assertFalse(host.bankSummary(bank), "the summary of bank " + bank + " must clear once its flags were read");
    }
}
