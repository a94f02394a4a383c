package org.openxpo.agent.core;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Severity;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The alarm log pairs raises with clears and forgets the oldest cleared entries first. */
class AlarmLogTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static Alarm los(int lane) { return new Alarm("RxLos", Severity.values()[0], Alarm.Source.LANE, lane, "loss of signal"); }

    @Test
    void aFlappingLaneCannotGrowTheLog() {
        AlarmLog log = new AlarmLog(10);
        for (int i = 0; i < 1000; i++) {
            assertNotNull(log.raise(los(3), T.plusSeconds(2L * i)));
            assertNotNull(log.clear(los(3), T.plusSeconds(2L * i + 1)));
        }
        assertEquals(10, log.entries().size());
        assertEquals(T.plusSeconds(1999), log.entries().getLast().cleared());
    }

    @Test
    void aRepeatedRaiseOrAStrayClearIsNoEntry() {
        AlarmLog log = new AlarmLog(10);
        assertNotNull(log.raise(los(1), T));
        assertNull(log.raise(los(1), T.plusSeconds(1)));
        assertNull(log.clear(los(2), T.plusSeconds(1)));
        assertEquals(1, log.activeAlarms().size());
        assertTrue(log.entries().getFirst().active());
    }
}
