package org.openxpo.driver.monitor;

import java.time.Duration;

/**
 * How a {@link ModuleMonitor} works.
 *
 * @param interval   period of the monitor's tick: a flag poll (when polling, or while alarms are active) and a
 *                   snapshot (when enabled)
 * @param snapshots  emit a {@link MonitorEvent.SnapshotEvent} every tick (status read without consuming flags)
 * @param clearHold  how long an alarm's flag must stay clear before the alarm is reported cleared
 * @param mode       interrupt-driven, polling, or chosen from the transport ({@code AUTO})
 */
public record MonitorOptions(Duration interval, boolean snapshots, Duration clearHold, Mode mode) {

    public enum Mode {
        /** Interrupt-driven when the transport delivers IntL/IBI events, polling otherwise. */
        AUTO,
        /** Flags are read when IntL asserts or an IBI arrives (and while alarms are active, to see them clear). */
        INTERRUPT,
        /** Flags are read every tick. */
        POLLING
    }

    public static final MonitorOptions DEFAULT = new MonitorOptions(Duration.ofSeconds(1), false,
        Duration.ofMillis(500), Mode.AUTO);

    public MonitorOptions {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        if (clearHold.isNegative()) throw new IllegalArgumentException("clear hold must not be negative");
    }

    public MonitorOptions withInterval(Duration d) { return new MonitorOptions(d, snapshots, clearHold, mode); }

    public MonitorOptions withSnapshots(boolean on) { return new MonitorOptions(interval, on, clearHold, mode); }

    public MonitorOptions withClearHold(Duration d) { return new MonitorOptions(interval, snapshots, d, mode); }

    public MonitorOptions withMode(Mode m) { return new MonitorOptions(interval, snapshots, clearHold, m); }
}
