package org.openxpo.agent.core;

import org.openxpo.driver.module.Alarm;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's alarms: the active ones and a log of the last {@code capacity} raise/clear pairs, newest last. Bounded so
 * a flapping lane cannot grow the agent's memory; the active set is bounded by the module's flags.
 */
final class AlarmLog {
    private final int capacity;
    private final Map<String, AlarmRecord> active = new LinkedHashMap<>();
    private final ArrayDeque<AlarmRecord> cleared = new ArrayDeque<>();

    AlarmLog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("the alarm log needs room for at least one entry");
        this.capacity = capacity;
    }

    /** Records a raise; returns the record, or null if the alarm was already active. */
    synchronized AlarmRecord raise(Alarm alarm, Instant when) {
        if (active.containsKey(alarm.key())) return null;
        AlarmRecord r = new AlarmRecord(alarm, when, null);
        active.put(alarm.key(), r);
        return r;
    }

    /** Records an informational flag (a state change): an entry raised and cleared at once, never active. */
    synchronized AlarmRecord event(Alarm alarm, Instant when) {
        AlarmRecord done = new AlarmRecord(alarm, when, when);
        cleared.addLast(done);
        while (cleared.size() > capacity) cleared.removeFirst();
        return done;
    }

    /** Records a clear; returns the closed record, or null if the alarm was not active. */
    synchronized AlarmRecord clear(Alarm alarm, Instant when) {
        AlarmRecord r = active.remove(alarm.key());
        if (r == null) return null;
        AlarmRecord done = r.clearedAt(when);
        cleared.addLast(done);
        while (cleared.size() > capacity) cleared.removeFirst();
        return done;
    }

    synchronized List<Alarm> activeAlarms() {
        return active.values().stream().map(AlarmRecord::alarm).toList();
    }

    /** Cleared entries then active ones, each part oldest first, at most {@code capacity} cleared ones. */
    synchronized List<AlarmRecord> entries() {
        List<AlarmRecord> all = new ArrayList<>(cleared);
        all.addAll(active.values());
        return all;
    }
}
