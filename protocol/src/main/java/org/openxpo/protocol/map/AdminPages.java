package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

import java.util.List;

/**
 * The unbanked administrative pages 00h (upper half), 01h and 02h (cmis-digest §3.1–3.3). Each field is a constant
 * named after its CMIS name; page 02h declares a {@link ThresholdSet} per monitor, naming the value it bounds.
 */
public final class AdminPages {
    private AdminPages() {}

    static final PageBuilder ADMINISTRATIVE = new PageBuilder(Pages.ADMINISTRATIVE, 0, "Administrative information",
        "identity, power class, connector; checksum at 222");
    static final PageBuilder ADVERTISING = new PageBuilder(Pages.ADVERTISING, 0, "Advertising",
        "firmware versions, supported pages/banks, durations, CDB advertisement; checksum at 255");
    static final PageBuilder THRESHOLDS = new PageBuilder(Pages.THRESHOLDS, 0, "Module and lane thresholds",
        "alarm/warning thresholds (HA, LA, HW, LW) for module and lane monitors");

    // ------------------------------------------------------------------ 00h (upper): administrative information

    public static final Field SFF8024_IDENTIFIER_COPY =
        ADMINISTRATIVE.bytes("SFF8024IdentifierCopy", 128, 1, RO, CODE, "copy of byte 0 (SONiC reads this one)");
    public static final Field VENDOR_NAME =
        ADMINISTRATIVE.bytes("VendorName", 129, 16, RO, ASCII, "vendor name");
    public static final Field VENDOR_OUI =
        ADMINISTRATIVE.bytes("VendorOUI", 145, 3, RO, RAW, "vendor IEEE OUI");
    public static final Field VENDOR_PN =
        ADMINISTRATIVE.bytes("VendorPN", 148, 16, RO, ASCII, "vendor part number");
    public static final Field VENDOR_REV =
        ADMINISTRATIVE.bytes("VendorRev", 164, 2, RO, ASCII, "vendor revision");
    public static final Field VENDOR_SN =
        ADMINISTRATIVE.bytes("VendorSN", 166, 16, RO, ASCII, "vendor serial number");
    public static final Field DATE_CODE =
        ADMINISTRATIVE.bytes("DateCode", 182, 8, RO, ASCII, "YYMMDD and 2-character lot code");
    public static final Field CLEI_CODE =
        ADMINISTRATIVE.bytes("CLEICode", 190, 10, RO, ASCII, "CLEI code");
    public static final Field MODULE_POWER_CLASS =
        ADMINISTRATIVE.bits("ModulePowerClass", 200, 7, 5, RO, CODE, "power class − 1 (7 = class 8; XPO power is on page B0h)");
    public static final Field MAX_POWER =
        ADMINISTRATIVE.bytes("MaxPower", 201, 1, RO, WATTS_025, "CMIS max power; saturates at 63.75 W, the real figure is MaxPowerXpo on page B0h");
    public static final Field CABLE_LENGTH =
        ADMINISTRATIVE.bytes("CableLength", 202, 1, RO, RAW, "cable assembly length (0 = separable optics)");
    public static final Field CONNECTOR_TYPE =
        ADMINISTRATIVE.bytes("ConnectorType", 203, 1, RO, CODE, "SFF-8024 connector type");
    public static final Field COPPER_ATTENUATION =
        ADMINISTRATIVE.bytes("CopperAttenuation", 204, 5, RO, RAW, "copper cable attenuation (not applicable: 0)");
    public static final Field MEDIA_LANE_UNSUPPORTED =
        ADMINISTRATIVE.bytes("MediaLaneUnsupported", 210, 1, RO, BITS, "media lanes not supported (bit per lane of a bank)");
    public static final Field FAR_END_CONFIGURATION =
        ADMINISTRATIVE.bits("FarEndConfiguration", 211, 4, 0, RO, CODE, "cable far-end breakout");
    public static final Field MEDIA_INTERFACE_TECHNOLOGY =
        ADMINISTRATIVE.bytes("MediaInterfaceTechnology", 212, 1, RO, CODE, "transmitter technology (6 = 1310 nm EML)");
    public static final Field PAGE_CHECKSUM_00H =
        ADMINISTRATIVE.bytes("PageChecksum00h", 222, 1, RO, COUNT, "8-bit sum of bytes 128–221");
    public static final Field XPO_PROFILE_MARKER =
        ADMINISTRATIVE.bytes("XpoProfileMarker", 223, 3, RO, ASCII, "XPO: the text \"XPO\" marks the XPO management profile");
    public static final Field XPO_PROFILE_VERSION =
        ADMINISTRATIVE.bytes("XpoProfileVersion", 226, 1, RO, COUNT, "XPO: profile version (1)");

    // ------------------------------------------------------------------ 01h: advertising

    public static final Field INACTIVE_FIRMWARE_MAJOR =
        ADVERTISING.bytes("InactiveFirmwareMajor", 128, 1, RO, COUNT, "inactive image major version");
    public static final Field INACTIVE_FIRMWARE_MINOR =
        ADVERTISING.bytes("InactiveFirmwareMinor", 129, 1, RO, COUNT, "inactive image minor version");
    public static final Field HARDWARE_MAJOR =
        ADVERTISING.bytes("HardwareMajor", 130, 1, RO, COUNT, "hardware major revision");
    public static final Field HARDWARE_MINOR =
        ADVERTISING.bytes("HardwareMinor", 131, 1, RO, COUNT, "hardware minor revision");
    public static final Field LENGTH_SMF =
        ADVERTISING.bytes("LengthSmf", 132, 1, RO, RAW, "SMF reach: bits 7-6 multiplier, 5-0 base");
    public static final Field LENGTH_OM5 =
        ADVERTISING.bytes("LengthOm5", 133, 1, RO, COUNT, "OM5 reach (2 m)");
    public static final Field LENGTH_OM4 =
        ADVERTISING.bytes("LengthOm4", 134, 1, RO, COUNT, "OM4 reach (2 m)");
    public static final Field LENGTH_OM3 =
        ADVERTISING.bytes("LengthOm3", 135, 1, RO, COUNT, "OM3 reach (2 m)");
    public static final Field LENGTH_OM2 =
        ADVERTISING.bytes("LengthOm2", 136, 1, RO, COUNT, "OM2 reach (1 m)");
    public static final Field NOMINAL_WAVELENGTH =
        ADVERTISING.bytes("NominalWavelength", 138, 2, RO, COUNT, "nominal wavelength (0.05 nm)");
    public static final Field WAVELENGTH_TOLERANCE =
        ADVERTISING.bytes("WavelengthTolerance", 140, 2, RO, COUNT, "wavelength tolerance (0.005 nm)");
    public static final Field NETWORK_PATH_PAGES_SUPPORTED =
        ADVERTISING.bit("NetworkPathPagesSupported", 142, 7, RO, "pages 16h/17h");
    public static final Field VDM_PAGES_SUPPORTED =
        ADVERTISING.bit("VdmPagesSupported", 142, 6, RO, "pages 20h–2Fh");
    public static final Field DIAG_PAGES_SUPPORTED =
        ADVERTISING.bit("DiagPagesSupported", 142, 5, RO, "pages 13h–14h");
    public static final Field PAGE05_SUPPORTED =
        ADVERTISING.bit("Page05Supported", 142, 3, RO, "page 05h");
    public static final Field PAGE03_SUPPORTED =
        ADVERTISING.bit("Page03Supported", 142, 2, RO, "page 03h");
    public static final Field BANKS_SUPPORTED =
        ADVERTISING.bits("BanksSupported", 142, 1, 0, RO, CODE, "0 bank 0, 1 banks 0–1, 2 banks 0–3, 3 = 8 banks (XPO, CPO precedent)");
    public static final Field MOD_SEL_WAIT_TIME =
        ADVERTISING.bytes("ModSelWaitTime", 143, 1, RO, RAW, "m·2^e µs (0 = no data)");
    public static final Field MAX_DURATION_DP_DEINIT =
        ADVERTISING.bits("MaxDurationDPDeinit", 144, 7, 4, RO, DURATION_CODE, "data-path deinit duration code");
    public static final Field MAX_DURATION_DP_INIT =
        ADVERTISING.bits("MaxDurationDPInit", 144, 3, 0, RO, DURATION_CODE, "data-path init duration code");
    public static final Field MODULE_CHARACTERISTICS =
        ADVERTISING.bytes("ModuleCharacteristics", 145, 1, RO, BITS, "cooled, clocking, Aux monitor meanings");
    public static final Field MODULE_TEMP_MAX =
        ADVERTISING.bytes("ModuleTempMax", 146, 1, RO, CELSIUS_S8, "maximum module temperature (°C)");
    public static final Field MODULE_TEMP_MIN =
        ADVERTISING.bytes("ModuleTempMin", 147, 1, RO, CELSIUS_S8, "minimum module temperature (°C)");
    public static final Field PROPAGATION_DELAY =
        ADVERTISING.bytes("PropagationDelay", 148, 2, RO, COUNT, "AOC propagation delay (10 ns)");
    public static final Field OPERATING_VOLTAGE_MIN =
        ADVERTISING.bytes("OperatingVoltageMin", 150, 1, RO, COUNT, "minimum 3.3 V operating voltage (20 mV)");
    public static final Field OPTICAL_CHARACTERISTICS =
        ADVERTISING.bytes("OpticalCharacteristics", 151, 1, RO, BITS, "bit4 Rx power is Pavg");
    public static final Field CDR_POWER_SAVED =
        ADVERTISING.bytes("CdrPowerSaved", 152, 1, RO, COUNT, "CDR bypass power saved per lane (0.01 W)");
    public static final Field RX_OUTPUT_AMPLITUDE_SUPPORT =
        ADVERTISING.bytes("RxOutputAmplitudeSupport", 153, 1, RO, BITS, "Rx amplitude codes / Tx input EQ max");
    public static final Field RX_OUTPUT_EQ_SUPPORT =
        ADVERTISING.bytes("RxOutputEqSupport", 154, 1, RO, BITS, "Rx output EQ pre/post max");
    public static final Field TX_CONTROLS_SUPPORTED =
        ADVERTISING.bytes("TxControlsSupported", 155, 1, RO, BITS, "Tx controls supported (bit1 OutputDisableTx)");
    public static final Field RX_CONTROLS_SUPPORTED =
        ADVERTISING.bytes("RxControlsSupported", 156, 1, RO, BITS, "Rx controls supported (bit1 OutputDisableRx)");
    public static final Field TX_FLAGS_SUPPORTED =
        ADVERTISING.bytes("TxFlagsSupported", 157, 1, RO, BITS, "bit0 Tx failure, bit1 LOS, bit2 CDR LOL");
    public static final Field RX_FLAGS_SUPPORTED =
        ADVERTISING.bytes("RxFlagsSupported", 158, 1, RO, BITS, "bit1 LOS, bit2 CDR LOL");
    public static final Field MODULE_MONITORS_SUPPORTED =
        ADVERTISING.bytes("ModuleMonitorsSupported", 159, 1, RO, BITS, "bit0 temperature, bit1 Vcc");
    public static final Field TX_BIAS_MULTIPLIER =
        ADVERTISING.bits("TxBiasMultiplier", 160, 4, 3, RO, CODE, "bias scaling: 0 ×1, 1 ×2, 2 ×4");
    public static final Field LANE_MONITORS_SUPPORTED =
        ADVERTISING.bits("LaneMonitorsSupported", 160, 2, 0, RO, BITS, "bit0 bias, bit1 Tx power, bit2 Rx power");
    public static final Field TX_SI_CONTROLS_SUPPORTED =
        ADVERTISING.bytes("TxSiControlsSupported", 161, 1, RO, BITS, "Tx signal-integrity controls");
    public static final Field RX_SI_CONTROLS_SUPPORTED =
        ADVERTISING.bytes("RxSiControlsSupported", 162, 1, RO, BITS, "Rx signal-integrity controls (bit5 staged set 1)");
    public static final Field CDB_INSTANCES_SUPPORTED =
        ADVERTISING.bits("CdbInstancesSupported", 163, 7, 6, RO, CODE, "CDB instances (1)");
    public static final Field CDB_BACKGROUND_MODE_SUPPORTED =
        ADVERTISING.bit("CdbBackgroundModeSupported", 163, 5, RO, "1 = registers stay readable while CDB is busy");
    public static final Field CDB_AUTO_PAGING_SUPPORTED =
        ADVERTISING.bit("CdbAutoPagingSupported", 163, 4, RO, "EPL auto-paging");
    public static final Field CDB_MAX_PAGES_EPL =
        ADVERTISING.bits("CdbMaxPagesEpl", 163, 3, 0, RO, CODE, "EPL pages: 0 none … 7 = A0h–AFh (16 pages)");
    public static final Field CDB_READ_WRITE_LENGTH_EXT =
        ADVERTISING.bytes("CdbReadWriteLengthExt", 164, 1, RO, COUNT, "i: CDB page access up to 8·(1+i) bytes");
    public static final Field CDB_COMMAND_TRIGGER_METHOD =
        ADVERTISING.bit("CdbCommandTriggerMethod", 165, 7, RO, "0 = triggered by writing byte 129");
    public static final Field CDB_EXT_MAX_BUSY_TIME =
        ADVERTISING.bits("CdbExtMaxBusyTime", 165, 4, 0, RO, COUNT, "max(1,X)·160 ms when 166.7 = 1");
    public static final Field CDB_MAX_BUSY_SPEC_METHOD =
        ADVERTISING.bit("CdbMaxBusySpecMethod", 166, 7, RO, "0 = use bits 6-0");
    public static final Field CDB_MAX_BUSY_TIME =
        ADVERTISING.bits("CdbMaxBusyTime", 166, 6, 0, RO, COUNT, "80 − min(80,X) ms");
    public static final Field MAX_DURATION_MODULE_PWR_DN =
        ADVERTISING.bits("MaxDurationModulePwrDn", 167, 7, 4, RO, DURATION_CODE, "module power-down duration code");
    public static final Field MAX_DURATION_MODULE_PWR_UP =
        ADVERTISING.bits("MaxDurationModulePwrUp", 167, 3, 0, RO, DURATION_CODE, "module power-up duration code");
    public static final Field MAX_DURATION_DP_TX_TURN_OFF =
        ADVERTISING.bits("MaxDurationDPTxTurnOff", 168, 7, 4, RO, DURATION_CODE, "Tx turn-off duration code");
    public static final Field MAX_DURATION_DP_TX_TURN_ON =
        ADVERTISING.bits("MaxDurationDPTxTurnOn", 168, 3, 0, RO, DURATION_CODE, "Tx turn-on duration code");
    public static final Field MEDIA_LANE_ASSIGNMENT_OPTIONS =
        ADVERTISING.array("MediaLaneAssignmentOptions", 176, 1, 15, RO, BITS, "AppSel 1–15: media lanes an application may start on");
    public static final Field APP_DESCRIPTOR_EXT =
        ADVERTISING.array("AppDescriptorExt", 223, 4, 7, RO, RAW, "application descriptors AppSel 9–15");
    public static final Field PAGE_CHECKSUM_01H =
        ADVERTISING.bytes("PageChecksum01h", 255, 1, RO, COUNT, "8-bit sum of bytes 130–254");

    // ------------------------------------------------------------------ 02h: module and lane thresholds

    public static final ThresholdSet TEMP_MON =
        THRESHOLDS.thresholds("TempMon", 128, CELSIUS, "module temperature", LowerPage.TEMP_MON_VALUE);
    public static final ThresholdSet VCC_MON =
        THRESHOLDS.thresholds("VccMon", 136, VOLTS_100UV, "3.3 V rail", LowerPage.VCC_MON_VOLTAGE);
    public static final ThresholdSet AUX1_MON =
        THRESHOLDS.thresholds("Aux1Mon", 144, RAW, "Aux1", LowerPage.AUX1_MON_VALUE);
    public static final ThresholdSet AUX2_MON =
        THRESHOLDS.thresholds("Aux2Mon", 152, RAW, "Aux2", LowerPage.AUX2_MON_VALUE);
    public static final ThresholdSet AUX3_MON =
        THRESHOLDS.thresholds("Aux3Mon", 160, RAW, "Aux3", LowerPage.AUX3_MON_VALUE);
    public static final ThresholdSet CUSTOM_MON =
        THRESHOLDS.thresholds("CustomMon", 168, RAW, "custom monitor", LowerPage.CUSTOM_MON_VALUE);
    public static final ThresholdSet TX_POWER =
        THRESHOLDS.thresholds("TxPower", 176, MILLIWATTS_01UW, "Tx optical power", LaneStatusPage.OPTICAL_POWER_TX,
            List.of(LaneStatusPage.TX_POWER_HIGH_ALARM_FLAG, LaneStatusPage.TX_POWER_LOW_ALARM_FLAG,
                LaneStatusPage.TX_POWER_HIGH_WARNING_FLAG, LaneStatusPage.TX_POWER_LOW_WARNING_FLAG));
    public static final ThresholdSet TX_BIAS =
        THRESHOLDS.thresholds("TxBias", 184, MILLIAMPS_2UA, "Tx bias", LaneStatusPage.LASER_BIAS_TX,
            List.of(LaneStatusPage.TX_BIAS_HIGH_ALARM_FLAG, LaneStatusPage.TX_BIAS_LOW_ALARM_FLAG,
                LaneStatusPage.TX_BIAS_HIGH_WARNING_FLAG, LaneStatusPage.TX_BIAS_LOW_WARNING_FLAG));
    public static final ThresholdSet RX_POWER =
        THRESHOLDS.thresholds("RxPower", 192, MILLIWATTS_01UW, "Rx optical power", LaneStatusPage.OPTICAL_POWER_RX,
            List.of(LaneStatusPage.RX_POWER_HIGH_ALARM_FLAG, LaneStatusPage.RX_POWER_LOW_ALARM_FLAG,
                LaneStatusPage.RX_POWER_HIGH_WARNING_FLAG, LaneStatusPage.RX_POWER_LOW_WARNING_FLAG));
    public static final Field PAGE_CHECKSUM_02H =
        THRESHOLDS.bytes("PageChecksum02h", 255, 1, RO, COUNT, "8-bit sum of bytes 128–254");
}
