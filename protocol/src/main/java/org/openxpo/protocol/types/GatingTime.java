package org.openxpo.protocol.types;

import java.time.Duration;
import java.util.Optional;

/**
 * The PRBS gating time code of 13h:177 bits 3-1 (telemetry-and-diagnostics §2.2): how long checkers accumulate
 * before a result is complete. Ungated checkers accumulate until reset. Code 7 (custom) has no duration the XPO
 * profile defines.
 */
public enum GatingTime {
    UNGATED(0, Duration.ZERO), S5(1, Duration.ofSeconds(5)), S10(2, Duration.ofSeconds(10)),
    S30(3, Duration.ofSeconds(30)), S60(4, Duration.ofSeconds(60)), S120(5, Duration.ofSeconds(120)),
    S300(6, Duration.ofSeconds(300));

    /** The code CMIS reserves for a vendor-defined gating time; the XPO profile does not support it. */
    public static final int CUSTOM_CODE = 7;

    private final int code;
    private final Duration duration;

    GatingTime(int code, Duration duration) {
        this.code = code;
        this.duration = duration;
    }

    public int code() { return code; }

    /** The gating period; zero when ungated. */
    public Duration duration() { return duration; }

    public boolean gated() { return this != UNGATED; }

    /** The gating time of {@code code}; empty for the custom code 7. */
    public static Optional<GatingTime> fromCode(int code) {
        for (GatingTime g : values()) if (g.code == code) return Optional.of(g);
        return Optional.empty();
    }
}
