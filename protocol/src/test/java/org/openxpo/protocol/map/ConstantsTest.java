package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.types.Lanes;

/** The page numbers and management-interface figures declared once agree with the map. */
class ConstantsTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void pageNumbersAreThePagesTheFieldsAreDeclaredOn() {
        assertEquals(Pages.LOWER_MEMORY, LowerPage.MODULE_STATE.page());
        assertEquals(Pages.ADMINISTRATIVE, AdminPages.VENDOR_NAME.page());
        assertEquals(Pages.ADVERTISING, AdminPages.CDB_READ_WRITE_LENGTH_EXT.page());
        assertEquals(Pages.THRESHOLDS, AdminPages.TEMP_MON.highAlarm().page());
        assertEquals(Pages.LANE_CONTROL, LaneControlPage.DP_DEINIT_LANE.page());
        assertEquals(Pages.LANE_STATUS, LaneStatusPage.DP_STATE.page());
        assertEquals(Pages.CDB, CdbPages.CDB_COMMAND_ID.page());
        assertEquals(Pages.CDB_EPL_FIRST, CdbPages.CDB_EPL_DATA.getFirst().page());
        assertEquals(Pages.CDB_EPL_LAST, CdbPages.CDB_EPL_DATA.getLast().page());
        assertEquals(Pages.CDB_EPL_PAGES, CdbPages.CDB_EPL_DATA.size());
        assertEquals(Pages.XPO_TELEMETRY, XpoPages.LEAK_FLAG.page());
        assertEquals(Pages.XPO_THRESHOLDS, XpoPages.PAGE_CHECKSUM_B1H.page());
        for (int page : new int[] {Pages.ADMINISTRATIVE, Pages.ADVERTISING, Pages.THRESHOLDS, Pages.LANE_CONTROL,
                Pages.LANE_STATUS, Pages.DIAGNOSTICS_FIRST, Pages.DIAGNOSTICS_LAST, Pages.CDB, Pages.CDB_EPL_FIRST,
                Pages.CDB_EPL_LAST, Pages.XPO_TELEMETRY, Pages.XPO_THRESHOLDS}) {
            assertTrue(map.page(page).isPresent(), String.format("%02Xh", page));
        }
        assertEquals(Lanes.BANKS, map.page(Pages.LANE_STATUS).orElseThrow().banks());
    }

    @Test
    void theOptionalCmisPagesAreNotInTheXpoMapAndFallBetweenItsPages() {
        for (int page : new int[] {Pages.USER_EEPROM, Pages.OPTIONAL_05, Pages.NETWORK_PATH_FIRST, Pages.NETWORK_PATH_LAST}) {
            assertFalse(map.page(page).isPresent(), String.format("%02Xh", page));
            assertTrue(page > Pages.THRESHOLDS && page < Pages.CDB, String.format("%02Xh", page));
        }
        assertEquals(16, Pages.VDM_LAST - Pages.VDM_FIRST + 1, "VDM pages 20h-2Fh");
        for (int page = Pages.VDM_FIRST; page <= Pages.VDM_LAST; page++) {
            assertEquals(page != 0x2E, map.page(page).isPresent(), String.format("%02Xh: every VDM page but reserved 2Eh", page));
        }
    }

    @Test
    void cdbPagesAndEplOffsets() {
        assertTrue(Pages.isCdb(Pages.CDB));
        assertTrue(Pages.isCdb(Pages.CDB_EPL_LAST));
        assertFalse(Pages.isCdb(Pages.CDB_EPL_LAST + 1));
        assertFalse(Pages.isCdb(Pages.LANE_STATUS));
        assertEquals(Pages.CDB_EPL_FIRST, Pages.cdbEplPage(0));
        assertEquals(Pages.CDB_EPL_FIRST + 1, Pages.cdbEplPage(128));
        assertEquals(Pages.CDB_EPL_LAST, Pages.cdbEplPage(2047));
        assertThrows(IllegalArgumentException.class, () -> Pages.cdbEplPage(2048));
    }

    @Test
    void managementInterfaceSelectsPagesWithTheDeclaredRegisters() {
        assertEquals(0x50, ManagementInterface.I2C_ADDRESS);
        assertEquals(126, ManagementInterface.BANK_SELECT);
        assertEquals(127, ManagementInterface.PAGE_SELECT);
        assertEquals(map.field("BankSelect").offset(), ManagementInterface.BANK_SELECT);
        assertEquals(map.field("PageSelect").offset(), ManagementInterface.PAGE_SELECT);
        assertEquals(256, ManagementInterface.WINDOW_SIZE);
        assertTrue(ManagementInterface.bankBroadcastApplies(Pages.LANE_CONTROL));
        assertFalse(ManagementInterface.bankBroadcastApplies(Pages.LANE_STATUS));
    }

    @Test
    void writeLimitsAreEightBytesAndEightTimesOnePlusExtOnCdbPages() {
        assertEquals(8, ManagementInterface.cdbWriteLimit(0));
        assertEquals(64, ManagementInterface.cdbWriteLimit(7));
        assertEquals(128, ManagementInterface.cdbWriteLimit(15));
        assertEquals(128, ManagementInterface.cdbWriteLimit(255), "never more than a page");
        assertThrows(IllegalArgumentException.class, () -> ManagementInterface.cdbWriteLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> ManagementInterface.cdbWriteLimit(256));
        assertEquals(8, ManagementInterface.writeLimit(Pages.LANE_CONTROL, 130, 15));
        assertEquals(128, ManagementInterface.writeLimit(Pages.CDB, 130, 15));
        assertEquals(16, ManagementInterface.writeLimit(Pages.CDB_EPL_FIRST + 3, 128, 1));
        assertEquals(8, ManagementInterface.writeLimit(Pages.CDB, 26, 15), "lower memory is not a CDB page");
    }
}
