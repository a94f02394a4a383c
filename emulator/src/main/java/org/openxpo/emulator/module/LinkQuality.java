package org.openxpo.emulator.module;

import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;

import java.util.SplittableRandom;

/**
 * The link quality of every lane, the part of the optics model behind the VDM observables (docs/emulator.md, "Link
 * quality"): media eSNR from the received power under a per-lane noise ceiling, less the injected penalties; host
 * eSNR from the host channel; LTP from eSNR; pre-FEC BER and the uncorrectable frame ratio from eSNR
 * ({@link LinkMath}); the laser temperature from its paddle card's hot zone. {@link Physics} measures each lane on
 * every tick; {@link Vdm} publishes what it measured.
 *
 * <p>A lane measures only while its data path is DPActivated; otherwise it reports nothing (every observable 0, see
 * {@link #measuring}). A measuring lane without light on its media input (Rx LOS, a looped-back dark laser) reads
 * eSNR and LTP 0 dB, BER 0.5 and every frame errored. The noise comes from a generator split from the module's seed,
 * apart from the one {@link Physics} draws its other readings from, so those readings are the same with or without
 * VDM.
 */
final class LinkQuality {
    /** Media eSNR ceiling (receiver and DSP noise) of a lane: 23 dB ± 0.5 dB, drawn once per lane. */
    static final double MEDIA_CEILING_DB = 23, MEDIA_CEILING_SPREAD_DB = 0.5;
    /** Thermal-noise-limited media SNR at the nominal received power; it moves 2 dB per dB of optical power. */
    static final double RX_LIMITED_SNR_DB = 26, NOMINAL_RX_MW = Physics.RX_MW;
    /** Host input eSNR (the switch's SerDes channel): 24 dB ± 0.5 dB per lane. */
    static final double HOST_SNR_DB = 24, HOST_SPREAD_DB = 0.5;
    /** LTP sits this far below the eSNR of its input (± 0.3 dB per lane). */
    static final double LTP_BELOW_ESNR_DB = 1.5, LTP_SPREAD_DB = 0.3;
    /** A lit laser runs this much above its card's hot zone. */
    static final double LASER_SELF_HEATING_C = 6;
    /** Noise per tick (uniform, ±): eSNR in dB, laser temperature in °C. */
    static final double NOISE_SNR_DB = 0.1, NOISE_LASER_C = 0.1;

    private static final int LANES = Lanes.COUNT;

    private final Faults faults;
    private final SplittableRandom random;
    private final double[] mediaCeilingDb = new double[LANES], hostDb = new double[LANES], ltpOffsetDb = new double[LANES];

    private final boolean[] measuring = new boolean[LANES];
    private final double[] laserC = new double[LANES], esnrMedia = new double[LANES], esnrHost = new double[LANES],
        ltpMedia = new double[LANES], berMedia = new double[LANES], berHost = new double[LANES],
        ferMedia = new double[LANES], ferHost = new double[LANES];

    LinkQuality(long seed, Faults faults) {
        this.faults = faults;
        this.random = new SplittableRandom(seed).split();
        for (int i = 0; i < LANES; i++) {
            mediaCeilingDb[i] = MEDIA_CEILING_DB + random.nextDouble(-MEDIA_CEILING_SPREAD_DB, MEDIA_CEILING_SPREAD_DB);
            hostDb[i] = HOST_SNR_DB + random.nextDouble(-HOST_SPREAD_DB, HOST_SPREAD_DB);
            ltpOffsetDb[i] = -LTP_BELOW_ESNR_DB + random.nextDouble(-LTP_SPREAD_DB, LTP_SPREAD_DB);
        }
    }

    /**
     * Measures lane {@code lane} (0–63) at time {@code now}: {@code activated} its data path is DPActivated,
     * {@code rxMw} the light on its media input, {@code lit} its laser emits, {@code hotZoneC} its card's hot zone.
     */
    void measure(int lane, boolean activated, double rxMw, boolean lit, double hotZoneC, long now) {
        measuring[lane] = activated;
        if (!activated) {
            laserC[lane] = esnrMedia[lane] = esnrHost[lane] = ltpMedia[lane] = 0;
            berMedia[lane] = berHost[lane] = ferMedia[lane] = ferHost[lane] = 0;
            return;
        }
        laserC[lane] = hotZoneC + (lit ? LASER_SELF_HEATING_C : 0) + noise(NOISE_LASER_C);
        esnrHost[lane] = hostDb[lane] + noise(NOISE_SNR_DB);
        berHost[lane] = LinkMath.ber(esnrHost[lane]);
        ferHost[lane] = LinkMath.fer(berHost[lane]);
        double mediaNoise = noise(NOISE_SNR_DB);
        if (!(rxMw > 0)) {
            esnrMedia[lane] = ltpMedia[lane] = 0;
            berMedia[lane] = LinkMath.WORST_BER;
            ferMedia[lane] = 1;
            return;
        }
        double rxLimited = RX_LIMITED_SNR_DB + 20 * Math.log10(rxMw / NOMINAL_RX_MW);
        double snr = LinkMath.combineDb(mediaCeilingDb[lane], rxLimited) + mediaNoise
            - faults.mediaSnrPenaltyDb(lane + 1, now);
        esnrMedia[lane] = Math.max(0, snr);
        ltpMedia[lane] = Math.max(0, esnrMedia[lane] + ltpOffsetDb[lane]);
        berMedia[lane] = LinkMath.ber(esnrMedia[lane]);
        ferMedia[lane] = Math.max(LinkMath.fer(berMedia[lane]), faults.erroredFramesBurst(lane + 1));
    }

    private double noise(double amplitude) { return random.nextDouble(-amplitude, amplitude); }

    /** True when lane {@code lane} (0–63) measured on the last tick (its data path is DPActivated). */
    boolean measuring(int lane) { return measuring[lane]; }

    /** The last measured value of basic observable {@code type} on lane {@code lane} (0–63), in the type's unit. */
    double value(VdmType type, int lane) {
        return switch (type) {
            case LASER_TEMPERATURE -> laserC[lane];
            case ESNR_MEDIA -> esnrMedia[lane];
            case ESNR_HOST -> esnrHost[lane];
            case LTP_MEDIA -> ltpMedia[lane];
            case PRE_FEC_BER_CURRENT_MEDIA -> berMedia[lane];
            case PRE_FEC_BER_CURRENT_HOST -> berHost[lane];
            case ERRORED_FRAMES_CURRENT_MEDIA -> ferMedia[lane];
            case ERRORED_FRAMES_CURRENT_HOST -> ferHost[lane];
            default -> throw new IllegalArgumentException(type + " is not an observable the emulator measures");
        };
    }

    /** True for the basic observables {@link #value} answers. */
    static boolean measures(VdmType type) {
        return switch (type) {
            case LASER_TEMPERATURE, ESNR_MEDIA, ESNR_HOST, LTP_MEDIA, PRE_FEC_BER_CURRENT_MEDIA, PRE_FEC_BER_CURRENT_HOST,
                 ERRORED_FRAMES_CURRENT_MEDIA, ERRORED_FRAMES_CURRENT_HOST -> true;
            default -> false;
        };
    }
}
