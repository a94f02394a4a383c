package org.openxpo.protocol.types;

import java.util.Optional;

/**
 * What the results area of page 14h (bytes 192–255) shows, chosen by DiagnosticsSelector (14h:128). BER and SNR are
 * CMIS (telemetry-and-diagnostics §2.3); the counter layouts (02h–05h) are unverified there, and the XPO profile
 * decides them: one little-endian U64 per lane of the bank (docs/xpo-profile.md). A module repopulates the area
 * {@link #REPOPULATION_MILLIS} after the selector is written.
 */
public enum DiagnosticsSelector {
    /** 00h: nothing selected; the area reads 0. */
    NONE(0),
    /** 01h: per-lane BER, host then media (F16). */
    BER(1),
    /** 02h: host checker bits compared, per lane (XPO: U64 little-endian). */
    HOST_BIT_COUNT(2),
    /** 03h: host checker bit errors, per lane (XPO: U64 little-endian). */
    HOST_ERROR_COUNT(3),
    /** 04h: media checker bits compared, per lane (XPO: U64 little-endian). */
    MEDIA_BIT_COUNT(4),
    /** 05h: media checker bit errors, per lane (XPO: U64 little-endian). */
    MEDIA_ERROR_COUNT(5),
    /** 06h: per-lane SNR, host then media (U16 little-endian, 1/256 dB). */
    SNR(6);

    /** Time the module takes to fill the results area after a selector write (hosts wait this long, FBOSS 10 ms). */
    public static final int REPOPULATION_MILLIS = 10;

    private final int code;

    DiagnosticsSelector(int code) { this.code = code; }

    public int code() { return code; }

    /** The selector of register code {@code code}; empty for codes the XPO profile does not implement. */
    public static Optional<DiagnosticsSelector> fromCode(int code) {
        for (DiagnosticsSelector s : values()) if (s.code == code) return Optional.of(s);
        return Optional.empty();
    }
}
