package org.openxpo.protocol.types;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code catalogues of the diagnostics pages: PRBS patterns, results selectors, gating times. */
class DiagnosticsTypesTest {

    @Test
    void patternCodesAreTheCmisPatternIds() {
        assertEquals(0, PrbsPattern.PRBS31Q.code());
        assertEquals(6, PrbsPattern.PRBS13Q.code());
        assertEquals(12, PrbsPattern.SSPRQ.code());
        assertEquals(15, PrbsPattern.USER.code());
        assertEquals(Optional.of(PrbsPattern.SSPRQ), PrbsPattern.fromCode(12));
        assertEquals(Optional.empty(), PrbsPattern.fromCode(13), "13 is reserved");
        assertEquals(Optional.empty(), PrbsPattern.fromCode(16));
    }

    @Test
    void bitmapsRoundTripAndIgnoreTheReservedBit() {
        var xpo = EnumSet.of(PrbsPattern.PRBS31Q, PrbsPattern.PRBS13Q, PrbsPattern.SSPRQ);
        assertEquals(0x1041, PrbsPattern.bitmap(xpo));
        assertEquals(xpo, PrbsPattern.fromBitmap(0x1041 | 1 << 13));
    }

    @Test
    void patternNamesParseCaseInsensitivelyAndUnknownNamesSayWhatIsValid() {
        assertEquals(PrbsPattern.PRBS31Q, PrbsPattern.parse("prbs31q"));
        var e = assertThrows(IllegalArgumentException.class, () -> PrbsPattern.parse("PRBS32"));
        assertTrue(e.getMessage().contains("PRBS32") && e.getMessage().contains("SSPRQ"), e.getMessage());
    }

    @Test
    void selectorsAndGatingTimes() {
        assertEquals(Optional.of(DiagnosticsSelector.SNR), DiagnosticsSelector.fromCode(6));
        assertEquals(Optional.empty(), DiagnosticsSelector.fromCode(0x11));
        assertEquals(Duration.ofSeconds(30), GatingTime.fromCode(3).orElseThrow().duration());
        assertEquals(Optional.empty(), GatingTime.fromCode(GatingTime.CUSTOM_CODE));
        assertTrue(!GatingTime.UNGATED.gated() && GatingTime.S5.gated());
    }
}
