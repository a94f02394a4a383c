package org.openxpo.agent.core;

import java.time.Duration;

/**
 * How the agent polls: the snapshot interval, the monitor's flag interval (alarms arrive at once by interrupt where
 * the transport has them; this is the fallback and the clear check), how many module reads may run at once, and how
 * much history and alarm log each module keeps.
 */
public record PollOptions(Duration snapshotInterval, Duration alarmInterval, int maxConcurrentPolls,
                          Duration historyWindow, int historySamples, int alarmLogSize) {

    public static final PollOptions DEFAULT = new PollOptions(Duration.ofSeconds(10), Duration.ofSeconds(1), 256,
        Duration.ofMinutes(15), 180, 500);

    public PollOptions {
        positive(snapshotInterval, "snapshot interval");
        positive(alarmInterval, "alarm interval");
        if (maxConcurrentPolls < 1) throw new IllegalArgumentException("at least one poll must be allowed to run");
        positive(historyWindow, "history window");
        if (historySamples < 2) throw new IllegalArgumentException("the history needs at least two samples");
        if (alarmLogSize < 1) throw new IllegalArgumentException("the alarm log needs at least one entry");
    }

    public PollOptions withSnapshotInterval(Duration d) {
        return new PollOptions(d, alarmInterval, maxConcurrentPolls, historyWindow, historySamples, alarmLogSize);
    }

    public PollOptions withAlarmInterval(Duration d) {
        return new PollOptions(snapshotInterval, d, maxConcurrentPolls, historyWindow, historySamples, alarmLogSize);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException("the " + what + " must be positive");
    }
}
