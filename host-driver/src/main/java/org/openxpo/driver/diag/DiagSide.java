package org.openxpo.driver.diag;

import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;

import java.util.Locale;

/** The side of the module a PRBS run uses: its generator sends towards that side, its checker reads that side's input. */
public enum DiagSide {
    HOST, MEDIA;

    public PatternEngine generator() { return this == HOST ? PatternEngine.HOST_GENERATOR : PatternEngine.MEDIA_GENERATOR; }

    public PatternEngine checker() { return this == HOST ? PatternEngine.HOST_CHECKER : PatternEngine.MEDIA_CHECKER; }

    /** "host", "media". */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
