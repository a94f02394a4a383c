package org.openxpo.protocol.map;

import org.openxpo.protocol.types.Lanes;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/**
 * The banked lane control page 10h (cmis-digest §3.4): data-path controls, staged control set 0 (SCS0) and the lane
 * flag masks. Bank b carries host lanes 8b+1…8b+8; a per-lane field's element i is lane 8b+i+1. Each staged field
 * names its active counterpart on page 11h ({@link MemoryMap#activeOf}), each mask its flag ({@link MemoryMap#maskOf}).
 */
public final class LaneControlPage {
    private LaneControlPage() {}

    static final PageBuilder PAGE = new PageBuilder(Pages.LANE_CONTROL, Lanes.BANKS, "Lane control (banked)",
        "data-path control, staged control set 0, lane flag masks");

    public static final Field DP_DEINIT_LANE =
        PAGE.laneBits("DPDeinitLane", 128, 1, RW, BITS, "1 = deinitialize the data path of the lane");
    public static final Field INPUT_POLARITY_FLIP_TX =
        PAGE.laneBits("InputPolarityFlipTx", 129, 1, RW, BITS, "flip Tx input polarity");
    public static final Field OUTPUT_DISABLE_TX =
        PAGE.laneBits("OutputDisableTx", 130, 1, RW, BITS, "1 = Tx output disabled");
    public static final Field AUTO_SQUELCH_DISABLE_TX =
        PAGE.laneBits("AutoSquelchDisableTx", 131, 1, RW, BITS, "disable Tx auto squelch");
    public static final Field OUTPUT_SQUELCH_FORCE_TX =
        PAGE.laneBits("OutputSquelchForceTx", 132, 1, RW, BITS, "force Tx squelch");
    public static final Field ADAPTIVE_INPUT_EQ_FREEZE_TX =
        PAGE.laneBits("AdaptiveInputEqFreezeTx", 134, 1, RW, BITS, "freeze adaptive Tx input EQ");
    public static final Field ADAPTIVE_INPUT_EQ_STORE_TX =
        PAGE.laneBits("AdaptiveInputEqStoreTx", 135, 2, WO_SC, BITS, "store adaptive EQ to recall buffer 1/2");
    public static final Field OUTPUT_POLARITY_FLIP_RX =
        PAGE.laneBits("OutputPolarityFlipRx", 137, 1, RW, BITS, "flip Rx output polarity");
    public static final Field OUTPUT_DISABLE_RX =
        PAGE.laneBits("OutputDisableRx", 138, 1, RW, BITS, "1 = Rx output disabled");
    public static final Field AUTO_SQUELCH_DISABLE_RX =
        PAGE.laneBits("AutoSquelchDisableRx", 139, 1, RW, BITS, "disable Rx auto squelch");
    public static final Field APPLY_DP_INIT =
        PAGE.laneBits("ApplyDPInit", 143, 1, WO_SC, BITS, "SCS0: provision the staged set for these lanes (result in ConfigStatusLane)");
    public static final Field APPLY_IMMEDIATE =
        PAGE.laneBits("ApplyImmediate", 144, 1, WO_SC, BITS, "SCS0: provision and commission at once");
    public static final Field DP_CONFIG_LANE =
        PAGE.activeIn(LaneStatusPage.ACS_DP_CONFIG_LANE).reset(0x10).laneBytes("DPConfigLane", 145, 1, RW, RAW, "SCS0: bits 7-4 AppSel, 3-1 DataPathID (first lane − 1), 0 ExplicitControl");
    public static final Field ADAPTIVE_INPUT_EQ_ENABLE_TX =
        PAGE.activeIn(LaneStatusPage.ACS_ADAPTIVE_INPUT_EQ_ENABLE_TX).reset(1).laneBits("AdaptiveInputEqEnableTx", 153, 1, RW, BITS, "SCS0: adaptive Tx input EQ");
    public static final Field ADAPTIVE_INPUT_EQ_RECALL_TX =
        PAGE.activeIn(LaneStatusPage.ACS_ADAPTIVE_INPUT_EQ_RECALL_TX).laneBits("AdaptiveInputEqRecallTx", 154, 2, RW, BITS, "SCS0: recall buffer");
    public static final Field FIXED_INPUT_EQ_TARGET_TX =
        PAGE.activeIn(LaneStatusPage.ACS_FIXED_INPUT_EQ_TARGET_TX).laneBits("FixedInputEqTargetTx", 156, 4, RW, COUNT, "SCS0: fixed Tx input EQ");
    public static final Field CDR_ENABLE_TX =
        PAGE.activeIn(LaneStatusPage.ACS_CDR_ENABLE_TX).reset(1).laneBits("CdrEnableTx", 160, 1, RW, BITS, "SCS0: Tx CDR enabled");
    public static final Field CDR_ENABLE_RX =
        PAGE.activeIn(LaneStatusPage.ACS_CDR_ENABLE_RX).reset(1).laneBits("CdrEnableRx", 161, 1, RW, BITS, "SCS0: Rx CDR enabled");
    public static final Field OUTPUT_EQ_PRE_CURSOR_TARGET_RX =
        PAGE.activeIn(LaneStatusPage.ACS_OUTPUT_EQ_PRE_CURSOR_TARGET_RX).laneBits("OutputEqPreCursorTargetRx", 162, 4, RW, COUNT, "SCS0: Rx output pre-cursor");
    public static final Field OUTPUT_EQ_POST_CURSOR_TARGET_RX =
        PAGE.activeIn(LaneStatusPage.ACS_OUTPUT_EQ_POST_CURSOR_TARGET_RX).laneBits("OutputEqPostCursorTargetRx", 166, 4, RW, COUNT, "SCS0: Rx output post-cursor");
    public static final Field OUTPUT_AMPLITUDE_TARGET_RX =
        PAGE.activeIn(LaneStatusPage.ACS_OUTPUT_AMPLITUDE_TARGET_RX).laneBits("OutputAmplitudeTargetRx", 170, 4, RW, COUNT, "SCS0: Rx output amplitude");
    public static final Field DP_STATE_CHANGED_MASK =
        PAGE.mask(LaneStatusPage.DP_STATE_CHANGED_FLAG, "DPStateChangedMask", 213);
    public static final Field FAILURE_MASK_TX =
        PAGE.mask(LaneStatusPage.FAILURE_FLAG_TX, "FailureMaskTx", 214);
    public static final Field LOS_MASK_TX =
        PAGE.mask(LaneStatusPage.LOS_FLAG_TX, "LosMaskTx", 215);
    public static final Field CDR_LOL_MASK_TX =
        PAGE.mask(LaneStatusPage.CDR_LOL_FLAG_TX, "CdrLolMaskTx", 216);
    public static final Field ADAPTIVE_INPUT_EQ_FAIL_MASK_TX =
        PAGE.mask(LaneStatusPage.ADAPTIVE_INPUT_EQ_FAIL_FLAG_TX, "AdaptiveInputEqFailMaskTx", 217);
    public static final Field TX_POWER_HIGH_ALARM_MASK =
        PAGE.mask(LaneStatusPage.TX_POWER_HIGH_ALARM_FLAG, "TxPowerHighAlarmMask", 218);
    public static final Field TX_POWER_LOW_ALARM_MASK =
        PAGE.mask(LaneStatusPage.TX_POWER_LOW_ALARM_FLAG, "TxPowerLowAlarmMask", 219);
    public static final Field TX_POWER_HIGH_WARNING_MASK =
        PAGE.mask(LaneStatusPage.TX_POWER_HIGH_WARNING_FLAG, "TxPowerHighWarningMask", 220);
    public static final Field TX_POWER_LOW_WARNING_MASK =
        PAGE.mask(LaneStatusPage.TX_POWER_LOW_WARNING_FLAG, "TxPowerLowWarningMask", 221);
    public static final Field TX_BIAS_HIGH_ALARM_MASK =
        PAGE.mask(LaneStatusPage.TX_BIAS_HIGH_ALARM_FLAG, "TxBiasHighAlarmMask", 222);
    public static final Field TX_BIAS_LOW_ALARM_MASK =
        PAGE.mask(LaneStatusPage.TX_BIAS_LOW_ALARM_FLAG, "TxBiasLowAlarmMask", 223);
    public static final Field TX_BIAS_HIGH_WARNING_MASK =
        PAGE.mask(LaneStatusPage.TX_BIAS_HIGH_WARNING_FLAG, "TxBiasHighWarningMask", 224);
    public static final Field TX_BIAS_LOW_WARNING_MASK =
        PAGE.mask(LaneStatusPage.TX_BIAS_LOW_WARNING_FLAG, "TxBiasLowWarningMask", 225);
    public static final Field LOS_MASK_RX =
        PAGE.mask(LaneStatusPage.LOS_FLAG_RX, "LosMaskRx", 226);
    public static final Field CDR_LOL_MASK_RX =
        PAGE.mask(LaneStatusPage.CDR_LOL_FLAG_RX, "CdrLolMaskRx", 227);
    public static final Field RX_POWER_HIGH_ALARM_MASK =
        PAGE.mask(LaneStatusPage.RX_POWER_HIGH_ALARM_FLAG, "RxPowerHighAlarmMask", 228);
    public static final Field RX_POWER_LOW_ALARM_MASK =
        PAGE.mask(LaneStatusPage.RX_POWER_LOW_ALARM_FLAG, "RxPowerLowAlarmMask", 229);
    public static final Field RX_POWER_HIGH_WARNING_MASK =
        PAGE.mask(LaneStatusPage.RX_POWER_HIGH_WARNING_FLAG, "RxPowerHighWarningMask", 230);
    public static final Field RX_POWER_LOW_WARNING_MASK =
        PAGE.mask(LaneStatusPage.RX_POWER_LOW_WARNING_FLAG, "RxPowerLowWarningMask", 231);
    public static final Field OUTPUT_STATUS_CHANGED_MASK_RX =
        PAGE.mask(LaneStatusPage.OUTPUT_STATUS_CHANGED_FLAG_RX, "OutputStatusChangedMaskRx", 232);
}
