package org.openxpo.emulator.module;

import org.openxpo.protocol.map.VdmType;

/**
 * What the PRBS checkers see, taken from the link the physics measures ({@link LinkQuality}, the VDM model): a dirty
 * connector or a drifting receiver lowers the SNR a media checker counts errors at, as it lowers the VDM eSNR. A lane
 * that is not measuring (its data path is not DPActivated) falls back to the Rx-power model, since the engines run
 * whatever the data-path state.
 */
final class MeasuredReceiverQuality implements ReceiverQuality {
    private final LinkQuality links;
    private final ReceiverQuality fallback;

    MeasuredReceiverQuality(LinkQuality links, ReceiverQuality fallback) {
        this.links = links;
        this.fallback = fallback;
    }

    @Override
    public double mediaSnrDb(int lane) {
        return links.measuring(lane - 1) ? links.value(VdmType.ESNR_MEDIA, lane - 1) : fallback.mediaSnrDb(lane);
    }

    @Override
    public double hostSnrDb(int lane) {
        return links.measuring(lane - 1) ? links.value(VdmType.ESNR_HOST, lane - 1) : fallback.hostSnrDb(lane);
    }
}
