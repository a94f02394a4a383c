package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.DiagnosticsSelector;
import org.openxpo.protocol.types.GatingTime;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.PrbsPattern;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.protocol.map.DiagnosticsPages.*;

/**
 * Pages 13h/14h as a bench host drives them: PRBS generators and checkers lock or lose lock by what really reaches
 * them through the loopbacks, gating and counters, the results selector with its repopulation delay, BER/SNR moving
 * with the link and with injected faults, unsupported writes refused, on every bank.
 */
class LaneDiagnosticsTest extends ModuleFixture {
    static final int LANE = 12;   // bank 1, element 3
    static final int BANK = Lanes.bankOf(LANE), BIT = 1 << Lanes.indexInBank(LANE);

    void ready() {
        bootToReady();
        clearAllFlags();
    }

    /** Sets the engine's pattern on the lanes of {@code mask}, then enables it on them (what FBOSS does). */
    void start(PatternEngine engine, int bank, int mask, PrbsPattern pattern) {
        host.select(Pages.DIAGNOSTICS_FIRST, bank);
        int at = engine.pattern().offset();
        byte[] w = new byte[256];
        System.arraycopy(host.read(at, 4), 0, w, at, 4);
        for (int i = 0; i < Lanes.PER_BANK; i++) if ((mask & 1 << i) != 0) engine.pattern().set(w, i, pattern.code());
        host.write(at, w[at] & 0xFF, w[at + 1] & 0xFF, w[at + 2] & 0xFF, w[at + 3] & 0xFF);
        int enabled = host.readByte(engine.enable().offset());
        host.write(engine.enable().offset(), enabled | mask);
    }

    void loopback(Loopback l, int bank, int mask) {
        host.select(Pages.DIAGNOSTICS_FIRST, bank);
        host.write(l.enable().offset(), mask);
    }

    /** Reads (and so clears) a per-lane latched flag byte of 14h. */
    int flags(Field flag, int bank) {
        host.select(flag.page(), bank);
        return host.readByte(flag.offset());
    }

    /** Selects {@code s} on 14h of {@code bank}, waits the repopulation delay, returns the results area. */
    byte[] results(int bank, DiagnosticsSelector s) {
        host.select(DIAGNOSTICS_SELECTOR.page(), bank);
        host.write(DIAGNOSTICS_SELECTOR.offset(), s.code());
        advance(DiagnosticsSelector.REPOPULATION_MILLIS);
        return area(bank);
    }

    byte[] area(int bank) {
        host.select(DIAGNOSTICS_DATA.page(), bank);
        byte[] w = new byte[256];
        System.arraycopy(host.read(192, 64), 0, w, 192, 64);
        return w;
    }

    @Test
    void theModuleAdvertisesThePagesLoopbacksAndPatternsInEveryBank() {
        ready();
        assertEquals(1, host.get(AdminPages.DIAG_PAGES_SUPPORTED), "01h:142.5");
        for (int b = 0; b < Lanes.BANKS; b++) {
            host.select(Pages.DIAGNOSTICS_FIRST, b);
            byte[] caps = host.read(128, 12);
            assertEquals(0x3F, caps[0] & 0xFF, "bank " + b + ": four loopbacks, per lane, not simultaneous");
            assertEquals(0xFC, caps[1] & 0xFF, "bank " + b + ": gating (> 20 ms), gated and periodic results, per lane, auto-restart");
            assertEquals(0x33, caps[2] & 0xFF, "bank " + b + ": SNR both sides, counters, BER");
            assertEquals(0xAA, caps[3] & 0xFF, "bank " + b + ": pre-FEC engines on both sides");
            for (int k = 4; k < 12; k += 2) {
                assertEquals(0x41, caps[k] & 0xFF, "PRBS31Q and PRBS13Q");
                assertEquals(0x10, caps[k + 1] & 0xFF, "SSPRQ");
            }
        }
    }

    @Test
    void aMediaCheckerLocksOnTheMediaGeneratorOnlyThroughAMediaLoopback() {
        ready();
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS31Q);
        start(PatternEngine.MEDIA_CHECKER, BANK, BIT, PrbsPattern.PRBS31Q);
        advance(500);
        assertEquals(BIT, flags(MEDIA_CHECKER_LOL_FLAG, BANK), "the far end sends traffic, not the pattern");
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        flags(MEDIA_CHECKER_LOL_FLAG, BANK);
        advance(500);
        assertEquals(0, flags(MEDIA_CHECKER_LOL_FLAG, BANK), "locked through the loopback");
        assertTrue(module.inLoopback(LANE));
        assertFalse(module.inLoopback(LANE + 1));
    }

    @Test
    void aCheckerWithTheWrongPatternOrNoGeneratorLosesLock() {
        ready();
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        start(PatternEngine.MEDIA_CHECKER, BANK, BIT, PrbsPattern.SSPRQ);
        advance(300);
        assertEquals(BIT, flags(MEDIA_CHECKER_LOL_FLAG, BANK), "a loopback without a generator carries the host's traffic");
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS13Q);
        flags(MEDIA_CHECKER_LOL_FLAG, BANK);
        advance(300);
        assertEquals(BIT, flags(MEDIA_CHECKER_LOL_FLAG, BANK), "PRBS13Q against an SSPRQ checker");
        double ber = MEDIA_BER.value(results(BANK, DiagnosticsSelector.BER), Lanes.indexInBank(LANE));
        assertEquals(0.5, ber, 0.01, "an unlocked checker counts random data");
    }

    @Test
    void loopbacksRerouteWhatTheHostAndTheFarEndReceive() {
        ready();
        assertEquals(LaneSignal.Origin.FAR_END, module.hostReceives(LANE).origin());
        loopback(Loopback.HOST_INPUT, BANK, BIT);
        assertEquals(LaneSignal.Origin.HOST, module.hostReceives(LANE).origin(), "the host sees its own signal");
        assertEquals(LaneSignal.Origin.HOST, module.farEndReceives(LANE).origin(), "the Tx path still runs");
        loopback(Loopback.HOST_INPUT, BANK, 0);
        loopback(Loopback.MEDIA_INPUT, BANK, BIT);
        assertEquals(LaneSignal.Origin.FAR_END, module.farEndReceives(LANE).origin(), "the far end sees its own signal");
        loopback(Loopback.MEDIA_INPUT, BANK, 0);
        start(PatternEngine.HOST_GENERATOR, BANK, BIT, PrbsPattern.PRBS13Q);
        assertEquals(new LaneSignal(LaneSignal.Origin.HOST_GENERATOR, PrbsPattern.PRBS13Q), module.hostReceives(LANE));
    }

    @Test
    void aHostOutputLoopbackLetsTheHostCheckerLockOnTheHostGenerator() {
        ready();
        start(PatternEngine.HOST_GENERATOR, BANK, BIT, PrbsPattern.PRBS13Q);
        start(PatternEngine.HOST_CHECKER, BANK, BIT, PrbsPattern.PRBS13Q);
        advance(300);
        assertEquals(BIT, flags(HOST_CHECKER_LOL_FLAG, BANK), "the host input carries the host's traffic");
        loopback(Loopback.HOST_OUTPUT, BANK, BIT);
        flags(HOST_CHECKER_LOL_FLAG, BANK);
        advance(300);
        assertEquals(0, flags(HOST_CHECKER_LOL_FLAG, BANK));
    }

    @Test
    void unsupportedPatternsLoopbacksGatingTimesAndSelectorsAreIgnored() {
        ready();
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS13Q);
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS31);   // not in the bitmap
        assertEquals(PrbsPattern.PRBS13Q.code(), host.lane(MEDIA_GENERATOR_PATTERN, LANE), "the previous pattern stays");
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        loopback(Loopback.HOST_INPUT, BANK, BIT | BIT << 1);
        assertEquals(BIT << 1, laneByte(HOST_INPUT_LOOPBACK_ENABLE),
            "a host loopback beside a media one on the same lane is refused; the next lane takes it");
        host.select(Pages.DIAGNOSTICS_FIRST, BANK);
        host.write(GATING_TIME.offset(), GatingTime.S10.code() << GATING_TIME.bit());
        host.write(GATING_TIME.offset(), GatingTime.CUSTOM_CODE << GATING_TIME.bit());
        assertEquals(GatingTime.S10.code(), host.get(GATING_TIME, BANK, 0));
        host.select(DIAGNOSTICS_SELECTOR.page(), BANK);
        host.write(DIAGNOSTICS_SELECTOR.offset(), DiagnosticsSelector.SNR.code());
        host.write(DIAGNOSTICS_SELECTOR.offset(), 0x11);
        assertEquals(DiagnosticsSelector.SNR.code(), host.get(DIAGNOSTICS_SELECTOR, BANK, 0));
    }

    int laneByte(Field f) {
        host.select(f.page(), BANK);
        return host.readByte(f.offset());
    }

    @Test
    void resultsAppearTheRepopulationDelayAfterTheSelectorIsWritten() {
        ready();
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS31Q);
        start(PatternEngine.MEDIA_CHECKER, BANK, BIT, PrbsPattern.PRBS31Q);
        advance(1000);
        host.select(DIAGNOSTICS_SELECTOR.page(), BANK);
        host.write(DIAGNOSTICS_SELECTOR.offset(), DiagnosticsSelector.BER.code());
        advance(DiagnosticsSelector.REPOPULATION_MILLIS - 1);
        assertEquals(0.0, MEDIA_BER.value(area(BANK), Lanes.indexInBank(LANE)), "not repopulated yet");
        advance(1);
        double ber = MEDIA_BER.value(area(BANK), Lanes.indexInBank(LANE));
        assertTrue(ber > 1e-9 && ber < 1e-5, "a healthy lane's pre-FEC BER, got " + ber);
        byte[] snr = results(BANK, DiagnosticsSelector.SNR);
        assertEquals(20.5, MEDIA_SNR.value(snr, Lanes.indexInBank(LANE)), 1.0, "media SNR of a nominal lane");
        assertEquals(LinkQuality.HOST_SNR_DB, HOST_SNR.value(snr, Lanes.indexInBank(LANE)), LinkQuality.HOST_SPREAD_DB + LinkQuality.NOISE_SNR_DB + 0.01);
    }

    @Test
    void gatingCompletesLatchesAndHoldsTheCountsUntilTheHostResetsThem() {
        ready();
        host.select(Pages.DIAGNOSTICS_FIRST, BANK);
        host.write(GATING_TIME.offset(), GatingTime.S5.code() << GATING_TIME.bit());
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS31Q);
        start(PatternEngine.MEDIA_CHECKER, BANK, BIT, PrbsPattern.PRBS31Q);
        advance(4000);
        assertEquals(0, flags(MEDIA_GATING_COMPLETE_FLAG, BANK));
        advance(1500);
        assertEquals(BIT, flags(MEDIA_GATING_COMPLETE_FLAG, BANK), "5 s gating completed");
        long counted = (long) MEDIA_BIT_COUNT.value(results(BANK, DiagnosticsSelector.MEDIA_BIT_COUNT), Lanes.indexInBank(LANE));
        assertEquals(5 * LaneDiagnostics.LANE_BITS_PER_S, counted, 0.03 * counted, "5 s at 212.5 Gb/s");
        advance(3000);
        assertEquals(counted, (long) MEDIA_BIT_COUNT.value(results(BANK, DiagnosticsSelector.MEDIA_BIT_COUNT), Lanes.indexInBank(LANE)),
            "a completed period holds its counts");
        host.select(Pages.DIAGNOSTICS_FIRST, BANK);
        int control = host.readByte(RESET_ERROR_INFORMATION.offset());
        host.write(RESET_ERROR_INFORMATION.offset(), control | 1 << RESET_ERROR_INFORMATION.bit());
        host.write(RESET_ERROR_INFORMATION.offset(), control);
        assertEquals(0, (long) MEDIA_BIT_COUNT.value(area(BANK), Lanes.indexInBank(LANE)), "ResetErrorInformation zeroes them");
    }

    @Test
    void berFollowsAnInjectedFaultAndACheckerLolFaultBreaksTheLock() {
        ready();
        loopback(Loopback.MEDIA_OUTPUT, BANK, BIT);
        start(PatternEngine.MEDIA_GENERATOR, BANK, BIT, PrbsPattern.PRBS31Q);
        start(PatternEngine.MEDIA_CHECKER, BANK, BIT, PrbsPattern.PRBS31Q);
        advance(1000);
        double healthy = MEDIA_BER.value(results(BANK, DiagnosticsSelector.BER), Lanes.indexInBank(LANE));
        ActiveFault injected = module.inject(new Fault.InjectedBer(Set.of(LANE), true, 1e-3));
        resetErrors(BANK);
        advance(1000);
        double degraded = MEDIA_BER.value(results(BANK, DiagnosticsSelector.BER), Lanes.indexInBank(LANE));
        assertEquals(1e-3, degraded, 1e-4, "injected BER on top of " + healthy);
        module.clearFault(injected.id());
        flags(MEDIA_CHECKER_LOL_FLAG, BANK);
        module.inject(new Fault.PrbsCheckerLossOfLock(Set.of(LANE), true));
        advance(300);
        assertEquals(BIT, flags(MEDIA_CHECKER_LOL_FLAG, BANK));
    }

    @Test
    void mediaSnrFallsToZeroWithoutLight() {
        ready();
        module.inject(new Fault.RxLossOfSignal(Set.of(LANE)));
        advance(1000);
        assertEquals(0.0, MEDIA_SNR.value(results(BANK, DiagnosticsSelector.SNR), Lanes.indexInBank(LANE)));
        assertTrue(MEDIA_SNR.value(area(BANK), Lanes.indexInBank(LANE) + 1) > 15, "the next lane still sees light");
    }

    @Test
    void everyBankRunsItsOwnLanes() {
        ready();
        for (int b = 0; b < Lanes.BANKS; b++) {
            int bit = 1 << (b % Lanes.PER_BANK);
            loopback(Loopback.MEDIA_OUTPUT, b, bit);
            start(PatternEngine.MEDIA_GENERATOR, b, bit, PrbsPattern.SSPRQ);
            start(PatternEngine.MEDIA_CHECKER, b, 0xFF, PrbsPattern.SSPRQ);
        }
        advance(300);
        assertEquals(0b1111_0000, host.readByte(13) & 0xF0, "banks 4–7 summarised in 00h:13");
        for (int b = 0; b < 4; b++) {
            assertEquals(LowerPage.SUMMARY_DIAGNOSTICS_FLAGS, host.readByte(4 + b), "FlagsSummaryBank" + b + " bit 2 alone");
        }
        for (int b = 0; b < Lanes.BANKS; b++) {
            int bit = 1 << (b % Lanes.PER_BANK);
            assertEquals(0xFF & ~bit, flags(MEDIA_CHECKER_LOL_FLAG, b), "bank " + b + ": only the looped lane locks");
        }
    }

    void resetErrors(int bank) {
        host.select(Pages.DIAGNOSTICS_FIRST, bank);
        int control = host.readByte(RESET_ERROR_INFORMATION.offset());
        host.write(RESET_ERROR_INFORMATION.offset(), control | 1 << RESET_ERROR_INFORMATION.bit());
        host.write(RESET_ERROR_INFORMATION.offset(), control);
    }
}
