package org.openxpo.driver.diag;

import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;
import org.openxpo.protocol.types.PrbsPattern;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What page 13h (bytes 128–142) says the module's diagnostics can do, decoded once per request from bank 0.
 *
 * @param patterns the patterns each engine supports (empty: the engine is absent)
 */
public record DiagCapabilities(Set<Loopback> loopbacks, boolean perLaneHostLoopback, boolean perLaneMediaLoopback,
                               boolean simultaneousHostMediaLoopback, Map<PatternEngine, Set<PrbsPattern>> patterns,
                               boolean berReporting, boolean snrHost, boolean snrMedia, boolean gating) {

    static DiagCapabilities of(byte[] p13) {
        Set<Loopback> loops = EnumSet.noneOf(Loopback.class);
        for (Loopback l : Loopback.values()) if (l.supported().get(p13, 0) == 1) loops.add(l);
        Map<PatternEngine, Set<PrbsPattern>> patterns = new EnumMap<>(PatternEngine.class);
        for (PatternEngine e : PatternEngine.values()) {
            Set<PrbsPattern> set = EnumSet.noneOf(PrbsPattern.class);
            for (PrbsPattern p : PrbsPattern.values()) if (e.patternsSupported().get(p13, p.code()) == 1) set.add(p);
            patterns.put(e, set);
        }
        return new DiagCapabilities(loops, one(DiagnosticsPages.PER_LANE_HOST_LOOPBACK_SUPPORTED, p13),
            one(DiagnosticsPages.PER_LANE_MEDIA_LOOPBACK_SUPPORTED, p13),
            one(DiagnosticsPages.SIMULTANEOUS_HOST_MEDIA_LOOPBACK_SUPPORTED, p13), patterns,
            one(DiagnosticsPages.BER_REPORTING_SUPPORTED, p13), one(DiagnosticsPages.HOST_SNR_REPORTING_SUPPORTED, p13),
            one(DiagnosticsPages.MEDIA_SNR_REPORTING_SUPPORTED, p13), DiagnosticsPages.GATING_ACCURACY.get(p13, 0) != 0);
    }

    private static boolean one(org.openxpo.protocol.map.Field f, byte[] p13) { return f.get(p13, 0) == 1; }

    /** True when {@code loopback} may be set lane by lane (else all lanes of a bank at once). */
    public boolean perLane(Loopback loopback) { return loopback.media() ? perLaneMediaLoopback : perLaneHostLoopback; }
}
