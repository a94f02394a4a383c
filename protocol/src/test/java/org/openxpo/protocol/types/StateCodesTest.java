package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CMIS codes behind the state and status enums, in both directions. */
class StateCodesTest {

    @ParameterizedTest
    @EnumSource(value = ModuleState.class, mode = EnumSource.Mode.EXCLUDE, names = {"RESETTING", "MGMT_INIT"})
    void aReportedModuleStateDecodesFromItsCode(ModuleState s) { assertEquals(s, ModuleState.fromCode(s.code())); }

    @ParameterizedTest
    @EnumSource
    void aDataPathStateDecodesFromItsCode(DataPathState s) { assertEquals(s, DataPathState.fromCode(s.code())); }

    @ParameterizedTest
    @EnumSource
    void aConfigStatusDecodesFromItsCode(ConfigStatus s) { assertEquals(s, ConfigStatus.fromCode(s.code())); }

    @ParameterizedTest
    @EnumSource
    void aCdbStatusDecodesFromItsCode(CdbStatus s) { assertEquals(s, CdbStatus.fromCode(s.code())); }

    @Test
    void moduleState() {
        assertEquals(3, ModuleState.READY.code());
        assertEquals("ModuleReady", ModuleState.READY.cmisName());
        assertNull(ModuleState.fromCode(0), "Resetting and MgmtInit are not reported in the register");
        assertNull(ModuleState.fromCode(6));
        assertNull(ModuleState.fromCode(7));
    }

    @Test
    void dataPathState() {
        assertEquals(4, DataPathState.ACTIVATED.code());
        assertNull(DataPathState.fromCode(0));
        assertNull(DataPathState.fromCode(8));
    }

    @Test
    void configStatus() {
        assertEquals(0xC, ConfigStatus.IN_PROGRESS.code());
        assertNull(ConfigStatus.fromCode(0x8));
        assertTrue(ConfigStatus.REJECTED_INVALID_APP_SEL.isRejection());
        assertFalse(ConfigStatus.SUCCESS.isRejection());
        assertFalse(ConfigStatus.IN_PROGRESS.isRejection());
    }

    @Test
    void cdbStatus() {
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
