package org.openxpo.agent.core;

import java.time.Duration;

/**
 * How the agent polls: the snapshot interval, the monitor's flag interval (alarms arrive at once by interrupt where
 * the transport has them; this is the fallback and the clear check), how many module reads may run at once, and how
 * much history and alarm log each module keeps, and how often the VDM statistics are frozen and read (null: never,
 * the default: a freeze restarts the statistics interval of every other host reading the module).
 */
public record PollOptions(Duration snapshotInterval, Duration alarmInterval, int maxConcurrentPolls,
                          Duration historyWindow, int historySamples, int alarmLogSize, Duration vdmStatisticsInterval) {

    public static final PollOptions DEFAULT = new PollOptions(Duration.ofSeconds(10), Duration.ofSeconds(1), 256,
        Duration.ofMinutes(15), 180, 500, null);

    public PollOptions {
        positive(snapshotInterval, "snapshot interval");
        positive(alarmInterval, "alarm interval");
        if (maxConcurrentPolls < 1) throw new IllegalArgumentException("at least one poll must be allowed to run");
        positive(historyWindow, "history window");
        if (historySamples < 2) throw new IllegalArgumentException("the history needs at least two samples");
        if (alarmLogSize < 1) throw new IllegalArgumentException("the alarm log needs at least one entry");
        if (vdmStatisticsInterval != null) positive(vdmStatisticsInterval, "VDM statistics interval");
    }

    public PollOptions withSnapshotInterval(Duration d) {
        return new PollOptions(d, alarmInterval, maxConcurrentPolls, historyWindow, historySamples, alarmLogSize,
            vdmStatisticsInterval);
    }

    public PollOptions withAlarmInterval(Duration d) {
        return new PollOptions(snapshotInterval, d, maxConcurrentPolls, historyWindow, historySamples, alarmLogSize,
            vdmStatisticsInterval);
    }

    /** Reads the VDM statistics with a freeze every {@code d} (null: never); see {@link DriverVdmSource}. */
    public PollOptions withVdmStatisticsInterval(Duration d) {
        return new PollOptions(snapshotInterval, alarmInterval, maxConcurrentPolls, historyWindow, historySamples, alarmLogSize, d);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException("the " + what + " must be positive");
    }
}
