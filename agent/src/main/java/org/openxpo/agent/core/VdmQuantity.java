package org.openxpo.agent.core;

import org.openxpo.protocol.map.VdmType;

import java.util.Optional;

/**
 * The VDM quantities the agent's faces export per lane and side, each gathering the media and host types of one
 * CMIS observable ({@link VdmType}); the interval statistics are separate quantities since they need a freeze.
 */
public enum VdmQuantity {
    ESNR, LTP, LASER_TEMPERATURE, PRE_FEC_BER, PRE_FEC_BER_MIN, PRE_FEC_BER_MAX, PRE_FEC_BER_AVG, ERRORED_FRAMES,
    ERRORED_FRAMES_MAX;

    /** The quantity a type's values belong to; empty for types the agent does not export (laser age, TEC, …). */
    public static Optional<VdmQuantity> of(VdmType type) {
        return Optional.ofNullable(switch (type) {
            case LASER_TEMPERATURE -> LASER_TEMPERATURE;
            case ESNR_MEDIA, ESNR_HOST -> ESNR;
            case LTP_MEDIA, LTP_HOST -> LTP;
            case PRE_FEC_BER_CURRENT_MEDIA, PRE_FEC_BER_CURRENT_HOST -> PRE_FEC_BER;
            case PRE_FEC_BER_MIN_MEDIA, PRE_FEC_BER_MIN_HOST -> PRE_FEC_BER_MIN;
            case PRE_FEC_BER_MAX_MEDIA, PRE_FEC_BER_MAX_HOST -> PRE_FEC_BER_MAX;
            case PRE_FEC_BER_AVG_MEDIA, PRE_FEC_BER_AVG_HOST -> PRE_FEC_BER_AVG;
            case ERRORED_FRAMES_CURRENT_MEDIA, ERRORED_FRAMES_CURRENT_HOST -> ERRORED_FRAMES;
            case ERRORED_FRAMES_MAX_MEDIA, ERRORED_FRAMES_MAX_HOST -> ERRORED_FRAMES_MAX;
            default -> null;
        });
    }

    /** True for the interval statistics, which the agent reads only with a freeze (see {@link DriverVdmSource}). */
    public boolean statistic() {
        return this == PRE_FEC_BER_MIN || this == PRE_FEC_BER_MAX || this == PRE_FEC_BER_AVG || this == ERRORED_FRAMES_MAX;
    }
}
