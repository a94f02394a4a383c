package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/**
 * The banked lane pages 10h (control) and 11h (status). Bank b carries host lanes 8b+1…8b+8; a per-lane field's
 * element i is lane 8b+i+1 (cmis-digest §3.4–3.5).
 */
final class LanePages {
    private LanePages() {}

    static PageDef page10(int banks) {
        return new PageBuilder(0x10)
            .laneBits("DPDeinitLane", 128, 1, RW, BITS, "1 = deinitialize the data path of the lane")
            .laneBits("InputPolarityFlipTx", 129, 1, RW, BITS, "flip Tx input polarity")
            .laneBits("OutputDisableTx", 130, 1, RW, BITS, "1 = Tx output disabled")
            .laneBits("AutoSquelchDisableTx", 131, 1, RW, BITS, "disable Tx auto squelch")
            .laneBits("OutputSquelchForceTx", 132, 1, RW, BITS, "force Tx squelch")
            .laneBits("AdaptiveInputEqFreezeTx", 134, 1, RW, BITS, "freeze adaptive Tx input EQ")
            .laneBits("AdaptiveInputEqStoreTx", 135, 2, WO_SC, BITS, "store adaptive EQ to recall buffer 1/2")
            .laneBits("OutputPolarityFlipRx", 137, 1, RW, BITS, "flip Rx output polarity")
            .laneBits("OutputDisableRx", 138, 1, RW, BITS, "1 = Rx output disabled")
            .laneBits("AutoSquelchDisableRx", 139, 1, RW, BITS, "disable Rx auto squelch")
            .laneBits("ApplyDPInit", 143, 1, WO_SC, BITS, "SCS0: provision the staged set for these lanes (result in ConfigStatusLane)")
            .laneBits("ApplyImmediate", 144, 1, WO_SC, BITS, "SCS0: provision and commission at once")
            .laneBytes("DPConfigLane", 145, 1, RW, RAW, "SCS0: bits 7-4 AppSel, 3-1 DataPathID (first lane − 1), 0 ExplicitControl").reset(0x10)
            .laneBits("AdaptiveInputEqEnableTx", 153, 1, RW, BITS, "SCS0: adaptive Tx input EQ").reset(1)
            .laneBits("AdaptiveInputEqRecallTx", 154, 2, RW, BITS, "SCS0: recall buffer")
            .laneBits("FixedInputEqTargetTx", 156, 4, RW, COUNT, "SCS0: fixed Tx input EQ")
            .laneBits("CdrEnableTx", 160, 1, RW, BITS, "SCS0: Tx CDR enabled").reset(1)
            .laneBits("CdrEnableRx", 161, 1, RW, BITS, "SCS0: Rx CDR enabled").reset(1)
            .laneBits("OutputEqPreCursorTargetRx", 162, 4, RW, COUNT, "SCS0: Rx output pre-cursor")
            .laneBits("OutputEqPostCursorTargetRx", 166, 4, RW, COUNT, "SCS0: Rx output post-cursor")
            .laneBits("OutputAmplitudeTargetRx", 170, 4, RW, COUNT, "SCS0: Rx output amplitude")
            .laneBits("DPStateChangedMask", 213, 1, RW, BITS, "mask DPStateChangedFlag")
            .laneBits("FailureMaskTx", 214, 1, RW, BITS, "mask FailureFlagTx")
            .laneBits("LosMaskTx", 215, 1, RW, BITS, "mask LosFlagTx")
            .laneBits("CdrLolMaskTx", 216, 1, RW, BITS, "mask CdrLolFlagTx")
            .laneBits("AdaptiveInputEqFailMaskTx", 217, 1, RW, BITS, "mask AdaptiveInputEqFailFlagTx")
            .laneBits("TxPowerHighAlarmMask", 218, 1, RW, BITS, "mask TxPowerHighAlarmFlag")
            .laneBits("TxPowerLowAlarmMask", 219, 1, RW, BITS, "mask TxPowerLowAlarmFlag")
            .laneBits("TxPowerHighWarningMask", 220, 1, RW, BITS, "mask TxPowerHighWarningFlag")
            .laneBits("TxPowerLowWarningMask", 221, 1, RW, BITS, "mask TxPowerLowWarningFlag")
            .laneBits("TxBiasHighAlarmMask", 222, 1, RW, BITS, "mask TxBiasHighAlarmFlag")
            .laneBits("TxBiasLowAlarmMask", 223, 1, RW, BITS, "mask TxBiasLowAlarmFlag")
            .laneBits("TxBiasHighWarningMask", 224, 1, RW, BITS, "mask TxBiasHighWarningFlag")
            .laneBits("TxBiasLowWarningMask", 225, 1, RW, BITS, "mask TxBiasLowWarningFlag")
            .laneBits("LosMaskRx", 226, 1, RW, BITS, "mask LosFlagRx")
            .laneBits("CdrLolMaskRx", 227, 1, RW, BITS, "mask CdrLolFlagRx")
            .laneBits("RxPowerHighAlarmMask", 228, 1, RW, BITS, "mask RxPowerHighAlarmFlag")
            .laneBits("RxPowerLowAlarmMask", 229, 1, RW, BITS, "mask RxPowerLowAlarmFlag")
            .laneBits("RxPowerHighWarningMask", 230, 1, RW, BITS, "mask RxPowerHighWarningFlag")
            .laneBits("RxPowerLowWarningMask", 231, 1, RW, BITS, "mask RxPowerLowWarningFlag")
            .laneBits("OutputStatusChangedMaskRx", 232, 1, RW, BITS, "mask OutputStatusChangedFlagRx")
            .build(banks, "Lane control (banked)", "data-path control, staged control set 0, lane flag masks");
    }

    static PageDef page11(int banks) {
        return new PageBuilder(0x11)
            .laneBits("DPState", 128, 4, RO, CODE, "data-path state: 1 Deactivated, 2 Init, 3 Deinit, 4 Activated, 5 TxTurnOn, 6 TxTurnOff, 7 Initialized").reset(1)
            .laneBits("OutputStatusRx", 132, 1, RO, BITS, "1 = Rx output valid")
            .laneBits("OutputStatusTx", 133, 1, RO, BITS, "1 = Tx output valid")
            .laneBits("DPStateChangedFlag", 134, 1, COR, BITS, "latched: data-path state changed")
            .laneBits("FailureFlagTx", 135, 1, COR, BITS, "latched: Tx failure (laser fault)")
            .laneBits("LosFlagTx", 136, 1, COR, BITS, "latched: Tx input loss of signal")
            .laneBits("CdrLolFlagTx", 137, 1, COR, BITS, "latched: Tx CDR loss of lock")
            .laneBits("AdaptiveInputEqFailFlagTx", 138, 1, COR, BITS, "latched: adaptive input EQ failed")
            .laneBits("TxPowerHighAlarmFlag", 139, 1, COR, BITS, "latched: Tx power high alarm")
            .laneBits("TxPowerLowAlarmFlag", 140, 1, COR, BITS, "latched: Tx power low alarm")
            .laneBits("TxPowerHighWarningFlag", 141, 1, COR, BITS, "latched: Tx power high warning")
            .laneBits("TxPowerLowWarningFlag", 142, 1, COR, BITS, "latched: Tx power low warning")
            .laneBits("TxBiasHighAlarmFlag", 143, 1, COR, BITS, "latched: Tx bias high alarm")
            .laneBits("TxBiasLowAlarmFlag", 144, 1, COR, BITS, "latched: Tx bias low alarm")
            .laneBits("TxBiasHighWarningFlag", 145, 1, COR, BITS, "latched: Tx bias high warning")
            .laneBits("TxBiasLowWarningFlag", 146, 1, COR, BITS, "latched: Tx bias low warning")
            .laneBits("LosFlagRx", 147, 1, COR, BITS, "latched: Rx loss of signal")
            .laneBits("CdrLolFlagRx", 148, 1, COR, BITS, "latched: Rx CDR loss of lock")
            .laneBits("RxPowerHighAlarmFlag", 149, 1, COR, BITS, "latched: Rx power high alarm")
            .laneBits("RxPowerLowAlarmFlag", 150, 1, COR, BITS, "latched: Rx power low alarm")
            .laneBits("RxPowerHighWarningFlag", 151, 1, COR, BITS, "latched: Rx power high warning")
            .laneBits("RxPowerLowWarningFlag", 152, 1, COR, BITS, "latched: Rx power low warning")
            .laneBits("OutputStatusChangedFlagRx", 153, 1, COR, BITS, "latched: Rx output status changed")
            .laneBytes("OpticalPowerTx", 154, 2, RO, MILLIWATTS_01UW, "Tx optical power")
            .laneBytes("LaserBiasTx", 170, 2, RO, MILLIAMPS_2UA, "Tx laser bias (× multiplier of 01h:160)")
            .laneBytes("OpticalPowerRx", 186, 2, RO, MILLIWATTS_01UW, "Rx optical power (Pavg)")
            .laneBits("ConfigStatusLane", 202, 4, RO, CODE, "result of the last ApplyDPInit: 1 Success, 2–7 rejected, 0xC in progress")
            .laneBytes("AcsDPConfigLane", 206, 1, RO, RAW, "active control set: AppSel, DataPathID, ExplicitControl").reset(0x10)
            .laneBits("AcsAdaptiveInputEqEnableTx", 214, 1, RO, BITS, "active: adaptive Tx input EQ").reset(1)
            .laneBits("AcsAdaptiveInputEqRecallTx", 215, 2, RO, BITS, "active: recall buffer")
            .laneBits("AcsFixedInputEqTargetTx", 217, 4, RO, COUNT, "active: fixed Tx input EQ")
            .laneBits("AcsCdrEnableTx", 221, 1, RO, BITS, "active: Tx CDR").reset(1)
            .laneBits("AcsCdrEnableRx", 222, 1, RO, BITS, "active: Rx CDR").reset(1)
            .laneBits("AcsOutputEqPreCursorTargetRx", 223, 4, RO, COUNT, "active: Rx pre-cursor")
            .laneBits("AcsOutputEqPostCursorTargetRx", 227, 4, RO, COUNT, "active: Rx post-cursor")
            .laneBits("AcsOutputAmplitudeTargetRx", 231, 4, RO, COUNT, "active: Rx amplitude")
            .laneBits("DPInitPendingLane", 235, 1, RO, BITS, "1 = ApplyDPInit succeeded, DPInit not yet run")
            .laneBytes("MediaLaneMappingTx", 240, 1, RO, RAW, "Tx media lane: wavelength (7-4) / fiber (3-0)")
            .laneBytes("MediaLaneMappingRx", 248, 1, RO, RAW, "Rx media lane: wavelength (7-4) / fiber (3-0)")
            .build(banks, "Lane status (banked)", "data-path states, lane flags and monitors, config status, active control set");
    }
}
