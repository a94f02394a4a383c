package org.openxpo.driver.module;

import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.List;

/** The fields the module API reads and writes, looked up once by name in the declared memory map. */
final class Registers {
    private Registers() {}

    static final MemoryMap MAP = MemoryMap.xpo();
    static final int LOWER = 0x00, PAGE_00 = 0x00, PAGE_01 = 0x01, PAGE_02 = 0x02, LANE_CONTROL = 0x10,
        LANE_STATUS = 0x11, XPO_TELEMETRY = 0xB0, XPO_THRESHOLDS = 0xB1;

    static Field f(String name) { return MAP.field(name); }

    // lower page
    static final Field IDENTIFIER = f("SFF8024Identifier"), CMIS_MAJOR = f("CmisRevisionMajor"),
        CMIS_MINOR = f("CmisRevisionMinor"), MEMORY_MODEL = f("MemoryModel"), MODULE_STATE = f("ModuleState"),
        INTERRUPT_DEASSERTED = f("InterruptDeasserted"), STATE_CHANGED_FLAG = f("ModuleStateChangedFlag"), BANKS_4_TO_7 = f("FlagsSummaryBanks4to7"),
        TEMP_MON = f("TempMonValue"), VCC_MON = f("VccMonVoltage"), LOW_PWR_ALLOW_HW = f("LowPwrAllowRequestHW"),
        LOW_PWR_REQUEST_SW = f("LowPwrRequestSW"), SOFTWARE_RESET = f("SoftwareReset"),
        ACTIVE_FW_MAJOR = f("ActiveFirmwareMajor"), ACTIVE_FW_MINOR = f("ActiveFirmwareMinor"),
        FAULT_CAUSE = f("ModuleFaultCause"), MEDIA_TYPE = f("MediaType"), APP_DESCRIPTOR = f("AppDescriptor");
    static final List<Field> FLAGS_SUMMARY = List.of(f("FlagsSummaryBank0"), f("FlagsSummaryBank1"),
        f("FlagsSummaryBank2"), f("FlagsSummaryBank3"));
    static final List<Field> XPO_SUMMARY = List.of(f("XpoMatingCyclesSummary"), f("XpoLeakSummary"),
        f("XpoCoolingFlagsSummary"), f("XpoPowerFlagsSummary"));
    /** Byte 26 carries the low-power controls and SoftwareReset; it is written as a whole. */
    static final int MODULE_CONTROL_BYTE = LOW_PWR_REQUEST_SW.offset();

    // page 00h, 01h
    static final Field VENDOR_NAME = f("VendorName"), VENDOR_OUI = f("VendorOUI"), VENDOR_PN = f("VendorPN"),
        VENDOR_REV = f("VendorRev"), VENDOR_SN = f("VendorSN"), DATE_CODE = f("DateCode"),
        MAX_POWER_CMIS = f("MaxPower"), XPO_MARKER = f("XpoProfileMarker"), XPO_VERSION = f("XpoProfileVersion");
    static final Field INACTIVE_FW_MAJOR = f("InactiveFirmwareMajor"), INACTIVE_FW_MINOR = f("InactiveFirmwareMinor"),
        HW_MAJOR = f("HardwareMajor"), HW_MINOR = f("HardwareMinor"), NP_PAGES = f("NetworkPathPagesSupported"),
        VDM_PAGES = f("VdmPagesSupported"), DIAG_PAGES = f("DiagPagesSupported"), PAGE_05 = f("Page05Supported"),
        PAGE_03 = f("Page03Supported"), BANKS_SUPPORTED = f("BanksSupported"), DP_DEINIT_DURATION = f("MaxDurationDPDeinit"),
        DP_INIT_DURATION = f("MaxDurationDPInit"), BIAS_MULTIPLIER = f("TxBiasMultiplier"),
        CDB_INSTANCES = f("CdbInstancesSupported"), CDB_EPL_PAGES = f("CdbMaxPagesEpl"),
        PWR_DN_DURATION = f("MaxDurationModulePwrDn"), PWR_UP_DURATION = f("MaxDurationModulePwrUp"),
        TX_OFF_DURATION = f("MaxDurationDPTxTurnOff"), TX_ON_DURATION = f("MaxDurationDPTxTurnOn"),
        MEDIA_LANE_OPTIONS = f("MediaLaneAssignmentOptions"), APP_DESCRIPTOR_EXT = f("AppDescriptorExt");

    // page 10h, 11h
    static final Field DP_DEINIT = f("DPDeinitLane"), OUTPUT_DISABLE_TX = f("OutputDisableTx"),
        APPLY_DP_INIT = f("ApplyDPInit"), DP_CONFIG = f("DPConfigLane");
    static final Field DP_STATE = f("DPState"), OUTPUT_STATUS_RX = f("OutputStatusRx"),
        OUTPUT_STATUS_TX = f("OutputStatusTx"), TX_POWER = f("OpticalPowerTx"), TX_BIAS = f("LaserBiasTx"),
        RX_POWER = f("OpticalPowerRx"), CONFIG_STATUS = f("ConfigStatusLane"), ACS_DP_CONFIG = f("AcsDPConfigLane"),
        DP_INIT_PENDING = f("DPInitPendingLane");

    // page B0h
    static final Field LEAK_DETECTED = f("LeakDetected"), LEAK_SENSOR_FAULT = f("LeakSensorFault"),
        POWER_GOOD = f("PowerGood"), MATING_CYCLES = f("MatingCycles"), MATING_CYCLES_RATED = f("MatingCyclesRated"),
        MAX_POWER_XPO = f("MaxPowerXpo");

    /** Every latched (clear-on-read) field of a page; {@code LOWER} gives the lower page's. */
    static List<Field> latched(int page) {
        List<Field> src = page == LOWER ? MAP.lowerFields() : MAP.page(page).map(PageDef::fields).orElseThrow();
        return src.stream().filter(fd -> fd.access() == Access.COR).toList();
    }

    static List<Field> concat(List<Field> a, List<Field> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
