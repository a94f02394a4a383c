package org.openxpo.protocol.map;

import static org.openxpo.protocol.units.Unit.*;

import org.openxpo.protocol.units.Unit;

import java.util.Optional;

/**
 * The VDM observable types (the odd byte of a descriptor, pages 20h–23h) the project knows, as CMIS numbers them and
 * SONiC names them (sonic_xcvr {@code VDM_TYPE}; telemetry-and-diagnostics §1.6). Each type owns its encoding: its
 * {@link #unit()} decodes the 16-bit sample on pages 24h–27h and the thresholds on 28h–2Bh. IDs outside this catalogue
 * (25–127 custom and others, 128+ coherent) decode as unknown: hosts skip them.
 *
 * <p>Basic types are instantaneous; statistic types (min/max/avg over the VDM interval) hold still while the host's
 * freeze request (2Fh:144.7) is set and restart when it is released. A statistic names the basic type it is computed
 * over ({@link #sampled()}).
 */
public enum VdmType {
    LASER_AGE(1, "Laser Age [%]", null, Statistic.CURRENT, Side.MEDIA, PERCENT),
    TEC_CURRENT(2, "TEC Current [%]", null, Statistic.CURRENT, Side.MEDIA, PERCENT_S16_FULL_SCALE),
    LASER_FREQUENCY_ERROR(3, "Laser Frequency Error [MHz]", null, Statistic.CURRENT, Side.MEDIA, MEGAHERTZ_10),
    LASER_TEMPERATURE(4, "Laser Temperature [C]", "laser_temperature_media", Statistic.CURRENT, Side.MEDIA, CELSIUS),
    ESNR_MEDIA(5, "eSNR Media Input [dB]", "esnr_media_input", Statistic.CURRENT, Side.MEDIA, DECIBELS_256),
    ESNR_HOST(6, "eSNR Host Input [dB]", "esnr_host_input", Statistic.CURRENT, Side.HOST, DECIBELS_256),
    LTP_MEDIA(7, "PAM4 Level Transition Parameter Media Input [dB]", "pam4_level_transition_media_input",
        Statistic.CURRENT, Side.MEDIA, DECIBELS_256),
    LTP_HOST(8, "PAM4 Level Transition Parameter Host Input [dB]", "pam4_level_transition_host_input",
        Statistic.CURRENT, Side.HOST, DECIBELS_256),
    PRE_FEC_BER_MIN_MEDIA(9, "Pre-FEC BER Minimum Media Input", "prefec_ber_min_media_input", Statistic.MIN, Side.MEDIA, F16),
    PRE_FEC_BER_MIN_HOST(10, "Pre-FEC BER Minimum Host Input", "prefec_ber_min_host_input", Statistic.MIN, Side.HOST, F16),
    PRE_FEC_BER_MAX_MEDIA(11, "Pre-FEC BER Maximum Media Input", "prefec_ber_max_media_input", Statistic.MAX, Side.MEDIA, F16),
    PRE_FEC_BER_MAX_HOST(12, "Pre-FEC BER Maximum Host Input", "prefec_ber_max_host_input", Statistic.MAX, Side.HOST, F16),
    PRE_FEC_BER_AVG_MEDIA(13, "Pre-FEC BER Average Media Input", "prefec_ber_avg_media_input", Statistic.AVG, Side.MEDIA, F16),
    PRE_FEC_BER_AVG_HOST(14, "Pre-FEC BER Average Host Input", "prefec_ber_avg_host_input", Statistic.AVG, Side.HOST, F16),
    PRE_FEC_BER_CURRENT_MEDIA(15, "Pre-FEC BER Current Value Media Input", "prefec_ber_curr_media_input",
        Statistic.CURRENT, Side.MEDIA, F16),
    PRE_FEC_BER_CURRENT_HOST(16, "Pre-FEC BER Current Value Host Input", "prefec_ber_curr_host_input",
        Statistic.CURRENT, Side.HOST, F16),
    ERRORED_FRAMES_MIN_MEDIA(17, "Errored Frames Minimum Media Input", "errored_frames_min_media_input",
        Statistic.MIN, Side.MEDIA, F16),
    ERRORED_FRAMES_MIN_HOST(18, "Errored Frames Minimum Host Input", "errored_frames_min_host_input",
        Statistic.MIN, Side.HOST, F16),
    ERRORED_FRAMES_MAX_MEDIA(19, "Errored Frames Maximum Media Input", "errored_frames_max_media_input",
        Statistic.MAX, Side.MEDIA, F16),
    ERRORED_FRAMES_MAX_HOST(20, "Errored Frames Maximum Host Input", "errored_frames_max_host_input",
        Statistic.MAX, Side.HOST, F16),
    ERRORED_FRAMES_AVG_MEDIA(21, "Errored Frames Average Media Input", "errored_frames_avg_media_input",
        Statistic.AVG, Side.MEDIA, F16),
    ERRORED_FRAMES_AVG_HOST(22, "Errored Frames Average Host Input", "errored_frames_avg_host_input",
        Statistic.AVG, Side.HOST, F16),
    ERRORED_FRAMES_CURRENT_MEDIA(23, "Errored Frames Current Value Media Input", "errored_frames_curr_media_input",
        Statistic.CURRENT, Side.MEDIA, F16),
    ERRORED_FRAMES_CURRENT_HOST(24, "Errored Frames Current Value Host Input", "errored_frames_curr_host_input",
        Statistic.CURRENT, Side.HOST, F16);

    /** What a sample is: the value now, or a statistic of the current value over the VDM interval. */
    public enum Statistic { CURRENT, MIN, MAX, AVG }

    /** Which input the observable measures: media (the module's input from the fibre; the laser) or host. */
    public enum Side { MEDIA, HOST }

    /** The lowest ID of the range CMIS leaves to the module's maker (100–127). */
    public static final int FIRST_CUSTOM_ID = 100;
    /** The last custom ID. */
    public static final int LAST_CUSTOM_ID = 127;

    private static final VdmType[] BY_ID = new VdmType[256];

    static {
        for (VdmType t : values()) BY_ID[t.id] = t;
    }

    private final int id;
    private final String cmisName;
    private final String dbKeyPrefix;
    private final Statistic statistic;
    private final Side side;
    private final Unit unit;

    VdmType(int id, String cmisName, String dbKeyPrefix, Statistic statistic, Side side, Unit unit) {
        this.id = id;
        this.cmisName = cmisName;
        this.dbKeyPrefix = dbKeyPrefix;
        this.statistic = statistic;
        this.side = side;
        this.unit = unit;
    }

    /** The type of observable type ID {@code id} (1–255), if the catalogue knows it. */
    public static Optional<VdmType> of(int id) {
        return id > 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    /** The observable type ID of the descriptor's odd byte. */
    public int id() { return id; }

    /** The name as SONiC's VDM_TYPE table spells it, unit in brackets included ("eSNR Media Input [dB]"). */
    public String cmisName() { return cmisName; }

    /**
     * The STATE_DB key prefix SONiC gives the type (the lane number follows: {@code esnr_media_input1}); empty for the
     * types SONiC decodes without publishing (1–3).
     */
    public Optional<String> dbKeyPrefix() { return Optional.ofNullable(dbKeyPrefix); }

    /** True for the statistic types (min/max/avg): a host freezes them before reading. */
    public boolean isStatistic() { return statistic != Statistic.CURRENT; }

    public Statistic statistic() { return statistic; }

    public Side side() { return side; }

    /** The encoding of the sample and its thresholds (S16 1/256 °C, U16 1/256 dB, F16, …). */
    public Unit unit() { return unit; }

    /** The basic type a statistic is computed over (BER min media → BER current media); a basic type itself. */
    public VdmType sampled() {
        return switch (this) {
            case PRE_FEC_BER_MIN_MEDIA, PRE_FEC_BER_MAX_MEDIA, PRE_FEC_BER_AVG_MEDIA -> PRE_FEC_BER_CURRENT_MEDIA;
            case PRE_FEC_BER_MIN_HOST, PRE_FEC_BER_MAX_HOST, PRE_FEC_BER_AVG_HOST -> PRE_FEC_BER_CURRENT_HOST;
            case ERRORED_FRAMES_MIN_MEDIA, ERRORED_FRAMES_MAX_MEDIA, ERRORED_FRAMES_AVG_MEDIA -> ERRORED_FRAMES_CURRENT_MEDIA;
            case ERRORED_FRAMES_MIN_HOST, ERRORED_FRAMES_MAX_HOST, ERRORED_FRAMES_AVG_HOST -> ERRORED_FRAMES_CURRENT_HOST;
            default -> this;
        };
    }

    /** The engineering value of a raw 16-bit sample or threshold of this type. */
    public double decode(int raw) { return unit.decode(raw & 0xFFFF, 16); }

    /** The raw 16-bit sample of an engineering value of this type (saturating; F16 for BER and errored frames). */
    public int encode(double value) { return (int) unit.encode(value, 16); }
}
