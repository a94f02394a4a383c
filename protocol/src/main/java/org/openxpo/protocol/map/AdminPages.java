package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/** The unbanked administrative pages 00h (upper), 01h and 02h (cmis-digest §3.1–3.3). */
final class AdminPages {
    private AdminPages() {}

    static PageDef page00() {
        return new PageBuilder(0x00)
            .bytes("SFF8024IdentifierCopy", 128, 1, RO, CODE, "copy of byte 0 (SONiC reads this one)")
            .bytes("VendorName", 129, 16, RO, ASCII, "vendor name")
            .bytes("VendorOUI", 145, 3, RO, RAW, "vendor IEEE OUI")
            .bytes("VendorPN", 148, 16, RO, ASCII, "vendor part number")
            .bytes("VendorRev", 164, 2, RO, ASCII, "vendor revision")
            .bytes("VendorSN", 166, 16, RO, ASCII, "vendor serial number")
            .bytes("DateCode", 182, 8, RO, ASCII, "YYMMDD and 2-character lot code")
            .bytes("CLEICode", 190, 10, RO, ASCII, "CLEI code")
            .bits("ModulePowerClass", 200, 7, 5, RO, CODE, "power class − 1 (7 = class 8; XPO power is on page B0h)")
            .bytes("MaxPower", 201, 1, RO, WATTS_025, "CMIS max power; saturates at 63.75 W, the real figure is MaxPowerXpo on page B0h")
            .bytes("CableLength", 202, 1, RO, RAW, "cable assembly length (0 = separable optics)")
            .bytes("ConnectorType", 203, 1, RO, CODE, "SFF-8024 connector type")
            .bytes("CopperAttenuation", 204, 5, RO, RAW, "copper cable attenuation (not applicable: 0)")
            .bytes("MediaLaneUnsupported", 210, 1, RO, BITS, "media lanes not supported (bit per lane of a bank)")
            .bits("FarEndConfiguration", 211, 4, 0, RO, CODE, "cable far-end breakout")
            .bytes("MediaInterfaceTechnology", 212, 1, RO, CODE, "transmitter technology (6 = 1310 nm EML)")
            .bytes("PageChecksum00h", 222, 1, RO, COUNT, "8-bit sum of bytes 128–221")
            .bytes("XpoProfileMarker", 223, 3, RO, ASCII, "XPO: the text \"XPO\" marks the XPO management profile")
            .bytes("XpoProfileVersion", 226, 1, RO, COUNT, "XPO: profile version (1)")
            .build(0, "Administrative information", "identity, power class, connector; checksum at 222");
    }

    static PageDef page01() {
        return new PageBuilder(0x01)
            .bytes("InactiveFirmwareMajor", 128, 1, RO, COUNT, "inactive image major version")
            .bytes("InactiveFirmwareMinor", 129, 1, RO, COUNT, "inactive image minor version")
            .bytes("HardwareMajor", 130, 1, RO, COUNT, "hardware major revision")
            .bytes("HardwareMinor", 131, 1, RO, COUNT, "hardware minor revision")
            .bytes("LengthSmf", 132, 1, RO, RAW, "SMF reach: bits 7-6 multiplier, 5-0 base")
            .bytes("LengthOm5", 133, 1, RO, COUNT, "OM5 reach (2 m)")
            .bytes("LengthOm4", 134, 1, RO, COUNT, "OM4 reach (2 m)")
            .bytes("LengthOm3", 135, 1, RO, COUNT, "OM3 reach (2 m)")
            .bytes("LengthOm2", 136, 1, RO, COUNT, "OM2 reach (1 m)")
            .bytes("NominalWavelength", 138, 2, RO, COUNT, "nominal wavelength (0.05 nm)")
            .bytes("WavelengthTolerance", 140, 2, RO, COUNT, "wavelength tolerance (0.005 nm)")
            .bit("NetworkPathPagesSupported", 142, 7, RO, "pages 16h/17h")
            .bit("VdmPagesSupported", 142, 6, RO, "pages 20h–2Fh")
            .bit("DiagPagesSupported", 142, 5, RO, "pages 13h–14h")
            .bit("Page05Supported", 142, 3, RO, "page 05h")
            .bit("Page03Supported", 142, 2, RO, "page 03h")
            .bits("BanksSupported", 142, 1, 0, RO, CODE, "0 bank 0, 1 banks 0–1, 2 banks 0–3, 3 = 8 banks (XPO, CPO precedent)")
            .bytes("ModSelWaitTime", 143, 1, RO, RAW, "m·2^e µs (0 = no data)")
            .bits("MaxDurationDPDeinit", 144, 7, 4, RO, DURATION_CODE, "data-path deinit duration code")
            .bits("MaxDurationDPInit", 144, 3, 0, RO, DURATION_CODE, "data-path init duration code")
            .bytes("ModuleCharacteristics", 145, 1, RO, BITS, "cooled, clocking, Aux monitor meanings")
            .bytes("ModuleTempMax", 146, 1, RO, CELSIUS_S8, "maximum module temperature (°C)")
            .bytes("ModuleTempMin", 147, 1, RO, CELSIUS_S8, "minimum module temperature (°C)")
            .bytes("PropagationDelay", 148, 2, RO, COUNT, "AOC propagation delay (10 ns)")
            .bytes("OperatingVoltageMin", 150, 1, RO, COUNT, "minimum 3.3 V operating voltage (20 mV)")
            .bytes("OpticalCharacteristics", 151, 1, RO, BITS, "bit4 Rx power is Pavg")
            .bytes("CdrPowerSaved", 152, 1, RO, COUNT, "CDR bypass power saved per lane (0.01 W)")
            .bytes("RxOutputAmplitudeSupport", 153, 1, RO, BITS, "Rx amplitude codes / Tx input EQ max")
            .bytes("RxOutputEqSupport", 154, 1, RO, BITS, "Rx output EQ pre/post max")
            .bytes("TxControlsSupported", 155, 1, RO, BITS, "Tx controls supported (bit1 OutputDisableTx)")
            .bytes("RxControlsSupported", 156, 1, RO, BITS, "Rx controls supported (bit1 OutputDisableRx)")
            .bytes("TxFlagsSupported", 157, 1, RO, BITS, "bit0 Tx failure, bit1 LOS, bit2 CDR LOL")
            .bytes("RxFlagsSupported", 158, 1, RO, BITS, "bit1 LOS, bit2 CDR LOL")
            .bytes("ModuleMonitorsSupported", 159, 1, RO, BITS, "bit0 temperature, bit1 Vcc")
            .bits("TxBiasMultiplier", 160, 4, 3, RO, CODE, "bias scaling: 0 ×1, 1 ×2, 2 ×4")
            .bits("LaneMonitorsSupported", 160, 2, 0, RO, BITS, "bit0 bias, bit1 Tx power, bit2 Rx power")
            .bytes("TxSiControlsSupported", 161, 1, RO, BITS, "Tx signal-integrity controls")
            .bytes("RxSiControlsSupported", 162, 1, RO, BITS, "Rx signal-integrity controls (bit5 staged set 1)")
            .bits("CdbInstancesSupported", 163, 7, 6, RO, CODE, "CDB instances (1)")
            .bit("CdbBackgroundModeSupported", 163, 5, RO, "1 = registers stay readable while CDB is busy")
            .bit("CdbAutoPagingSupported", 163, 4, RO, "EPL auto-paging")
            .bits("CdbMaxPagesEpl", 163, 3, 0, RO, CODE, "EPL pages: 0 none … 7 = A0h–AFh (16 pages)")
            .bytes("CdbReadWriteLengthExt", 164, 1, RO, COUNT, "i: CDB page access up to 8·(1+i) bytes")
            .bit("CdbCommandTriggerMethod", 165, 7, RO, "0 = triggered by writing byte 129")
            .bits("CdbExtMaxBusyTime", 165, 4, 0, RO, COUNT, "max(1,X)·160 ms when 166.7 = 1")
            .bit("CdbMaxBusySpecMethod", 166, 7, RO, "0 = use bits 6-0")
            .bits("CdbMaxBusyTime", 166, 6, 0, RO, COUNT, "80 − min(80,X) ms")
            .bits("MaxDurationModulePwrDn", 167, 7, 4, RO, DURATION_CODE, "module power-down duration code")
            .bits("MaxDurationModulePwrUp", 167, 3, 0, RO, DURATION_CODE, "module power-up duration code")
            .bits("MaxDurationDPTxTurnOff", 168, 7, 4, RO, DURATION_CODE, "Tx turn-off duration code")
            .bits("MaxDurationDPTxTurnOn", 168, 3, 0, RO, DURATION_CODE, "Tx turn-on duration code")
            .array("MediaLaneAssignmentOptions", 176, 1, 15, RO, BITS, "AppSel 1–15: media lanes an application may start on")
            .array("AppDescriptorExt", 223, 4, 7, RO, RAW, "application descriptors AppSel 9–15")
            .bytes("PageChecksum01h", 255, 1, RO, COUNT, "8-bit sum of bytes 130–254")
            .build(0, "Advertising", "firmware versions, supported pages/banks, durations, CDB advertisement; checksum at 255");
    }

    static PageDef page02() {
        return new PageBuilder(0x02)
            .thresholds("TempMon", 128, CELSIUS, "module temperature")
            .thresholds("VccMon", 136, VOLTS_100UV, "3.3 V rail")
            .thresholds("Aux1Mon", 144, RAW, "Aux1")
            .thresholds("Aux2Mon", 152, RAW, "Aux2")
            .thresholds("Aux3Mon", 160, RAW, "Aux3")
            .thresholds("CustomMon", 168, RAW, "custom monitor")
            .thresholds("TxPower", 176, MILLIWATTS_01UW, "Tx optical power")
            .thresholds("TxBias", 184, MILLIAMPS_2UA, "Tx bias")
            .thresholds("RxPower", 192, MILLIWATTS_01UW, "Rx optical power")
            .bytes("PageChecksum02h", 255, 1, RO, COUNT, "8-bit sum of bytes 128–254")
            .build(0, "Module and lane thresholds", "alarm/warning thresholds (HA, LA, HW, LW) for module and lane monitors");
    }
}
