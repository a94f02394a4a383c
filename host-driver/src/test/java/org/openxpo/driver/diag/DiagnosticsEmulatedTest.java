package org.openxpo.driver.diag;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.types.PrbsPattern;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The diagnostics API against the emulated XPO module: loopbacks really carry the pattern, faults show in the results. */
class DiagnosticsEmulatedTest {

    @Test
    void aHostRunLocksThroughTheHostOutputLoopbackAndAMediaCheckerAloneDoesNot() {
        try (EmulatedModule em = EmulatedModule.ready(); XpoModuleClient client = em.client()) {
            Diagnostics d = new Diagnostics(client.access());
            DiagCapabilities caps = d.capabilities();
            assertTrue(caps.patterns().values().stream().allMatch(p -> p.containsAll(
                Set.of(PrbsPattern.PRBS31Q, PrbsPattern.PRBS13Q, PrbsPattern.SSPRQ))), caps.toString());

            d.setLoopback(Loopback.HOST_OUTPUT, LaneSets.range(1, 8), true);
            d.startPrbs(DiagSide.HOST, PrbsPattern.PRBS31Q, LaneSets.range(1, 8), true, true);
            d.startPrbs(DiagSide.MEDIA, PrbsPattern.PRBS31Q, LaneSets.range(9, 9), false, true);
            d.resetCounters(LaneSets.range(1, 9));
            d.results(DiagSide.MEDIA, LaneSets.range(9, 9));   // clears what latched before the run settled
            d.results(DiagSide.HOST, LaneSets.range(1, 8));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                List<PrbsResult> host = d.results(DiagSide.HOST, LaneSets.range(1, 8));
                assertTrue(host.stream().allMatch(PrbsResult::locked), host.toString());
                assertTrue(host.stream().allMatch(r -> r.ber() != null && r.ber() < 1e-6), host.toString());
            });
            // loss of lock latches on every tick while it lasts (the read before cleared it): wait for the next
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PrbsResult alone = d.results(DiagSide.MEDIA, LaneSets.range(9, 9)).getFirst();
                assertFalse(alone.locked(), "the far end sends traffic, not the pattern: " + alone);
            });
        }
    }

    @Test
    void injectedErrorsShowInAMediaRunOverTheMediaOutputLoopback() {
        try (EmulatedModule em = EmulatedModule.ready(); XpoModuleClient client = em.client()) {
            Diagnostics d = new Diagnostics(client.access());
            d.setLoopback(Loopback.MEDIA_OUTPUT, LaneSets.range(12, 12), true);
            d.startPrbs(DiagSide.MEDIA, PrbsPattern.SSPRQ, LaneSets.range(12, 12), true, true);
            em.module().inject(new Fault.InjectedBer(Set.of(12), true, 1e-3));
            d.resetCounters(LaneSets.range(12, 12));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PrbsResult r = d.results(DiagSide.MEDIA, LaneSets.range(12, 12)).getFirst();
                assertEquals(PrbsPattern.SSPRQ, r.pattern());
                assertNotNull(r.ber());
                assertTrue(r.ber() > 5e-4 && r.ber() < 5e-3, r.toString());
                assertNotNull(r.snrDb(), "the module reports the media SNR");
            });
            d.clearLoopbacks(LaneSets.range(12, 12));
            assertTrue(d.loopbacks().values().stream().allMatch(java.util.BitSet::isEmpty));
        }
    }
}
