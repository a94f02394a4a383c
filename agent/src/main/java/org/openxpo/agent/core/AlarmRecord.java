package org.openxpo.agent.core;

import org.openxpo.driver.module.Alarm;

import java.time.Instant;

/**
 * One alarm in a module's log: when it was raised and, once it cleared, when ({@code cleared} null while active). An
 * informational flag (a state change) is an event: raised and cleared at the same moment.
 */
public record AlarmRecord(Alarm alarm, Instant raised, Instant cleared) {
    public boolean active() { return cleared == null; }

    AlarmRecord clearedAt(Instant when) { return new AlarmRecord(alarm, raised, when); }
}
