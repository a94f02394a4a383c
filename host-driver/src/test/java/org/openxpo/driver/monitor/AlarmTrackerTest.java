package org.openxpo.driver.monitor;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AlarmTrackerTest {
    static final Alarm TX_FAILURE_3 = new Alarm("TxFailure", Severity.ALARM, Alarm.Source.LANE, 3, "Tx failure");
    static final Alarm DP_CHANGED_3 = new Alarm("DataPathStateChanged", Severity.INFO, Alarm.Source.LANE, 3, "changed");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Instant at(long ms) { return T0.plusMillis(ms); }

    @Test
    void aPersistingConditionIsRaisedOnceAndClearedAfterTheHold() {
        AlarmTracker t = new AlarmTracker(Duration.ofMillis(500));
        assertEquals(List.of(new AlarmTracker.Change(TX_FAILURE_3, true)), t.apply(List.of(TX_FAILURE_3), at(0)));
        assertEquals(List.of(), t.apply(List.of(TX_FAILURE_3), at(100)), "seen again: no new event");
        assertEquals(List.of(), t.apply(List.of(), at(150)), "a read right after the last one proves nothing");
        assertEquals(List.of(), t.apply(List.of(TX_FAILURE_3), at(200)));
        assertEquals(List.of(), t.apply(List.of(), at(600)), "clear for 400 ms only");
        assertEquals(List.of(new AlarmTracker.Change(TX_FAILURE_3, false)), t.apply(List.of(), at(700)));
        assertFalse(t.hasActive());
        assertEquals(List.of(new AlarmTracker.Change(TX_FAILURE_3, true)), t.apply(List.of(TX_FAILURE_3), at(800)));
    }

    @Test
    void informationalFlagsAreOneShot() {
        AlarmTracker t = new AlarmTracker(Duration.ofMillis(500));
        assertEquals(1, t.apply(List.of(DP_CHANGED_3), at(0)).size());
        assertEquals(1, t.apply(List.of(DP_CHANGED_3), at(10)).size(), "each occurrence is reported");
        assertFalse(t.hasActive());
    }

    @Test
    void clearAllReportsWhatWasActive() {
        AlarmTracker t = new AlarmTracker(Duration.ofMillis(500));
        t.apply(List.of(TX_FAILURE_3), at(0));
        assertEquals(List.of(new AlarmTracker.Change(TX_FAILURE_3, false)), t.clearAll());
        assertTrue(t.active().isEmpty());
    }
}
