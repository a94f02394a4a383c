package org.openxpo.protocol.cdb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CdbAdvertisementTest {
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
        for (TransferMechanism m : TransferMechanism.values()) assertSame(m, TransferMechanism.fromCode(m.code()));
        assertEquals(0x11, TransferMechanism.BOTH.code());
        assertTrue(TransferMechanism.LPL_ONLY.lpl() && !TransferMechanism.LPL_ONLY.epl());
        assertTrue(!TransferMechanism.EPL_ONLY.lpl() && TransferMechanism.EPL_ONLY.epl());
        assertTrue(!TransferMechanism.NONE.lpl() && !TransferMechanism.NONE.epl(), "00h: no write mechanism");
        assertThrows(CdbFormatException.class, () -> TransferMechanism.fromCode(0x02), "undefined code");
    }
}
