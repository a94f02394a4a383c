package org.openxpo.driver.monitor;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Severity;
import org.openxpo.protocol.types.ModuleState;

import java.time.Instant;

/** What a {@link ModuleMonitor} reports; every event goes to every listener exactly once, in order. */
public sealed interface MonitorEvent {
    /** When the monitor saw it (host clock). */
    Instant time();

    /**
     * A latched flag was found set ({@code raised}), or an alarm reported earlier stayed clear for the hold time
     * ({@code !raised}). Informational flags (state changes) are only ever raised.
     */
    record AlarmEvent(Instant time, Alarm alarm, boolean raised) implements MonitorEvent {
        public String name() { return alarm.name(); }

        public Severity severity() { return alarm.severity(); }

        /** Host lane 1–64, or null for a module-wide alarm. */
        public Integer lane() { return alarm.lane(); }
    }

    /** The module state changed (first report: {@code previous} null). */
    record ModuleStateEvent(Instant time, ModuleState previous, ModuleState current) implements MonitorEvent {}

    /** A module was removed ({@code present} false) or inserted. */
    record PresenceEvent(Instant time, boolean present) implements MonitorEvent {}

    /** The module reset (pin, software, power-on, firmware...); its latched state is gone. */
    record ResetEvent(Instant time, String cause) implements MonitorEvent {}

    /** The link to the module dropped or came back (the transport reconnects by itself). */
    record LinkEvent(Instant time, boolean up, String detail) implements MonitorEvent {}

    /** A periodic status snapshot; its alarms are the monitor's active (not yet cleared) alarms. */
    record SnapshotEvent(Instant time, ModuleSnapshot snapshot) implements MonitorEvent {}

    /** A read failed for another reason than absence or link loss (reported once until reads succeed again). */
    record ErrorEvent(Instant time, String message) implements MonitorEvent {}
}
