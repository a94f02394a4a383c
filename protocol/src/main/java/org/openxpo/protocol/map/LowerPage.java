package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

import java.util.List;

/** Lower memory, bytes 0–127 (CMIS 5.3 Table 8-4 ff., as host stacks read it; cmis-digest §2). */
final class LowerPage {
    private LowerPage() {}

    static List<Field> fields() {
        return new PageBuilder(0x00)
            .bytes("SFF8024Identifier", 0, 1, RO, CODE, "SFF-8024 identifier; the XPO profile default is 0x19 (OSFP), see xpo-profile.md")
            .bits("CmisRevisionMajor", 1, 7, 4, RO, COUNT, "CMIS major revision (5)")
            .bits("CmisRevisionMinor", 1, 3, 0, RO, COUNT, "CMIS minor revision (3)")
            .bit("MemoryModel", 2, 7, RO, "0 = paged memory, 1 = flat")
            .bit("SteppedConfigOnly", 2, 6, RO, "1 = only step-by-step data-path reconfiguration")
            .bits("MciMaxSpeed", 2, 3, 2, RO, CODE, "management interface speed: 0 ≤400 kHz, 1 ≤1 MHz")
            .bits("AutoCommissioning", 2, 1, 0, RO, CODE, "CMIS 5.3 auto-commissioning capability")
            .bits("ModuleState", 3, 3, 1, RO, CODE, "module state: 1 LowPwr, 2 PwrUp, 3 Ready, 4 PwrDn, 5 Fault")
            .bit("InterruptDeasserted", 3, 0, RO, "0 = IntL asserted, 1 = not asserted").reset(1)
            .bits("FlagsSummaryBank0", 4, 3, 0, RO, BITS, "bank 0: bit0 a page 11h flag is set")
            .bits("FlagsSummaryBank1", 5, 3, 0, RO, BITS, "bank 1: bit0 a page 11h flag is set")
            .bits("FlagsSummaryBank2", 6, 3, 0, RO, BITS, "bank 2: bit0 a page 11h flag is set")
            .bits("FlagsSummaryBank3", 7, 3, 0, RO, BITS, "bank 3: bit0 a page 11h flag is set")
            .bit("CdbCmdCompleteFlag2", 8, 7, COR, "latched: CDB instance 2 command complete")
            .bit("CdbCmdCompleteFlag1", 8, 6, COR, "latched: CDB instance 1 command complete")
            .bit("DataPathFirmwareErrorFlag", 8, 2, COR, "latched: data-path (DSP) firmware error")
            .bit("ModuleFirmwareErrorFlag", 8, 1, COR, "latched: module firmware error")
            .bit("ModuleStateChangedFlag", 8, 0, COR, "latched: module state changed")
            .bits("VccFlags", 9, 7, 4, COR, BITS, "latched 3.3 V flags: bit4 HA, bit5 LA, bit6 HW, bit7 LW")
            .bits("TempFlags", 9, 3, 0, COR, BITS, "latched temperature flags: bit0 HA, bit1 LA, bit2 HW, bit3 LW")
            .bits("Aux2Flags", 10, 7, 4, COR, BITS, "latched Aux2 flags (not monitored)")
            .bits("Aux1Flags", 10, 3, 0, COR, BITS, "latched Aux1 flags (not monitored)")
            .bits("CustomMonFlags", 11, 7, 4, COR, BITS, "latched custom-monitor flags (not monitored)")
            .bits("Aux3Flags", 11, 3, 0, COR, BITS, "latched Aux3 flags (not monitored)")
            .bits("FlagsSummaryBanks4to7", 13, 7, 4, RO, BITS, "XPO: bit b set = a page 11h flag is set in bank b (4–7)")
            .bit("XpoMatingCyclesSummary", 13, 3, RO, "XPO: mating-cycle warning flag set on page B0h")
            .bit("XpoLeakSummary", 13, 2, RO, "XPO: a leak flag is set on page B0h")
            .bit("XpoCoolingFlagsSummary", 13, 1, RO, "XPO: a coolant/temperature flag is set on page B0h")
            .bit("XpoPowerFlagsSummary", 13, 0, RO, "XPO: a 50 V power flag is set on page B0h")
            .bytes("TempMonValue", 14, 2, RO, CELSIUS, "module temperature")
            .bytes("VccMonVoltage", 16, 2, RO, VOLTS_100UV, "internal 3.3 V rail")
            .bytes("Aux1MonValue", 18, 2, RO, RAW, "Aux1 monitor (not implemented: 0)")
            .bytes("Aux2MonValue", 20, 2, RO, RAW, "Aux2 monitor (not implemented: 0)")
            .bytes("Aux3MonValue", 22, 2, RO, RAW, "Aux3 monitor (not implemented: 0)")
            .bytes("CustomMonValue", 24, 2, RO, RAW, "custom monitor (not implemented: 0)")
            .bit("BankBroadcastEnable", 26, 7, RW, "writes to banked control bytes go to all banks")
            .bit("LowPwrAllowRequestHW", 26, 6, RW, "1 = the LPMode pin may request low power").reset(1)
            .bit("SquelchMethodSelect", 26, 5, RW, "0 squelch reduces OMA, 1 reduces Pav")
            .bit("LowPwrRequestSW", 26, 4, RW, "1 = host requests low power")
            .bit("SoftwareReset", 26, 3, WO_SC, "write 1: reset the module (reads 0)")
            .bit("CdbCmdCompleteMask2", 31, 7, RW, "mask CdbCmdCompleteFlag2")
            .bit("CdbCmdCompleteMask1", 31, 6, RW, "mask CdbCmdCompleteFlag1")
            .bit("DataPathFirmwareErrorMask", 31, 2, RW, "mask DataPathFirmwareErrorFlag")
            .bit("ModuleFirmwareErrorMask", 31, 1, RW, "mask ModuleFirmwareErrorFlag")
            .bit("ModuleStateChangedMask", 31, 0, RW, "mask ModuleStateChangedFlag")
            .bits("VccMasks", 32, 7, 4, RW, BITS, "masks for VccFlags")
            .bits("TempMasks", 32, 3, 0, RW, BITS, "masks for TempFlags")
            .bits("Aux2Masks", 33, 7, 4, RW, BITS, "masks for Aux2Flags")
            .bits("Aux1Masks", 33, 3, 0, RW, BITS, "masks for Aux1Flags")
            .bits("CustomMonMasks", 34, 7, 4, RW, BITS, "masks for CustomMonFlags")
            .bits("Aux3Masks", 34, 3, 0, RW, BITS, "masks for Aux3Flags")
            .bytes("CdbStatus1", 37, 1, RO, CODE, "CDB instance 1: bit7 busy, bit6 failed, bits 5-0 result")
            .bytes("CdbStatus2", 38, 1, RO, CODE, "CDB instance 2 (not implemented: 0)")
            .bytes("ActiveFirmwareMajor", 39, 1, RO, COUNT, "running image major version")
            .bytes("ActiveFirmwareMinor", 40, 1, RO, COUNT, "running image minor version")
            .bytes("ModuleFaultCause", 41, 1, RO, CODE, "why the module is in ModuleFault (0 none; 32–63 XPO causes)")
            .bytes("MediaType", 85, 1, RO, CODE, "media type: 2 = SMF (selects the media interface table)")
            .array("AppDescriptor", 86, 4, 8, RO, RAW, "application descriptors AppSel 1–8: host ID, media ID, lane counts, host lane options")
            .bytes("PasswordChangeEntry", 118, 4, WO_SC, RAW, "new host password (reads 0)")
            .bytes("PasswordEntry", 122, 4, WO_SC, RAW, "host password entry (reads 0)")
            .bytes("BankSelect", 126, 1, RW, COUNT, "bank of the banked upper page (applied when PageSelect is written)")
            .bytes("PageSelect", 127, 1, RW, COUNT, "upper page shown at bytes 128–255")
            .fields();
    }
}
