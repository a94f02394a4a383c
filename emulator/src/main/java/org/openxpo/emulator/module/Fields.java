package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;

/** The map fields the firmware touches, looked up once by name from the declaration (no offsets typed here). */
final class Fields {
    private Fields() {}

    private static Field f(String name) { return MemoryMap.xpo().field(name); }

    // lower page
    static final Field IDENTIFIER = f("SFF8024Identifier");
    static final Field CMIS_MAJOR = f("CmisRevisionMajor");
    static final Field CMIS_MINOR = f("CmisRevisionMinor");
    static final Field STEPPED_CONFIG_ONLY = f("SteppedConfigOnly");
    static final Field MCI_MAX_SPEED = f("MciMaxSpeed");
    static final Field AUTO_COMMISSIONING = f("AutoCommissioning");
    static final Field MODULE_STATE = f("ModuleState");
    static final Field INTERRUPT_DEASSERTED = f("InterruptDeasserted");
    static final Field[] FLAGS_SUMMARY_BANK = {f("FlagsSummaryBank0"), f("FlagsSummaryBank1"),
        f("FlagsSummaryBank2"), f("FlagsSummaryBank3")};
    static final Field FLAGS_SUMMARY_BANKS_4_TO_7 = f("FlagsSummaryBanks4to7");
    static final Field XPO_POWER_SUMMARY = f("XpoPowerFlagsSummary");
    static final Field XPO_COOLING_SUMMARY = f("XpoCoolingFlagsSummary");
    static final Field XPO_LEAK_SUMMARY = f("XpoLeakSummary");
    static final Field XPO_MATING_SUMMARY = f("XpoMatingCyclesSummary");
    static final Field CDB_COMPLETE_FLAG1 = f("CdbCmdCompleteFlag1");
    static final Field MODULE_FW_ERROR_FLAG = f("ModuleFirmwareErrorFlag");
    static final Field MODULE_STATE_CHANGED_FLAG = f("ModuleStateChangedFlag");
    static final Field VCC_FLAGS = f("VccFlags");
    static final Field TEMP_FLAGS = f("TempFlags");
    static final Field TEMP_MON = f("TempMonValue");
    static final Field VCC_MON = f("VccMonVoltage");
    static final Field LOW_PWR_ALLOW_HW = f("LowPwrAllowRequestHW");
    static final Field LOW_PWR_REQUEST_SW = f("LowPwrRequestSW");
    static final Field SOFTWARE_RESET = f("SoftwareReset");
    static final Field CDB_STATUS1 = f("CdbStatus1");
    static final Field ACTIVE_FW_MAJOR = f("ActiveFirmwareMajor");
    static final Field ACTIVE_FW_MINOR = f("ActiveFirmwareMinor");
    static final Field FAULT_CAUSE = f("ModuleFaultCause");
    static final Field MEDIA_TYPE = f("MediaType");
    static final Field APP_DESCRIPTOR = f("AppDescriptor");
    static final Field PASSWORD_CHANGE = f("PasswordChangeEntry");
    static final Field PASSWORD_ENTRY = f("PasswordEntry");

    // page 01h
    static final Field INACTIVE_FW_MAJOR = f("InactiveFirmwareMajor");
    static final Field INACTIVE_FW_MINOR = f("InactiveFirmwareMinor");
    static final Field TX_BIAS_MULTIPLIER = f("TxBiasMultiplier");

    // page 10h
    static final Field DP_DEINIT = f("DPDeinitLane");
    static final Field OUTPUT_DISABLE_TX = f("OutputDisableTx");
    static final Field APPLY_DP_INIT = f("ApplyDPInit");
    static final Field APPLY_IMMEDIATE = f("ApplyImmediate");
    static final Field SCS_DP_CONFIG = f("DPConfigLane");
    static final Field SCS_FIXED_EQ_TX = f("FixedInputEqTargetTx");
    static final Field SCS_PRE_CURSOR_RX = f("OutputEqPreCursorTargetRx");
    static final Field SCS_POST_CURSOR_RX = f("OutputEqPostCursorTargetRx");
    static final Field SCS_AMPLITUDE_RX = f("OutputAmplitudeTargetRx");

    // page 11h
    static final Field DP_STATE = f("DPState");
    static final Field OUTPUT_STATUS_RX = f("OutputStatusRx");
    static final Field OUTPUT_STATUS_TX = f("OutputStatusTx");
    static final Field DP_STATE_CHANGED_FLAG = f("DPStateChangedFlag");
    static final Field FAILURE_FLAG_TX = f("FailureFlagTx");
    static final Field CDR_LOL_FLAG_TX = f("CdrLolFlagTx");
    static final Field LOS_FLAG_RX = f("LosFlagRx");
    static final Field CDR_LOL_FLAG_RX = f("CdrLolFlagRx");
    static final Field OUTPUT_STATUS_CHANGED_RX = f("OutputStatusChangedFlagRx");
    static final Field TX_POWER = f("OpticalPowerTx");
    static final Field TX_BIAS = f("LaserBiasTx");
    static final Field RX_POWER = f("OpticalPowerRx");
    static final Field CONFIG_STATUS = f("ConfigStatusLane");
    static final Field ACS_DP_CONFIG = f("AcsDPConfigLane");
    static final Field DP_INIT_PENDING = f("DPInitPendingLane");

    /** First and last byte of the lane flags on 11h; their masks sit at the same order on 10h from DPStateChangedMask. */
    static final Field LANE_FLAGS_FIRST = DP_STATE_CHANGED_FLAG;
    static final Field LANE_FLAGS_LAST = OUTPUT_STATUS_CHANGED_RX;
    static final Field LANE_MASKS_FIRST = f("DPStateChangedMask");

    // XPO page B0h
    static final Field LEAK_DETECTED = f("LeakDetected");
    static final Field LEAK_SENSOR_FAULT = f("LeakSensorFault");
    static final Field POWER_GOOD = f("PowerGood");
    static final Field MATING_CYCLES = f("MatingCycles");
    static final Field MATING_CYCLES_RATED = f("MatingCyclesRated");
    static final Field MAX_POWER_XPO = f("MaxPowerXpo");
    static final Field POWER_GOOD_LOST_FLAG = f("PowerGoodLostFlag");
    static final Field MATING_WARNING_FLAG = f("MatingCyclesWarningFlag");
    static final Field LEAK_SENSOR_FAULT_FLAG = f("LeakSensorFaultFlag");
    static final Field LEAK_FLAG = f("LeakFlag");
}
