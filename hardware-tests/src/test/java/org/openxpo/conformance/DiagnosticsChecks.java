package org.openxpo.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.diag.DiagCapabilities;
import org.openxpo.driver.diag.DiagSide;
import org.openxpo.driver.diag.Diagnostics;
import org.openxpo.driver.diag.PrbsResult;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.PrbsPattern;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The diagnostics pages 13h/14h as a bring-up host uses them, through the driver's {@link Diagnostics}: what 13h
 * advertises, loopback enables as lane masks in every bank, PRBS runs that lock only where a loopback brings the
 * generator's pattern to the checker, and (emulator-only) the faults a PRBS run must reveal: injected errors and a
 * checker that cannot lock.
 */
abstract class DiagnosticsChecks extends Checks {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final BitSet ALL = LaneSets.range(1, Lanes.COUNT);

    private Diagnostics diag() { return new Diagnostics(host.access()); }

    @AfterEach
    void stopEverything() {
        Diagnostics d = diag();
        d.clearLoopbacks(ALL);
        d.stopPrbs(DiagSide.HOST, ALL);
        d.stopPrbs(DiagSide.MEDIA, ALL);
        if (t.emulated()) for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        host.clearFlags();
    }

    @Test
    void theDiagnosticsPagesAreAdvertisedWithEveryLoopbackAndTheProfilesPatterns() {
        assertEquals(1, host.get(AdminPages.DIAG_PAGES_SUPPORTED), "01h:142 bit 5");
        DiagCapabilities caps = diag().capabilities();
        assertEquals(Set.of(Loopback.values()), caps.loopbacks());
        assertTrue(caps.perLaneHostLoopback() && caps.perLaneMediaLoopback(), caps.toString());
        for (var e : caps.patterns().entrySet()) {
            assertTrue(e.getValue().containsAll(Set.of(PrbsPattern.PRBS31Q, PrbsPattern.PRBS13Q, PrbsPattern.SSPRQ)),
                e.getKey() + ": " + e.getValue());
        }
        assertTrue(caps.berReporting() && caps.snrHost() && caps.snrMedia(), caps.toString());
    }

    @Test
    void loopbackEnablesAreLaneMasksOfTheirOwnBankInAll8Banks() {
        Diagnostics d = diag();
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            int first = Lanes.firstLane(bank);
            d.setLoopback(Loopback.HOST_INPUT, LaneSets.range(first + 2, first + 3), true);
            for (int b = 0; b < Lanes.BANKS; b++) {
                assertEquals(b == bank ? 0b0000_1100 : 0, host.laneBits(DiagnosticsPages.HOST_INPUT_LOOPBACK_ENABLE, b),
                    "13h:183 of bank " + b + " after setting lanes " + (first + 2) + "-" + (first + 3));
            }
            d.clearLoopbacks(ALL);
        }
    }

    @Test
    void aHostRunLocksOnAll64LanesThroughTheHostOutputLoopback() {
        Diagnostics d = diag();
        d.setLoopback(Loopback.HOST_OUTPUT, ALL, true);
        d.startPrbs(DiagSide.HOST, PrbsPattern.PRBS31Q, ALL, true, true);
        d.resetCounters(ALL);
        d.results(DiagSide.HOST, ALL);   // what latched while the run started
        host.await("a locked host run with a BER below 1e-6 on every lane", SETTLE, () -> d.results(DiagSide.HOST, ALL),
            rs -> rs.stream().allMatch(r -> r.locked() && r.ber() != null && r.ber() < 1e-6), Object::toString);
    }

    @Test
    void aMediaCheckerWithoutItsPatternLosesLockAndTheLoopbackBringsItBack() {
        Diagnostics d = diag();
        BitSet bank2 = LaneSets.range(17, 24);
        d.startPrbs(DiagSide.MEDIA, PrbsPattern.PRBS13Q, bank2, true, true);
        d.results(DiagSide.MEDIA, bank2);
        host.await("loss of lock without a media output loopback", SETTLE, () -> d.results(DiagSide.MEDIA, bank2),
            rs -> rs.stream().noneMatch(PrbsResult::locked), Object::toString);
        d.setLoopback(Loopback.MEDIA_OUTPUT, bank2, true);
        d.results(DiagSide.MEDIA, bank2);
        host.await("lock through the media output loopback", SETTLE, () -> d.results(DiagSide.MEDIA, bank2),
            rs -> rs.stream().allMatch(PrbsResult::locked), Object::toString);
    }

    @Test
    @Tag(TargetConditions.EMULATOR_ONLY)
    void injectedErrorsAndACheckerThatCannotLockAreSeenByAMediaRun() {
        Diagnostics d = diag();
        BitSet lanes = LaneSets.range(41, 42);
        d.setLoopback(Loopback.MEDIA_OUTPUT, lanes, true);
        d.startPrbs(DiagSide.MEDIA, PrbsPattern.SSPRQ, lanes, true, true);
        t.module().inject(new Fault.InjectedBer(Set.of(41), true, 1e-3));
        t.module().inject(new Fault.PrbsCheckerLossOfLock(Set.of(42), true));
        d.resetCounters(lanes);
        d.results(DiagSide.MEDIA, lanes);
        List<PrbsResult> r = host.await("lane 41 locked with errors, lane 42 unlocked", SETTLE,
            () -> d.results(DiagSide.MEDIA, lanes), rs -> rs.get(0).locked() && rs.get(0).ber() != null
                && rs.get(0).ber() > 5e-4 && !rs.get(1).locked(), Object::toString);
        assertTrue(r.get(0).ber() < 5e-3, "the injected 1e-3 on top of a clean looped link: " + r.get(0));
    }
}
