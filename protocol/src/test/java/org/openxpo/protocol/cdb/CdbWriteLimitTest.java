package org.openxpo.protocol.cdb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CdbWriteLimitTest {
    @Test
    void theLimitIsEightBytesPerExtensionStepUpToOnePage() {
        assertEquals(8, CdbPage.writeLimit(0), "ext 0: the general 8-byte limit");
        assertEquals(64, CdbPage.writeLimit(7));
        assertEquals(128, CdbPage.writeLimit(15), "ext 15: the whole upper page");
        assertEquals(128, CdbPage.writeLimit(255), "larger codes still write at most one page at a time");
    }

    @Test
    void aValueThatIsNotOneByteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CdbPage.writeLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> CdbPage.writeLimit(256));
    }

    @Test
    void eplPageCodesAboveFourAreNotCounts() {
        assertEquals(0, CdbPage.eplPageCount(0));
        assertEquals(4, CdbPage.eplPageCount(4));
        assertEquals(8, CdbPage.eplPageCount(5));
        assertEquals(16, CdbPage.eplPageCount(CdbPage.EPL_PAGES_CODE_ALL));
        assertThrows(IllegalArgumentException.class, () -> CdbPage.eplPageCount(8));
    }

    @Test
    void writeMechanismCodesAreTheOnesOf0041hByte141() {
        for (FirmwareWriteMechanism m : FirmwareWriteMechanism.values()) assertSame(m, FirmwareWriteMechanism.fromCode(m.code()));
        assertEquals(0x11, FirmwareWriteMechanism.BOTH.code());
        assertTrue(FirmwareWriteMechanism.LPL_ONLY.lpl() && !FirmwareWriteMechanism.LPL_ONLY.epl());
        assertTrue(!FirmwareWriteMechanism.EPL_ONLY.lpl() && FirmwareWriteMechanism.EPL_ONLY.epl());
        assertNull(FirmwareWriteMechanism.fromCode(0x00), "00h: no write mechanism");
        assertNull(FirmwareWriteMechanism.fromCode(0x02), "undefined code");
    }
}
