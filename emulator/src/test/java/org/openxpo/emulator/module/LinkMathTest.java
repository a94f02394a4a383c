package org.openxpo.emulator.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented link formulas: PAM4 BER from SNR, the RS(544,514) frame error ratio, noise that adds up. */
class LinkMathTest {

    @Test
    void pam4BerFollowsTheGrayCodedSymbolErrorFormula() {
        // BER = 0.75 Q(sqrt(s/5)); at 20 dB s = 100, sqrt(20) = 4.472, Q = 3.87e-6
        assertEquals(2.90e-6, LinkMath.berExact(20), 0.02e-6);
        // the FEC limit of 2.4e-4 sits near 17.6 dB
        double atLimit = LinkMath.berExact(17.6);
        assertTrue(atLimit > 2e-4 && atLimit < 3e-4, "17.6 dB: " + atLimit);
        assertEquals(LinkMath.WORST_BER, LinkMath.ber(0));
        assertTrue(LinkMath.berExact(0.01) <= LinkMath.WORST_BER);
    }

    @Test
    void theTabulatedBerMatchesTheFormulaWithinAPercent() {
        for (double db = 1; db < 30; db += 0.037) {
            double exact = LinkMath.berExact(db), table = LinkMath.ber(db);
            assertEquals(exact, table, exact * 0.01, "at " + db + " dB");
        }
        assertTrue(LinkMath.ber(25) < LinkMath.ber(24), "more SNR, fewer errors");
    }

    @Test
    void frameErrorsNeedMoreThanFifteenSymbolErrorsInAFrame() {
        assertEquals(0, LinkMath.fer(1e-7), "far below F16's resolution");
        double atLimit = LinkMath.ferExact(2.4e-4);
        assertTrue(atLimit > 1e-14 && atLimit < 1e-11, "the KP4 limit leaves about 1e-12 uncorrectable: " + atLimit);
        for (double ber : new double[] {3e-5, 1e-4, 2.4e-4, 1e-3, 1e-2}) {
            double exact = LinkMath.ferExact(ber);
            assertEquals(exact, LinkMath.fer(ber), exact * 0.01, "at BER " + ber);
        }
        assertEquals(1, LinkMath.fer(LinkMath.WORST_BER), 1e-9, "a random signal errs every frame");
    }

    @Test
    void independentNoisesCombineBelowEither() {
        assertEquals(20 - 10 * Math.log10(2), LinkMath.combineDb(20, 20), 1e-9);
        assertTrue(LinkMath.combineDb(23, 26) < 23);
        assertEquals(23, LinkMath.combineDb(23, 80), 1e-3, "a strong signal is limited by the ceiling");
    }
}
