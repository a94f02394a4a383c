package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/**
 * Lower memory, bytes 0–127 (CMIS 5.3 Table 8-4 ff., as host stacks read it; cmis-digest §2), visible whatever page
 * is selected. Each field is a constant named after its CMIS name ({@code TempFlags} is {@link #TEMP_FLAGS}); a mask
 * names the flag it masks where it is declared.
 */
public final class LowerPage {
    private LowerPage() {}

    static final PageBuilder PAGE = PageBuilder.lowerMemory();

    /** The bit of a FlagsSummaryBank field (00h:4–7) set while a lane flag of page 11h of the bank is latched. */
    public static final int FLAGS_SUMMARY_LANE_FLAGS_BIT = 0;
    /** The bit of a FlagsSummaryBank field set while a VDM flag of page 2Ch of the bank is latched. */
    public static final int FLAGS_SUMMARY_VDM_FLAGS_BIT = 3;

    public static final Field SFF8024_IDENTIFIER =
        PAGE.bytes("SFF8024Identifier", 0, 1, RO, CODE, "SFF-8024 identifier; the XPO profile default is 0x19 (OSFP), see xpo-profile.md");
    public static final Field CMIS_REVISION_MAJOR =
        PAGE.bits("CmisRevisionMajor", 1, 7, 4, RO, COUNT, "CMIS major revision (5)");
    public static final Field CMIS_REVISION_MINOR =
        PAGE.bits("CmisRevisionMinor", 1, 3, 0, RO, COUNT, "CMIS minor revision (3)");
    public static final Field MEMORY_MODEL =
        PAGE.bit("MemoryModel", 2, 7, RO, "0 = paged memory, 1 = flat");
    public static final Field STEPPED_CONFIG_ONLY =
        PAGE.bit("SteppedConfigOnly", 2, 6, RO, "1 = only step-by-step data-path reconfiguration");
    public static final Field MCI_MAX_SPEED =
        PAGE.bits("MciMaxSpeed", 2, 3, 2, RO, CODE, "management interface speed: 0 ≤400 kHz, 1 ≤1 MHz");
    public static final Field AUTO_COMMISSIONING =
        PAGE.bits("AutoCommissioning", 2, 1, 0, RO, CODE, "CMIS 5.3 auto-commissioning capability");
    public static final Field MODULE_STATE =
        PAGE.bits("ModuleState", 3, 3, 1, RO, CODE, "module state: 1 LowPwr, 2 PwrUp, 3 Ready, 4 PwrDn, 5 Fault");
    public static final Field INTERRUPT_DEASSERTED =
        PAGE.reset(1).bit("InterruptDeasserted", 3, 0, RO, "0 = IntL asserted, 1 = not asserted");
    /** FlagsSummaryBank0–3 bit: a latched lane flag on page 11h of the bank. */
    public static final int SUMMARY_LANE_FLAGS = 1;
    /** FlagsSummaryBank0–3 bit: a latched diagnostics flag on page 14h of the bank. */
    public static final int SUMMARY_DIAGNOSTICS_FLAGS = 1 << 2;
    public static final Field FLAGS_SUMMARY_BANK0 =
        PAGE.bits("FlagsSummaryBank0", 4, 3, 0, RO, BITS, "bank 0: bit0 a page 11h flag, bit2 a page 14h flag, bit3 a page 2Ch (VDM) flag is set");
    public static final Field FLAGS_SUMMARY_BANK1 =
        PAGE.bits("FlagsSummaryBank1", 5, 3, 0, RO, BITS, "bank 1: bit0 a page 11h flag, bit2 a page 14h flag, bit3 a page 2Ch (VDM) flag is set");
    public static final Field FLAGS_SUMMARY_BANK2 =
        PAGE.bits("FlagsSummaryBank2", 6, 3, 0, RO, BITS, "bank 2: bit0 a page 11h flag, bit2 a page 14h flag, bit3 a page 2Ch (VDM) flag is set");
    public static final Field FLAGS_SUMMARY_BANK3 =
        PAGE.bits("FlagsSummaryBank3", 7, 3, 0, RO, BITS, "bank 3: bit0 a page 11h flag, bit2 a page 14h flag, bit3 a page 2Ch (VDM) flag is set");
    public static final Field CDB_CMD_COMPLETE_FLAG2 =
        PAGE.bit("CdbCmdCompleteFlag2", 8, 7, COR, "latched: CDB instance 2 command complete");
    public static final Field CDB_CMD_COMPLETE_FLAG1 =
        PAGE.bit("CdbCmdCompleteFlag1", 8, 6, COR, "latched: CDB instance 1 command complete");
    public static final Field DATA_PATH_FIRMWARE_ERROR_FLAG =
        PAGE.bit("DataPathFirmwareErrorFlag", 8, 2, COR, "latched: data-path (DSP) firmware error");
    public static final Field MODULE_FIRMWARE_ERROR_FLAG =
        PAGE.bit("ModuleFirmwareErrorFlag", 8, 1, COR, "latched: module firmware error");
    public static final Field MODULE_STATE_CHANGED_FLAG =
        PAGE.bit("ModuleStateChangedFlag", 8, 0, COR, "latched: module state changed");
    public static final Field VCC_FLAGS =
        PAGE.bits("VccFlags", 9, 7, 4, COR, BITS, "latched 3.3 V flags: bit4 HA, bit5 LA, bit6 HW, bit7 LW");
    public static final Field TEMP_FLAGS =
        PAGE.bits("TempFlags", 9, 3, 0, COR, BITS, "latched temperature flags: bit0 HA, bit1 LA, bit2 HW, bit3 LW");
    public static final Field AUX2_FLAGS =
        PAGE.bits("Aux2Flags", 10, 7, 4, COR, BITS, "latched Aux2 flags (not monitored)");
    public static final Field AUX1_FLAGS =
        PAGE.bits("Aux1Flags", 10, 3, 0, COR, BITS, "latched Aux1 flags (not monitored)");
    public static final Field CUSTOM_MON_FLAGS =
        PAGE.bits("CustomMonFlags", 11, 7, 4, COR, BITS, "latched custom-monitor flags (not monitored)");
    public static final Field AUX3_FLAGS =
        PAGE.bits("Aux3Flags", 11, 3, 0, COR, BITS, "latched Aux3 flags (not monitored)");
    public static final Field FLAGS_SUMMARY_BANKS_4_TO_7 =
        PAGE.bits("FlagsSummaryBanks4to7", 13, 7, 4, RO, BITS, "XPO: bit b set = a flag of page 11h, 14h or 2Ch (VDM) is set in bank b (4–7)");
    public static final Field XPO_MATING_CYCLES_SUMMARY =
        PAGE.bit("XpoMatingCyclesSummary", 13, 3, RO, "XPO: mating-cycle warning flag set on page B0h");
    public static final Field XPO_LEAK_SUMMARY =
        PAGE.bit("XpoLeakSummary", 13, 2, RO, "XPO: a leak flag is set on page B0h");
    public static final Field XPO_COOLING_FLAGS_SUMMARY =
        PAGE.bit("XpoCoolingFlagsSummary", 13, 1, RO, "XPO: a coolant/temperature flag is set on page B0h");
    public static final Field XPO_POWER_FLAGS_SUMMARY =
        PAGE.bit("XpoPowerFlagsSummary", 13, 0, RO, "XPO: a 50 V power flag is set on page B0h");
    public static final Field TEMP_MON_VALUE =
        PAGE.bytes("TempMonValue", 14, 2, RO, CELSIUS, "module temperature");
    public static final Field VCC_MON_VOLTAGE =
        PAGE.bytes("VccMonVoltage", 16, 2, RO, VOLTS_100UV, "internal 3.3 V rail");
    public static final Field AUX1_MON_VALUE =
        PAGE.bytes("Aux1MonValue", 18, 2, RO, RAW, "Aux1 monitor (not implemented: 0)");
    public static final Field AUX2_MON_VALUE =
        PAGE.bytes("Aux2MonValue", 20, 2, RO, RAW, "Aux2 monitor (not implemented: 0)");
    public static final Field AUX3_MON_VALUE =
        PAGE.bytes("Aux3MonValue", 22, 2, RO, RAW, "Aux3 monitor (not implemented: 0)");
    public static final Field CUSTOM_MON_VALUE =
        PAGE.bytes("CustomMonValue", 24, 2, RO, RAW, "custom monitor (not implemented: 0)");
    public static final Field BANK_BROADCAST_ENABLE =
        PAGE.bit("BankBroadcastEnable", 26, 7, RW, "writes to banked control bytes go to all banks");
    public static final Field LOW_PWR_ALLOW_REQUEST_HW =
        PAGE.reset(1).bit("LowPwrAllowRequestHW", 26, 6, RW, "1 = the LPMode pin may request low power");
    public static final Field SQUELCH_METHOD_SELECT =
        PAGE.bit("SquelchMethodSelect", 26, 5, RW, "0 squelch reduces OMA, 1 reduces Pav");
    public static final Field LOW_PWR_REQUEST_SW =
        PAGE.bit("LowPwrRequestSW", 26, 4, RW, "1 = host requests low power");
    public static final Field SOFTWARE_RESET =
        PAGE.bit("SoftwareReset", 26, 3, WO_SC, "write 1: reset the module (reads 0)");
    public static final Field CDB_CMD_COMPLETE_MASK2 =
        PAGE.mask(CDB_CMD_COMPLETE_FLAG2, "CdbCmdCompleteMask2", 31);
    public static final Field CDB_CMD_COMPLETE_MASK1 =
        PAGE.mask(CDB_CMD_COMPLETE_FLAG1, "CdbCmdCompleteMask1", 31);
    public static final Field DATA_PATH_FIRMWARE_ERROR_MASK =
        PAGE.mask(DATA_PATH_FIRMWARE_ERROR_FLAG, "DataPathFirmwareErrorMask", 31);
    public static final Field MODULE_FIRMWARE_ERROR_MASK =
        PAGE.mask(MODULE_FIRMWARE_ERROR_FLAG, "ModuleFirmwareErrorMask", 31);
    public static final Field MODULE_STATE_CHANGED_MASK =
        PAGE.mask(MODULE_STATE_CHANGED_FLAG, "ModuleStateChangedMask", 31);
    public static final Field VCC_MASKS =
        PAGE.mask(VCC_FLAGS, "VccMasks", 32);
    public static final Field TEMP_MASKS =
        PAGE.mask(TEMP_FLAGS, "TempMasks", 32);
    public static final Field AUX2_MASKS =
        PAGE.mask(AUX2_FLAGS, "Aux2Masks", 33);
    public static final Field AUX1_MASKS =
        PAGE.mask(AUX1_FLAGS, "Aux1Masks", 33);
    public static final Field CUSTOM_MON_MASKS =
        PAGE.mask(CUSTOM_MON_FLAGS, "CustomMonMasks", 34);
    public static final Field AUX3_MASKS =
        PAGE.mask(AUX3_FLAGS, "Aux3Masks", 34);
    public static final Field CDB_STATUS1 =
        PAGE.bytes("CdbStatus1", 37, 1, RO, CODE, "CDB instance 1: bit7 busy, bit6 failed, bits 5-0 result");
    public static final Field CDB_STATUS2 =
        PAGE.bytes("CdbStatus2", 38, 1, RO, CODE, "CDB instance 2 (not implemented: 0)");
    public static final Field ACTIVE_FIRMWARE_MAJOR =
        PAGE.bytes("ActiveFirmwareMajor", 39, 1, RO, COUNT, "running image major version");
    public static final Field ACTIVE_FIRMWARE_MINOR =
        PAGE.bytes("ActiveFirmwareMinor", 40, 1, RO, COUNT, "running image minor version");
    public static final Field MODULE_FAULT_CAUSE =
        PAGE.bytes("ModuleFaultCause", 41, 1, RO, CODE, "why the module is in ModuleFault (0 none; 32–63 XPO causes)");
    public static final Field MEDIA_TYPE =
        PAGE.bytes("MediaType", 85, 1, RO, CODE, "media type: 2 = SMF (selects the media interface table)");
    public static final Field APP_DESCRIPTOR =
        PAGE.array("AppDescriptor", 86, 4, 8, RO, RAW, "application descriptors AppSel 1–8: host ID, media ID, lane counts, host lane options");
    public static final Field PASSWORD_CHANGE_ENTRY =
        PAGE.bytes("PasswordChangeEntry", 118, 4, WO_SC, RAW, "new host password (reads 0)");
    public static final Field PASSWORD_ENTRY =
        PAGE.bytes("PasswordEntry", 122, 4, WO_SC, RAW, "host password entry (reads 0)");
    public static final Field BANK_SELECT =
        PAGE.bytes("BankSelect", 126, 1, RW, COUNT, "bank of the banked upper page (applied when PageSelect is written)");
    public static final Field PAGE_SELECT =
        PAGE.bytes("PageSelect", 127, 1, RW, COUNT, "upper page shown at bytes 128–255");
}
