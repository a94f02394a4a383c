package org.openxpo.agent.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The per-module trend keeps a fixed number of evenly spaced samples inside its window. */
class HistoryTest {
    static HistorySample at(Instant t, double watts) {
        return new HistorySample(t, 50, watts / 50, watts, 40, 45, 0.5, 42, 60, 45, 61, 46);
    }

    @Test
    void aFastPollerFillsTheTrendAtTheSpacingNotAtItsRate() {
        History h = new History(Duration.ofMinutes(15), 180); // one sample per 5 s
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int s = 0; s <= 60; s++) h.add(at(t0.plusSeconds(s), s)); // a 1 s poller for a minute
        var samples = h.since(t0.plusSeconds(60));
        assertTrue(samples.size() <= 14, "about one sample per 5 s, got " + samples.size());
        assertEquals(60, samples.getLast().inputPowerW(), "the newest value is always there");
    }

    @Test
    void memoryIsBoundedAndOldSamplesLeaveTheWindow() {
        History h = new History(Duration.ofMinutes(15), 180);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int s = 0; s < 3600; s += 5) h.add(at(t0.plusSeconds(s), s));
        Instant now = t0.plusSeconds(3595);
        var samples = h.since(now);
        assertTrue(samples.size() <= 180);
        assertFalse(samples.getFirst().time().isBefore(now.minus(Duration.ofMinutes(15))));
    }

    @Test
    void aClockStepBackIsIgnored() {
        History h = new History(Duration.ofMinutes(15), 180);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        h.add(at(t0, 1));
        h.add(at(t0.minusSeconds(30), 2));
        assertEquals(1, h.since(t0).size());
    }
}
