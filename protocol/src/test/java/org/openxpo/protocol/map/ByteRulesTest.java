package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-byte access masks the emulator applies, derived from the declared access of each field. */
class ByteRulesTest {
    private final MemoryMap map = MemoryMap.xpo();
    private final ByteRules lower = map.lowerRules();
    private final ByteRules p10 = map.page(0x10).orElseThrow().rules();
    private final ByteRules p11 = map.page(0x11).orElseThrow().rules();

    @Test
    void moduleControlByte26() {
        assertEquals(0b1111_1000, lower.writableMask(26), "bits 7-4 RW, bit 3 write-only");
        assertEquals(0b0000_1000, lower.selfClearingMask(26), "SoftwareReset reads 0");
        assertEquals(0, lower.clearOnReadMask(26));
    }

    @Test
    void lowerPageFlagsClearOnRead() {
        assertEquals(0b1100_0111, lower.clearOnReadMask(8));
        assertEquals(0, lower.writableMask(8));
        for (int b = 9; b <= 11; b++) assertEquals(0xFF, lower.clearOnReadMask(b), "byte " + b);
        assertEquals(0, lower.clearOnReadMask(13), "XPO summary flags follow their page, they are not latched");
        assertTrue(lower.hasClearOnRead());
    }

    @Test
    void lowerPageMasksPasswordsAndSelects() {
        assertEquals(0b1100_0111, lower.writableMask(31));
        for (int b = 32; b <= 34; b++) assertEquals(0xFF, lower.writableMask(b), "byte " + b);
        for (int b = 118; b <= 125; b++) {
            assertEquals(0xFF, lower.writableMask(b), "byte " + b);
            assertEquals(0xFF, lower.selfClearingMask(b), "passwords read back as 0, byte " + b);
        }
        assertEquals(0xFF, lower.writableMask(126));
        assertEquals(0xFF, lower.writableMask(127));
        assertEquals(0, lower.selfClearingMask(127));
    }

    @Test
    void readOnlyAndReservedBytesIgnoreWrites() {
        for (int b : new int[] {0, 3, 14, 37, 85, 86}) assertEquals(0, lower.writableMask(b), "byte " + b);
        assertEquals(0, lower.writableMask(12), "reserved");
        assertEquals(0, p11.writableMask(154), "OpticalPowerTx is read-only");
        assertEquals(0, p11.clearOnReadMask(154));
        assertEquals(0, p11.selfClearingMask(154));
    }

    @Test
    void laneControlPage() {
        assertEquals(0xFF, p10.writableMask(130));
        assertEquals(0xFF, p10.writableMask(143));
        assertEquals(0xFF, p10.selfClearingMask(143), "ApplyDPInit self-clears");
        assertEquals(0xFF, p10.selfClearingMask(144));
        assertEquals(0, p10.selfClearingMask(145), "DPConfigLane keeps what was written");
        assertEquals(0xFF, p10.writableMask(145));
        assertEquals(0, p10.writableMask(133), "reserved");
        assertFalse(p10.hasClearOnRead());
    }

    @Test
    void laneStatusPage() {
        for (int b = 134; b <= 153; b++) assertEquals(0xFF, p11.clearOnReadMask(b), "11h:" + b);
        assertEquals(0, p11.clearOnReadMask(128), "DPState is a live state, not latched");
        assertEquals(0, p11.clearOnReadMask(133));
        for (int b = 128; b < 256; b++) assertEquals(0, p11.writableMask(b), "11h:" + b + " is read-only");
    }

    @Test
    void xpoTelemetryPage() {
        ByteRules b0 = map.page(0xB0).orElseThrow().rules();
        for (int b = 160; b <= 164; b++) assertEquals(0xFF, b0.clearOnReadMask(b), "B0h:" + b);
        assertEquals(0xFF, b0.clearOnReadMask(165));
        assertEquals(0, b0.writableMask(128));
        for (int b = 168; b <= 173; b++) assertEquals(0xFF, b0.writableMask(b), "B0h:" + b);
        assertEquals(0, b0.clearOnReadMask(150), "LeakDetected is live");
    }

    @Test
    void cdbPagesAreWritable() {
        ByteRules cdb = map.page(0x9F).orElseThrow().rules();
        for (int b = 128; b < 256; b++) assertEquals(0xFF, cdb.writableMask(b), "9Fh:" + b);
        ByteRules epl = map.page(0xA7).orElseThrow().rules();
        assertEquals(0xFF, epl.writableMask(255));
    }
}
