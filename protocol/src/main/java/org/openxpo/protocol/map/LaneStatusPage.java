package org.openxpo.protocol.map;

import org.openxpo.protocol.types.Lanes;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/**
 * The banked lane status page 11h (cmis-digest §3.5): data-path states, latched lane flags, lane monitors, config
 * status and the active control set. Bank b carries host lanes 8b+1…8b+8; a per-lane field's element i is lane
 * 8b+i+1. The masks of its flags and the staged fields of its active set are declared on page 10h
 * ({@link LaneControlPage}), which names these constants.
 */
public final class LaneStatusPage {
    private LaneStatusPage() {}

    static final PageBuilder PAGE = new PageBuilder(Pages.LANE_STATUS, Lanes.BANKS, "Lane status (banked)",
        "data-path states, lane flags and monitors, config status, active control set");

    public static final Field DP_STATE =
        PAGE.reset(1).laneBits("DPState", 128, 4, RO, CODE, "data-path state: 1 Deactivated, 2 Init, 3 Deinit, 4 Activated, 5 TxTurnOn, 6 TxTurnOff, 7 Initialized");
    public static final Field OUTPUT_STATUS_RX =
        PAGE.laneBits("OutputStatusRx", 132, 1, RO, BITS, "1 = Rx output valid");
    public static final Field OUTPUT_STATUS_TX =
        PAGE.laneBits("OutputStatusTx", 133, 1, RO, BITS, "1 = Tx output valid");
    public static final Field DP_STATE_CHANGED_FLAG =
        PAGE.laneBits("DPStateChangedFlag", 134, 1, COR, BITS, "latched: data-path state changed");
    public static final Field FAILURE_FLAG_TX =
        PAGE.laneBits("FailureFlagTx", 135, 1, COR, BITS, "latched: Tx failure (laser fault)");
    public static final Field LOS_FLAG_TX =
        PAGE.laneBits("LosFlagTx", 136, 1, COR, BITS, "latched: Tx input loss of signal");
    public static final Field CDR_LOL_FLAG_TX =
        PAGE.laneBits("CdrLolFlagTx", 137, 1, COR, BITS, "latched: Tx CDR loss of lock");
    public static final Field ADAPTIVE_INPUT_EQ_FAIL_FLAG_TX =
        PAGE.laneBits("AdaptiveInputEqFailFlagTx", 138, 1, COR, BITS, "latched: adaptive input EQ failed");
    public static final Field TX_POWER_HIGH_ALARM_FLAG =
        PAGE.laneBits("TxPowerHighAlarmFlag", 139, 1, COR, BITS, "latched: Tx power high alarm");
    public static final Field TX_POWER_LOW_ALARM_FLAG =
        PAGE.laneBits("TxPowerLowAlarmFlag", 140, 1, COR, BITS, "latched: Tx power low alarm");
    public static final Field TX_POWER_HIGH_WARNING_FLAG =
        PAGE.laneBits("TxPowerHighWarningFlag", 141, 1, COR, BITS, "latched: Tx power high warning");
    public static final Field TX_POWER_LOW_WARNING_FLAG =
        PAGE.laneBits("TxPowerLowWarningFlag", 142, 1, COR, BITS, "latched: Tx power low warning");
    public static final Field TX_BIAS_HIGH_ALARM_FLAG =
        PAGE.laneBits("TxBiasHighAlarmFlag", 143, 1, COR, BITS, "latched: Tx bias high alarm");
    public static final Field TX_BIAS_LOW_ALARM_FLAG =
        PAGE.laneBits("TxBiasLowAlarmFlag", 144, 1, COR, BITS, "latched: Tx bias low alarm");
    public static final Field TX_BIAS_HIGH_WARNING_FLAG =
        PAGE.laneBits("TxBiasHighWarningFlag", 145, 1, COR, BITS, "latched: Tx bias high warning");
    public static final Field TX_BIAS_LOW_WARNING_FLAG =
        PAGE.laneBits("TxBiasLowWarningFlag", 146, 1, COR, BITS, "latched: Tx bias low warning");
    public static final Field LOS_FLAG_RX =
        PAGE.laneBits("LosFlagRx", 147, 1, COR, BITS, "latched: Rx loss of signal");
    public static final Field CDR_LOL_FLAG_RX =
        PAGE.laneBits("CdrLolFlagRx", 148, 1, COR, BITS, "latched: Rx CDR loss of lock");
    public static final Field RX_POWER_HIGH_ALARM_FLAG =
        PAGE.laneBits("RxPowerHighAlarmFlag", 149, 1, COR, BITS, "latched: Rx power high alarm");
    public static final Field RX_POWER_LOW_ALARM_FLAG =
        PAGE.laneBits("RxPowerLowAlarmFlag", 150, 1, COR, BITS, "latched: Rx power low alarm");
    public static final Field RX_POWER_HIGH_WARNING_FLAG =
        PAGE.laneBits("RxPowerHighWarningFlag", 151, 1, COR, BITS, "latched: Rx power high warning");
    public static final Field RX_POWER_LOW_WARNING_FLAG =
        PAGE.laneBits("RxPowerLowWarningFlag", 152, 1, COR, BITS, "latched: Rx power low warning");
    public static final Field OUTPUT_STATUS_CHANGED_FLAG_RX =
        PAGE.laneBits("OutputStatusChangedFlagRx", 153, 1, COR, BITS, "latched: Rx output status changed");
    public static final Field OPTICAL_POWER_TX =
        PAGE.laneBytes("OpticalPowerTx", 154, 2, RO, MILLIWATTS_01UW, "Tx optical power");
    public static final Field LASER_BIAS_TX =
        PAGE.laneBytes("LaserBiasTx", 170, 2, RO, MILLIAMPS_2UA, "Tx laser bias (× multiplier of 01h:160)");
    public static final Field OPTICAL_POWER_RX =
        PAGE.laneBytes("OpticalPowerRx", 186, 2, RO, MILLIWATTS_01UW, "Rx optical power (Pavg)");
    public static final Field CONFIG_STATUS_LANE =
        PAGE.laneBits("ConfigStatusLane", 202, 4, RO, CODE, "result of the last ApplyDPInit: 1 Success, 2–7 rejected, 0xC in progress");
    public static final Field ACS_DP_CONFIG_LANE =
        PAGE.reset(0x10).laneBytes("AcsDPConfigLane", 206, 1, RO, RAW, "active control set: AppSel, DataPathID, ExplicitControl");
    public static final Field ACS_ADAPTIVE_INPUT_EQ_ENABLE_TX =
        PAGE.reset(1).laneBits("AcsAdaptiveInputEqEnableTx", 214, 1, RO, BITS, "active: adaptive Tx input EQ");
    public static final Field ACS_ADAPTIVE_INPUT_EQ_RECALL_TX =
        PAGE.laneBits("AcsAdaptiveInputEqRecallTx", 215, 2, RO, BITS, "active: recall buffer");
    public static final Field ACS_FIXED_INPUT_EQ_TARGET_TX =
        PAGE.laneBits("AcsFixedInputEqTargetTx", 217, 4, RO, COUNT, "active: fixed Tx input EQ");
    public static final Field ACS_CDR_ENABLE_TX =
        PAGE.reset(1).laneBits("AcsCdrEnableTx", 221, 1, RO, BITS, "active: Tx CDR");
    public static final Field ACS_CDR_ENABLE_RX =
        PAGE.reset(1).laneBits("AcsCdrEnableRx", 222, 1, RO, BITS, "active: Rx CDR");
    public static final Field ACS_OUTPUT_EQ_PRE_CURSOR_TARGET_RX =
        PAGE.laneBits("AcsOutputEqPreCursorTargetRx", 223, 4, RO, COUNT, "active: Rx pre-cursor");
    public static final Field ACS_OUTPUT_EQ_POST_CURSOR_TARGET_RX =
        PAGE.laneBits("AcsOutputEqPostCursorTargetRx", 227, 4, RO, COUNT, "active: Rx post-cursor");
    public static final Field ACS_OUTPUT_AMPLITUDE_TARGET_RX =
        PAGE.laneBits("AcsOutputAmplitudeTargetRx", 231, 4, RO, COUNT, "active: Rx amplitude");
    public static final Field DP_INIT_PENDING_LANE =
        PAGE.laneBits("DPInitPendingLane", 235, 1, RO, BITS, "1 = ApplyDPInit succeeded, DPInit not yet run");
    public static final Field MEDIA_LANE_MAPPING_TX =
        PAGE.laneBytes("MediaLaneMappingTx", 240, 1, RO, RAW, "Tx media lane: wavelength (7-4) / fiber (3-0)");
    public static final Field MEDIA_LANE_MAPPING_RX =
        PAGE.laneBytes("MediaLaneMappingRx", 248, 1, RO, RAW, "Rx media lane: wavelength (7-4) / fiber (3-0)");
}
