package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CMIS codes behind the state and status enums, in both directions. */
class StateCodesTest {

    @Test
    void moduleState() {
        assertEquals(3, ModuleState.READY.code());
        assertEquals("ModuleReady", ModuleState.READY.cmisName());
        for (ModuleState s : ModuleState.values()) {
            if (s.code() != 0) assertEquals(s, ModuleState.fromCode(s.code()));
        }
        assertNull(ModuleState.fromCode(0), "Resetting and MgmtInit are not reported in the register");
        assertNull(ModuleState.fromCode(6));
        assertNull(ModuleState.fromCode(7));
    }

    @Test
    void dataPathState() {
        assertEquals(4, DataPathState.ACTIVATED.code());
        for (DataPathState s : DataPathState.values()) assertEquals(s, DataPathState.fromCode(s.code()));
        assertNull(DataPathState.fromCode(0));
        assertNull(DataPathState.fromCode(8));
    }

    @Test
    void configStatus() {
        assertEquals(0xC, ConfigStatus.IN_PROGRESS.code());
        for (ConfigStatus s : ConfigStatus.values()) assertEquals(s, ConfigStatus.fromCode(s.code()));
        assertNull(ConfigStatus.fromCode(0x8));
        assertTrue(ConfigStatus.REJECTED_INVALID_APP_SEL.isRejection());
        assertFalse(ConfigStatus.SUCCESS.isRejection());
        assertFalse(ConfigStatus.IN_PROGRESS.isRejection());
    }

    @Test
    void cdbStatus() {
        for (CdbStatus s : CdbStatus.values()) assertEquals(s, CdbStatus.fromCode(s.code()));
        assertTrue(CdbStatus.isBusy(CdbStatus.BUSY_EXECUTING.code()));
        assertFalse(CdbStatus.isFailed(CdbStatus.BUSY_EXECUTING.code()));
        assertTrue(CdbStatus.isFailed(CdbStatus.CHECK_CODE_ERROR.code()));
        assertFalse(CdbStatus.isBusy(CdbStatus.SUCCESS.code()));
        assertFalse(CdbStatus.isFailed(CdbStatus.SUCCESS.code()));
        assertNull(CdbStatus.fromCode(0x7F));
        assertEquals("0x45 (CdbChkCode error)", CdbStatus.describe(0x45));
        assertEquals("0x84 (busy)", CdbStatus.describe(0x84));
        assertEquals("0x4F (failed)", CdbStatus.describe(0x4F));
    }
}
