package org.openxpo.driver.diag;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.PrbsPattern;
import org.openxpo.protocol.units.Codecs;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The diagnostics API against another maker's module: what its 13h advertises decides what may be asked. */
class DiagnosticsTest {
    private static final int UPPER = ManagementInterface.UPPER_PAGE_START;

    /** A 2-bank module with diagnostics: loopbacks per the given bits, PRBS31Q and SSPRQ on the media engines. */
    private static PlainCmisModule module(int loopbackCaps) {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 1).set(AdminPages.DIAG_PAGES_SUPPORTED, 0, 0, 1);
        m.page(Pages.DIAGNOSTICS_FIRST, 0)[DiagnosticsPages.MEDIA_OUTPUT_LOOPBACK_SUPPORTED.offset() - UPPER] = (byte) loopbackCaps;
        int patterns = PrbsPattern.bitmap(Set.of(PrbsPattern.PRBS31Q, PrbsPattern.SSPRQ));
        for (var f : List.of(DiagnosticsPages.MEDIA_GENERATOR_PATTERNS_SUPPORTED, DiagnosticsPages.MEDIA_CHECKER_PATTERNS_SUPPORTED)) {
            for (PrbsPattern p : PrbsPattern.fromBitmap(patterns)) m.set(f, 0, p.code(), 1);
        }
        m.set(DiagnosticsPages.BER_REPORTING_SUPPORTED, 0, 0, 1).set(DiagnosticsPages.MEDIA_SNR_REPORTING_SUPPORTED, 0, 0, 1);
        return m;
    }

    private static int byteOf(PlainCmisModule m, int bank, org.openxpo.protocol.map.Field f) {
        return m.page(f.page(), bank)[f.offset() - UPPER] & 0xFF;
    }

    @Test
    void aModuleWithoutDiagnosticsPagesRefusesEveryRequest() {
        PlainCmisModule m = new PlainCmisModule();
        Diagnostics d = new Diagnostics(new RegisterAccess(m));
        XpoException.Unsupported e = assertThrows(XpoException.Unsupported.class, d::capabilities);
        assertTrue(e.getMessage().contains("01h:142 DiagPagesSupported is 0"), e.getMessage());
        assertThrows(XpoException.Unsupported.class, () -> d.clearLoopbacks(LaneSets.range(1, 8)));
    }

    @Test
    void loopbacksAreSetLaneByLaneAndHostAndMediaNeverMixWithoutTheCapability() {
        PlainCmisModule m = module(0x3F);   // all four, per lane host and media, not simultaneous
        Diagnostics d = new Diagnostics(new RegisterAccess(m));
        d.setLoopback(Loopback.HOST_INPUT, LaneSets.range(1, 8), true);
        d.setLoopback(Loopback.HOST_INPUT, LaneSets.range(9, 12), true);
        assertEquals(0xFF, byteOf(m, 0, DiagnosticsPages.HOST_INPUT_LOOPBACK_ENABLE));
        assertEquals(0x0F, byteOf(m, 1, DiagnosticsPages.HOST_INPUT_LOOPBACK_ENABLE));
        assertEquals(LaneSets.range(1, 12), d.loopbacks().get(Loopback.HOST_INPUT));

        XpoException.WrongState mixed = assertThrows(XpoException.WrongState.class,
            () -> d.setLoopback(Loopback.MEDIA_OUTPUT, LaneSets.range(3, 3), true));
        assertTrue(mixed.getMessage().contains("host-input loopback is on on lanes 3"), mixed.getMessage());

        d.setLoopback(Loopback.HOST_INPUT, LaneSets.range(9, 10), false);
        assertEquals(0x0C, byteOf(m, 1, DiagnosticsPages.HOST_INPUT_LOOPBACK_ENABLE), "lanes 11-12 stay on");
        d.clearLoopbacks(LaneSets.range(1, 16));
        assertTrue(d.loopbacks().values().stream().allMatch(java.util.BitSet::isEmpty));
    }

    @Test
    void aHostThatKnowsTheAdvertisementReadsTheLoopbacksWithoutReadingItAgain() {
        PlainCmisModule m = module(0x3F);
        RegisterAccess access = new RegisterAccess(m);
        Diagnostics d = new Diagnostics(access);
        d.setLoopback(Loopback.MEDIA_INPUT, LaneSets.range(10, 10), true);
        AdvertisedPages pages = AdvertisedPages.read(access);

        long before = access.statistics().transfers();
        assertEquals(LaneSets.range(10, 10), d.loopbacks().get(Loopback.MEDIA_INPUT));
        long reading = access.statistics().transfers() - before;
        before = access.statistics().transfers();
        assertEquals(LaneSets.range(10, 10), d.loopbacks(pages).get(Loopback.MEDIA_INPUT));
        long knowing = access.statistics().transfers() - before;
        assertTrue(knowing < reading, "the advertisement is not read again: " + knowing + " transfers, not " + reading);

        RegisterAccess plain = new RegisterAccess(new PlainCmisModule());
        XpoException.Unsupported none = assertThrows(XpoException.Unsupported.class,
            () -> new Diagnostics(plain).loopbacks(AdvertisedPages.read(plain)));
        assertTrue(none.getMessage().contains("01h:142 DiagPagesSupported is 0"), none.getMessage());
    }

    @Test
    void unsupportedLoopbacksAndPartialBanksAreRefusedBeforeAnythingIsWritten() {
        PlainCmisModule m = module(0x13);   // media output, media input, per-lane host only
        Diagnostics d = new Diagnostics(new RegisterAccess(m));
        XpoException.Unsupported none = assertThrows(XpoException.Unsupported.class,
            () -> d.setLoopback(Loopback.HOST_INPUT, LaneSets.range(1, 8), true));
        assertTrue(none.getMessage().contains("does not support the host-input loopback"), none.getMessage());
        XpoException.Unsupported partial = assertThrows(XpoException.Unsupported.class,
            () -> d.setLoopback(Loopback.MEDIA_INPUT, LaneSets.range(1, 4), true));
        assertTrue(partial.getMessage().contains("give whole banks, such as 1-8"), partial.getMessage());
        assertEquals(0, byteOf(m, 0, DiagnosticsPages.MEDIA_INPUT_LOOPBACK_ENABLE));
        d.setLoopback(Loopback.MEDIA_INPUT, LaneSets.range(9, 16), true);
        assertEquals(0xFF, byteOf(m, 1, DiagnosticsPages.MEDIA_INPUT_LOOPBACK_ENABLE));
        assertThrows(XpoException.InvalidRequest.class, () -> d.clearLoopbacks(LaneSets.range(17, 17)),
            "the module has 16 lanes");
    }

    @Test
    void prbsStartsWithAnAdvertisedPatternAndResultsNeedARunningChecker() {
        PlainCmisModule m = module(0x3F);
        Diagnostics d = new Diagnostics(new RegisterAccess(m));
        XpoException.Unsupported p13 = assertThrows(XpoException.Unsupported.class,
            () -> d.startPrbs(DiagSide.MEDIA, PrbsPattern.PRBS13Q, LaneSets.range(1, 2), true, true));
        assertTrue(p13.getMessage().contains("supports PRBS31Q, SSPRQ"), p13.getMessage());
        assertThrows(XpoException.WrongState.class, () -> d.results(DiagSide.MEDIA, LaneSets.range(1, 2)));

        d.startPrbs(DiagSide.MEDIA, PrbsPattern.SSPRQ, LaneSets.range(1, 2), true, true);
        assertEquals(0x03, byteOf(m, 0, DiagnosticsPages.MEDIA_GENERATOR_ENABLE));
        assertEquals(0x03, byteOf(m, 0, DiagnosticsPages.MEDIA_CHECKER_ENABLE));
        assertEquals(PrbsPattern.SSPRQ.code() * 0x11, byteOf(m, 0, DiagnosticsPages.MEDIA_CHECKER_PATTERN),
            "lanes 1 and 2 share byte 172, a nibble each");

        byte[] results = m.page(Pages.DIAGNOSTICS_LAST, 0);
        int ber = Codecs.doubleToF16(2.4e-4);
        results[DiagnosticsPages.MEDIA_BER.offset() - UPPER] = (byte) (ber >> 8);
        results[DiagnosticsPages.MEDIA_BER.offset() - UPPER + 1] = (byte) ber;
        results[DiagnosticsPages.MEDIA_SNR.offset() - UPPER] = (byte) 0x80;   // little-endian 0x1280 = 18.5 dB
        results[DiagnosticsPages.MEDIA_SNR.offset() - UPPER + 1] = (byte) 0x12;
        results[DiagnosticsPages.MEDIA_CHECKER_LOL_FLAG.offset() - UPPER] = 0x02;   // lane 2 lost lock

        List<PrbsResult> r = d.results(DiagSide.MEDIA, LaneSets.range(1, 2));
        assertEquals(2, r.size());
        assertEquals(PrbsPattern.SSPRQ, r.getFirst().pattern());
        assertEquals(2.4e-4, r.getFirst().ber(), 1e-9);
        assertEquals(18.5, r.getFirst().snrDb(), 1e-9);
        assertTrue(r.getFirst().locked());
        assertFalse(r.get(1).locked());

        d.stopPrbs(DiagSide.MEDIA, LaneSets.range(2, 2));
        assertEquals(0x01, byteOf(m, 0, DiagnosticsPages.MEDIA_CHECKER_ENABLE));
    }
}
