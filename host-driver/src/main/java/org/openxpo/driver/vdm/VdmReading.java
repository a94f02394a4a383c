package org.openxpo.driver.vdm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One VDM read: every advertised observable of every bank, the basic ones as the module reported them at {@code
 * time}, the statistics as frozen for this read.
 *
 * @param statistics what happened to the statistics: {@link Statistics#FROZEN} (their values are this interval's),
 *                   {@link Statistics#NONE} (the module advertises none) or {@link Statistics#NOT_FROZEN} (FreezeDone
 *                   did not come: their values are null, never an old interval's presented as new) or {@link
 *                   Statistics#NOT_READ} (the caller asked for the basic values only)
 * @param problem    why the statistics are missing, for the user; null when nothing went wrong
 */
public record VdmReading(Instant time, Statistics statistics, String problem, List<VdmSample> samples) {
    public enum Statistics { FROZEN, NONE, NOT_FROZEN, NOT_READ }

    public VdmReading {
        samples = List.copyOf(samples);
    }

    /** The samples of host lane {@code lane} (1–64), in layout order. */
    public List<VdmSample> lane(int lane) { return samples.stream().filter(s -> s.observable().lane() == lane).toList(); }

    /** The sample named {@code name} ({@link VdmObservable#name()}) of host lane {@code lane}, if advertised. */
    public Optional<VdmSample> find(String name, int lane) {
        return samples.stream().filter(s -> s.observable().lane() == lane && s.observable().name().equals(name)).findFirst();
    }
}
