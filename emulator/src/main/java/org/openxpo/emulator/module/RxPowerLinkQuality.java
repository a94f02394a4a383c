package org.openxpo.emulator.module;

import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.units.Codecs;

/**
 * Link quality from the optics model as it stands: the media receiver's SNR combines a noise floor with receiver
 * noise that grows as the received power (11h OpticalPowerRx, written by the physics) falls, so the SNR falls with
 * Rx power and never rises above the floor; the host input is a short electrical channel at a fixed SNR.
 */
final class RxPowerLinkQuality implements ReceiverQuality {
    /** Best SNR a media receiver reaches (DSP and laser noise), dB. */
    static final double MEDIA_SNR_FLOOR_DB = 26;
    /** Receiver-noise-limited SNR at 0 dBm received, dB; it moves dB for dB with the received power. */
    static final double MEDIA_SNR_AT_0_DBM = 20.5;
    /** SNR of the host electrical (C2M) channel, dB. */
    static final double HOST_SNR_DB = 26;

    private final ModuleMemory mem;

    RxPowerLinkQuality(ModuleMemory mem) { this.mem = mem; }

    @Override
    public double mediaSnrDb(int lane) {
        byte[] status = mem.pageArray(Pages.LANE_STATUS, Lanes.bankOf(lane));
        double mw = LaneStatusPage.OPTICAL_POWER_RX.value(status, Lanes.indexInBank(lane));
        if (!(mw > 0)) return 0;
        double receiverNoise = Math.pow(10, -(MEDIA_SNR_AT_0_DBM + Codecs.milliwattsToDbm(mw)) / 10);
        double floorNoise = Math.pow(10, -MEDIA_SNR_FLOOR_DB / 10);
        return Math.max(0, -10 * Math.log10(receiverNoise + floorNoise));
    }

    @Override
    public double hostSnrDb(int lane) { return HOST_SNR_DB; }
}
