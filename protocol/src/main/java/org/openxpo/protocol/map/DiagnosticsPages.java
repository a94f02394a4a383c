package org.openxpo.protocol.map;

import org.openxpo.protocol.types.DiagnosticsSelector;
import org.openxpo.protocol.types.Lanes;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/**
 * The banked diagnostics pages (telemetry-and-diagnostics §2; advertised by {@link AdminPages#DIAG_PAGES_SUPPORTED}):
 * 13h holds the capabilities (128–142), the PRBS generator/checker and loopback controls (144–183) and the masks of
 * the 14h flags (206–213); 14h holds the results selector, the latched flags (132–139) and the results area
 * (192–255), which {@link DiagnosticsSelector} switches between per-lane BER, SNR and counters (views below). Bank b
 * carries lanes 8b+1…8b+8. {@link PatternEngine} and {@link Loopback} name the fields of each engine and loopback,
 * so neither side pairs fields by name.
 */
public final class DiagnosticsPages {
    private DiagnosticsPages() {}

    static final PageBuilder CONTROL = new PageBuilder(Pages.DIAGNOSTICS_FIRST, Lanes.BANKS, "Diagnostics control (banked)",
        "PRBS and loopback capabilities, generator/checker and loopback controls, masks of the page 14h flags");
    static final PageBuilder RESULTS = new PageBuilder(Pages.DIAGNOSTICS_LAST, Lanes.BANKS, "Diagnostics results (banked)",
        "results selector, latched PRBS flags, per-lane BER/SNR/counter results");

    // ------------------------------------------------------------------ 13h: capabilities (RO)

    public static final Field SIMULTANEOUS_HOST_MEDIA_LOOPBACK_SUPPORTED =
        CONTROL.bit("SimultaneousHostMediaLoopbackSupported", 128, 6, RO, "host- and media-side loopbacks at once");
    public static final Field PER_LANE_MEDIA_LOOPBACK_SUPPORTED =
        CONTROL.bit("PerLaneMediaLoopbackSupported", 128, 5, RO, "media-side loopbacks per lane (else all lanes of the data path)");
    public static final Field PER_LANE_HOST_LOOPBACK_SUPPORTED =
        CONTROL.bit("PerLaneHostLoopbackSupported", 128, 4, RO, "host-side loopbacks per lane");
    public static final Field HOST_INPUT_LOOPBACK_SUPPORTED =
        CONTROL.bit("HostInputLoopbackSupported", 128, 3, RO, "host-side input loopback (host Tx back to the host)");
    public static final Field HOST_OUTPUT_LOOPBACK_SUPPORTED =
        CONTROL.bit("HostOutputLoopbackSupported", 128, 2, RO, "host-side output loopback");
    public static final Field MEDIA_INPUT_LOOPBACK_SUPPORTED =
        CONTROL.bit("MediaInputLoopbackSupported", 128, 1, RO, "media-side input loopback (far end sees its own signal)");
    public static final Field MEDIA_OUTPUT_LOOPBACK_SUPPORTED =
        CONTROL.bit("MediaOutputLoopbackSupported", 128, 0, RO, "media-side output loopback (media Tx into media Rx)");
    public static final Field GATING_ACCURACY =
        CONTROL.bits("GatingAccuracy", 129, 7, 6, RO, CODE, "gating: 0 not supported, 1 timing accuracy ≤2 ms, 2 ≤20 ms, 3 >20 ms");
    public static final Field GATED_RESULTS_SUPPORTED =
        CONTROL.bit("GatedResultsSupported", 129, 5, RO, "results of a completed gating period");
    public static final Field PERIODIC_UPDATES_SUPPORTED =
        CONTROL.bit("PeriodicUpdatesSupported", 129, 4, RO, "results updated periodically while gating");
    public static final Field PER_LANE_GATING_TIMERS_SUPPORTED =
        CONTROL.bit("PerLaneGatingTimersSupported", 129, 3, RO, "one gating timer per lane");
    public static final Field AUTO_RESTART_GATING_SUPPORTED =
        CONTROL.bit("AutoRestartGatingSupported", 129, 2, RO, "gating restarts by itself when a period completes");
    public static final Field MEDIA_FEC_REPORTING_SUPPORTED =
        CONTROL.bit("MediaFecReportingSupported", 130, 7, RO, "media FEC statistics");
    public static final Field HOST_FEC_REPORTING_SUPPORTED =
        CONTROL.bit("HostFecReportingSupported", 130, 6, RO, "host FEC statistics");
    public static final Field MEDIA_SNR_REPORTING_SUPPORTED =
        CONTROL.bit("MediaSnrReportingSupported", 130, 5, RO, "media input SNR (selector 06h)");
    public static final Field HOST_SNR_REPORTING_SUPPORTED =
        CONTROL.bit("HostSnrReportingSupported", 130, 4, RO, "host input SNR (selector 06h)");
    public static final Field BITS_AND_ERRORS_COUNTING_SUPPORTED =
        CONTROL.bit("BitsAndErrorsCountingSupported", 130, 1, RO, "bit and error counters (selectors 02h–05h)");
    public static final Field BER_REPORTING_SUPPORTED =
        CONTROL.bit("BerReportingSupported", 130, 0, RO, "BER (selector 01h)");
    public static final Field PATTERN_ENGINE_LOCATIONS =
        CONTROL.bytes("PatternEngineLocations", 131, 1, RO, BITS, "bit 7/6 media generator pre/post-FEC, 5/4 media checker, 3/2 host generator, 1/0 host checker; both 0 = absent");
    public static final Field HOST_GENERATOR_PATTERNS_SUPPORTED =
        CONTROL.bitmap("HostGeneratorPatternsSupported", 132, 16, RO, "bit k = PRBS pattern ID k (byte 132 IDs 0–7, 133 IDs 8–15)");
    public static final Field MEDIA_GENERATOR_PATTERNS_SUPPORTED =
        CONTROL.bitmap("MediaGeneratorPatternsSupported", 134, 16, RO, "bit k = PRBS pattern ID k");
    public static final Field HOST_CHECKER_PATTERNS_SUPPORTED =
        CONTROL.bitmap("HostCheckerPatternsSupported", 136, 16, RO, "bit k = PRBS pattern ID k");
    public static final Field MEDIA_CHECKER_PATTERNS_SUPPORTED =
        CONTROL.bitmap("MediaCheckerPatternsSupported", 138, 16, RO, "bit k = PRBS pattern ID k");
    public static final Field RECOVERED_CLOCK_FOR_GENERATOR =
        CONTROL.bits("RecoveredClockForGenerator", 140, 7, 6, RO, CODE, "0 no, 1 without loopback, 2 with loopback, 3 both");
    public static final Field REFERENCE_CLOCK_FOR_PATTERNS_SUPPORTED =
        CONTROL.bit("ReferenceClockForPatternsSupported", 140, 5, RO, "patterns can run on the reference clock");
    public static final Field USER_PATTERN_LENGTH =
        CONTROL.bits("UserPatternLength", 140, 3, 0, RO, CODE, "user pattern of 2·(n+1) bytes (meaningful when pattern 15 is supported)");
    public static final Field INVERT_AND_SWAP_SUPPORTED =
        CONTROL.bytes("InvertAndSwapSupported", 141, 1, RO, BITS, "data invert / byte swap: bits 0/1 host generator, 2/3 host checker, 4/5 media generator, 6/7 media checker");
    public static final Field PER_LANE_PATTERN_CONTROLS_SUPPORTED =
        CONTROL.bytes("PerLanePatternControlsSupported", 142, 1, RO, BITS, "per-lane pattern / enable: bits 0/1 host generator, 2/3 host checker, 4/5 media generator, 6/7 media checker");

    // ------------------------------------------------------------------ 13h: generator and checker controls (RW)

    public static final Field HOST_GENERATOR_ENABLE =
        CONTROL.laneBits("HostGeneratorEnable", 144, 1, RW, BITS, "1 = the host-side generator sends its pattern towards the host");
    public static final Field HOST_GENERATOR_INVERT =
        CONTROL.laneBits("HostGeneratorInvert", 145, 1, RW, BITS, "invert the generated data");
    public static final Field HOST_GENERATOR_SWAP =
        CONTROL.laneBits("HostGeneratorSwap", 146, 1, RW, BITS, "byte/bit swap the generated data");
    public static final Field HOST_GENERATOR_PRE_FEC =
        CONTROL.laneBits("HostGeneratorPreFec", 147, 1, RW, BITS, "pre-FEC / post-FEC placement select");
    public static final Field HOST_GENERATOR_PATTERN =
        CONTROL.laneBits("HostGeneratorPattern", 148, 4, RW, CODE, "PRBS pattern ID (PrbsPattern)");
    public static final Field MEDIA_GENERATOR_ENABLE =
        CONTROL.laneBits("MediaGeneratorEnable", 152, 1, RW, BITS, "1 = the media-side generator sends its pattern on the media output");
    public static final Field MEDIA_GENERATOR_INVERT =
        CONTROL.laneBits("MediaGeneratorInvert", 153, 1, RW, BITS, "invert the generated data");
    public static final Field MEDIA_GENERATOR_SWAP =
        CONTROL.laneBits("MediaGeneratorSwap", 154, 1, RW, BITS, "byte/bit swap the generated data");
    public static final Field MEDIA_GENERATOR_PRE_FEC =
        CONTROL.laneBits("MediaGeneratorPreFec", 155, 1, RW, BITS, "pre-FEC / post-FEC placement select");
    public static final Field MEDIA_GENERATOR_PATTERN =
        CONTROL.laneBits("MediaGeneratorPattern", 156, 4, RW, CODE, "PRBS pattern ID (PrbsPattern)");
    public static final Field HOST_CHECKER_ENABLE =
        CONTROL.laneBits("HostCheckerEnable", 160, 1, RW, BITS, "1 = the host-side checker compares the host input with its pattern");
    public static final Field HOST_CHECKER_INVERT =
        CONTROL.laneBits("HostCheckerInvert", 161, 1, RW, BITS, "expect inverted data");
    public static final Field HOST_CHECKER_SWAP =
        CONTROL.laneBits("HostCheckerSwap", 162, 1, RW, BITS, "expect byte/bit swapped data");
    public static final Field HOST_CHECKER_PRE_FEC =
        CONTROL.laneBits("HostCheckerPreFec", 163, 1, RW, BITS, "pre-FEC / post-FEC placement select");
    public static final Field HOST_CHECKER_PATTERN =
        CONTROL.laneBits("HostCheckerPattern", 164, 4, RW, CODE, "PRBS pattern ID (PrbsPattern)");
    public static final Field MEDIA_CHECKER_ENABLE =
        CONTROL.laneBits("MediaCheckerEnable", 168, 1, RW, BITS, "1 = the media-side checker compares the media input with its pattern");
    public static final Field MEDIA_CHECKER_INVERT =
        CONTROL.laneBits("MediaCheckerInvert", 169, 1, RW, BITS, "expect inverted data");
    public static final Field MEDIA_CHECKER_SWAP =
        CONTROL.laneBits("MediaCheckerSwap", 170, 1, RW, BITS, "expect byte/bit swapped data");
    public static final Field MEDIA_CHECKER_PRE_FEC =
        CONTROL.laneBits("MediaCheckerPreFec", 171, 1, RW, BITS, "pre-FEC / post-FEC placement select");
    public static final Field MEDIA_CHECKER_PATTERN =
        CONTROL.laneBits("MediaCheckerPattern", 172, 4, RW, CODE, "PRBS pattern ID (PrbsPattern)");
    public static final Field HOST_GENERATOR_CLOCK_SOURCE =
        CONTROL.bits("HostGeneratorClockSource", 176, 7, 4, RW, CODE, "0 internal, 1–8 reference clock of media lane n, 15 recovered");
    public static final Field MEDIA_GENERATOR_CLOCK_SOURCE =
        CONTROL.bits("MediaGeneratorClockSource", 176, 3, 0, RW, CODE, "0 internal, 1 reference clock, 2–9 host lane n−1, 15 recovered");
    public static final Field GLOBAL_START_STOP =
        CONTROL.bit("GlobalStartStop", 177, 7, RW, "1 = one enable starts and stops every engine of the bank");
    public static final Field RESET_ERROR_INFORMATION =
        CONTROL.bit("ResetErrorInformation", 177, 5, RW, "0→1 zeroes the counters and results and restarts gating (hosts pulse 1 then 0)");
    public static final Field AUTO_RESTART_GATING =
        CONTROL.bit("AutoRestartGating", 177, 4, RW, "1 = a new gating period starts when one completes");
    public static final Field GATING_TIME =
        CONTROL.bits("GatingTime", 177, 3, 1, RW, CODE, "0 ungated, 1 5 s, 2 10 s, 3 30 s, 4 60 s, 5 120 s, 6 300 s, 7 custom (GatingTime)");
    public static final Field UPDATE_PERIOD =
        CONTROL.bit("UpdatePeriod", 177, 0, RW, "results update period: 0 = 1 s, 1 = 5 s");
    public static final Field HOST_CHECKER_CLOCK_SOURCE =
        CONTROL.bits("HostCheckerClockSource", 178, 3, 2, RW, CODE, "0 recovered, 1 internal, 2 reference");
    public static final Field MEDIA_CHECKER_CLOCK_SOURCE =
        CONTROL.bits("MediaCheckerClockSource", 178, 1, 0, RW, CODE, "0 recovered, 1 internal, 2 reference");

    // ------------------------------------------------------------------ 13h: loopbacks (RW)

    public static final Field MEDIA_OUTPUT_LOOPBACK_ENABLE =
        CONTROL.laneBits("MediaOutputLoopbackEnable", 180, 1, RW, BITS, "media Tx output looped into the media Rx input path");
    public static final Field MEDIA_INPUT_LOOPBACK_ENABLE =
        CONTROL.laneBits("MediaInputLoopbackEnable", 181, 1, RW, BITS, "media Rx input looped back to the media Tx output");
    public static final Field HOST_OUTPUT_LOOPBACK_ENABLE =
        CONTROL.laneBits("HostOutputLoopbackEnable", 182, 1, RW, BITS, "host Rx output looped into the host Tx input path");
    public static final Field HOST_INPUT_LOOPBACK_ENABLE =
        CONTROL.laneBits("HostInputLoopbackEnable", 183, 1, RW, BITS, "host Tx input looped back to the host Rx output");

    // ------------------------------------------------------------------ 14h: selector and latched flags

    public static final Field DIAGNOSTICS_SELECTOR =
        RESULTS.bytes("DiagnosticsSelector", 128, 1, RW, CODE, "results shown at 192–255: 0 none, 1 BER, 2–5 bit/error counts, 6 SNR (DiagnosticsSelector)");
    public static final Field LOSS_OF_REFERENCE_CLOCK_FLAG =
        RESULTS.bit("LossOfReferenceClockFlag", 132, 7, COR, "latched: reference clock lost");
    public static final Field HOST_GATING_COMPLETE_FLAG =
        RESULTS.laneBits("HostGatingCompleteFlag", 134, 1, COR, BITS, "latched: a host checker gating period completed");
    public static final Field MEDIA_GATING_COMPLETE_FLAG =
        RESULTS.laneBits("MediaGatingCompleteFlag", 135, 1, COR, BITS, "latched: a media checker gating period completed");
    public static final Field HOST_GENERATOR_LOL_FLAG =
        RESULTS.laneBits("HostGeneratorLolFlag", 136, 1, COR, BITS, "latched: host generator loss of lock");
    public static final Field MEDIA_GENERATOR_LOL_FLAG =
        RESULTS.laneBits("MediaGeneratorLolFlag", 137, 1, COR, BITS, "latched: media generator loss of lock");
    public static final Field HOST_CHECKER_LOL_FLAG =
        RESULTS.laneBits("HostCheckerLolFlag", 138, 1, COR, BITS, "latched: host checker loss of lock (0 while locked)");
    public static final Field MEDIA_CHECKER_LOL_FLAG =
        RESULTS.laneBits("MediaCheckerLolFlag", 139, 1, COR, BITS, "latched: media checker loss of lock (0 while locked)");

    // ------------------------------------------------------------------ 13h: masks of the 14h flags (74 bytes below them)

    public static final Field LOSS_OF_REFERENCE_CLOCK_MASK =
        CONTROL.mask(LOSS_OF_REFERENCE_CLOCK_FLAG, "LossOfReferenceClockMask", 206);
    public static final Field HOST_GATING_COMPLETE_MASK =
        CONTROL.mask(HOST_GATING_COMPLETE_FLAG, "HostGatingCompleteMask", 208);
    public static final Field MEDIA_GATING_COMPLETE_MASK =
        CONTROL.mask(MEDIA_GATING_COMPLETE_FLAG, "MediaGatingCompleteMask", 209);
    public static final Field HOST_GENERATOR_LOL_MASK =
        CONTROL.mask(HOST_GENERATOR_LOL_FLAG, "HostGeneratorLolMask", 210);
    public static final Field MEDIA_GENERATOR_LOL_MASK =
        CONTROL.mask(MEDIA_GENERATOR_LOL_FLAG, "MediaGeneratorLolMask", 211);
    public static final Field HOST_CHECKER_LOL_MASK =
        CONTROL.mask(HOST_CHECKER_LOL_FLAG, "HostCheckerLolMask", 212);
    public static final Field MEDIA_CHECKER_LOL_MASK =
        CONTROL.mask(MEDIA_CHECKER_LOL_FLAG, "MediaCheckerLolMask", 213);

    // ------------------------------------------------------------------ 14h: results area and its views

    public static final Field DIAGNOSTICS_DATA =
        RESULTS.array("DiagnosticsData", 192, 1, 64, RO, RAW, "results of the selected DiagnosticsSelector; reads 0 for 10 ms after a selector write");
    public static final Field HOST_BER =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.BER.code(), "HostBer", 192, 2, F16, "host checker BER");
    public static final Field MEDIA_BER =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.BER.code(), "MediaBer", 208, 2, F16, "media checker BER");
    public static final Field HOST_BIT_COUNT =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.HOST_BIT_COUNT.code(), "HostBitCount", 192, 8, COUNT_LE, "XPO: host checker bits compared");
    public static final Field HOST_ERROR_COUNT =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.HOST_ERROR_COUNT.code(), "HostErrorCount", 192, 8, COUNT_LE, "XPO: host checker bit errors");
    public static final Field MEDIA_BIT_COUNT =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.MEDIA_BIT_COUNT.code(), "MediaBitCount", 192, 8, COUNT_LE, "XPO: media checker bits compared");
    public static final Field MEDIA_ERROR_COUNT =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.MEDIA_ERROR_COUNT.code(), "MediaErrorCount", 192, 8, COUNT_LE, "XPO: media checker bit errors");
    public static final Field HOST_SNR =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.SNR.code(), "HostSnr", 208, 2, DECIBELS_256_LE, "host input SNR");
    public static final Field MEDIA_SNR =
        RESULTS.view(DIAGNOSTICS_DATA, DIAGNOSTICS_SELECTOR, DiagnosticsSelector.SNR.code(), "MediaSnr", 240, 2, DECIBELS_256_LE, "media input SNR");

    /** A host-side or media-side pattern engine and the fields that control, advertise and flag it. */
    public enum PatternEngine {
        HOST_GENERATOR, MEDIA_GENERATOR, HOST_CHECKER, MEDIA_CHECKER;

        public boolean media() { return this == MEDIA_GENERATOR || this == MEDIA_CHECKER; }

        public boolean checker() { return this == HOST_CHECKER || this == MEDIA_CHECKER; }

        /** Per-lane enable (13h). */
        public Field enable() {
            return switch (this) {
                case HOST_GENERATOR -> HOST_GENERATOR_ENABLE;
                case MEDIA_GENERATOR -> MEDIA_GENERATOR_ENABLE;
                case HOST_CHECKER -> HOST_CHECKER_ENABLE;
                case MEDIA_CHECKER -> MEDIA_CHECKER_ENABLE;
            };
        }

        /** Per-lane pattern select nibble (13h). */
        public Field pattern() {
            return switch (this) {
                case HOST_GENERATOR -> HOST_GENERATOR_PATTERN;
                case MEDIA_GENERATOR -> MEDIA_GENERATOR_PATTERN;
                case HOST_CHECKER -> HOST_CHECKER_PATTERN;
                case MEDIA_CHECKER -> MEDIA_CHECKER_PATTERN;
            };
        }

        /** The supported-pattern bitmap (13h:132–139). */
        public Field patternsSupported() {
            return switch (this) {
                case HOST_GENERATOR -> HOST_GENERATOR_PATTERNS_SUPPORTED;
                case MEDIA_GENERATOR -> MEDIA_GENERATOR_PATTERNS_SUPPORTED;
                case HOST_CHECKER -> HOST_CHECKER_PATTERNS_SUPPORTED;
                case MEDIA_CHECKER -> MEDIA_CHECKER_PATTERNS_SUPPORTED;
            };
        }

        /** The bit of {@link #PATTERN_ENGINE_LOCATIONS} (13h:131) that places this engine before or after the FEC. */
        public int locationBit(boolean preFec) {
            int pair = switch (this) {
                case HOST_CHECKER -> 0;
                case HOST_GENERATOR -> 1;
                case MEDIA_CHECKER -> 2;
                case MEDIA_GENERATOR -> 3;
            };
            return 2 * pair + (preFec ? 1 : 0);
        }

        /** The latched loss-of-lock flag (14h). */
        public Field lolFlag() {
            return switch (this) {
                case HOST_GENERATOR -> HOST_GENERATOR_LOL_FLAG;
                case MEDIA_GENERATOR -> MEDIA_GENERATOR_LOL_FLAG;
                case HOST_CHECKER -> HOST_CHECKER_LOL_FLAG;
                case MEDIA_CHECKER -> MEDIA_CHECKER_LOL_FLAG;
            };
        }
    }

    /** The four loopbacks: where the signal turns round, with their enable and capability bits. */
    public enum Loopback {
        /** Media Tx output back into the media Rx path: a media checker sees the media generator. */
        MEDIA_OUTPUT,
        /** Media Rx input back out on the media Tx output: the far end sees its own signal. */
        MEDIA_INPUT,
        /** Host Rx output back into the host Tx path: a host checker sees the host generator. */
        HOST_OUTPUT,
        /** Host Tx input back out on the host Rx output: the host sees its own signal. */
        HOST_INPUT;

        public boolean media() { return this == MEDIA_OUTPUT || this == MEDIA_INPUT; }

        /** Per-lane enable (13h:180–183). */
        public Field enable() {
            return switch (this) {
                case MEDIA_OUTPUT -> MEDIA_OUTPUT_LOOPBACK_ENABLE;
                case MEDIA_INPUT -> MEDIA_INPUT_LOOPBACK_ENABLE;
                case HOST_OUTPUT -> HOST_OUTPUT_LOOPBACK_ENABLE;
                case HOST_INPUT -> HOST_INPUT_LOOPBACK_ENABLE;
            };
        }

        /** Capability bit (13h:128). */
        public Field supported() {
            return switch (this) {
                case MEDIA_OUTPUT -> MEDIA_OUTPUT_LOOPBACK_SUPPORTED;
                case MEDIA_INPUT -> MEDIA_INPUT_LOOPBACK_SUPPORTED;
                case HOST_OUTPUT -> HOST_OUTPUT_LOOPBACK_SUPPORTED;
                case HOST_INPUT -> HOST_INPUT_LOOPBACK_SUPPORTED;
            };
        }
    }
}
