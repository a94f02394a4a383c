package org.openxpo.driver.monitor;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns flag readings into raise and clear events. A CMIS flag is latched: reading clears it and a condition that
 * persists sets it again at the module's next monitor update. So an alarm is raised the first time its flag is seen,
 * stays active while readings keep finding it, and clears only when a reading finds it clear and it has not been seen
 * for the hold time (a reading right after the previous one could otherwise see a persisting condition as gone).
 * Informational flags are one-shot: raised each time they are seen, never active. Not thread-safe: the monitor's
 * single thread owns it.
 */
final class AlarmTracker {
    private record Active(Alarm alarm, Instant lastSeen) {}

    private final Duration hold;
    private final Map<String, Active> active = new LinkedHashMap<>();

    AlarmTracker(Duration hold) { this.hold = hold; }

    /** The changes one complete reading makes, as {@code raised}/cleared pairs in order. */
    List<Change> apply(List<Alarm> set, Instant now) {
        List<Change> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Alarm a : set) {
            if (isEvent(a)) {
                out.add(new Change(a, true));
                continue;
            }
            seen.add(a.key());
            if (active.put(a.key(), new Active(a, now)) == null) out.add(new Change(a, true));
        }
        var it = active.values().iterator();
        while (it.hasNext()) {
            Active a = it.next();
            if (seen.contains(a.alarm().key())) continue;
            if (Duration.between(a.lastSeen(), now).compareTo(hold) >= 0) {
                it.remove();
                out.add(new Change(a.alarm(), false));
            }
        }
        return out;
    }

    /** Clears everything at once (the module reset or left): the clear events for what was active. */
    List<Change> clearAll() {
        List<Change> out = new ArrayList<>();
        for (Active a : active.values()) out.add(new Change(a.alarm(), false));
        active.clear();
        return out;
    }

    List<Alarm> active() { return active.values().stream().map(Active::alarm).toList(); }

    boolean hasActive() { return !active.isEmpty(); }

    private static boolean isEvent(Alarm a) { return a.severity() == Severity.INFO; }

    record Change(Alarm alarm, boolean raised) {}
}
