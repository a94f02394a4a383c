package org.openxpo.driver.time;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.clock.VirtualHostClock;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The poll primitive on a virtual host clock: what it probes when, and how each wait ends. */
class PollTest {
    final VirtualClock virtual = new VirtualClock();
    final HostClock clock = new VirtualHostClock(virtual, Instant.EPOCH);

    /** The virtual times (ms) at which {@code poll} probed, until it ended. */
    List<Long> probeTimes(List<Long> into) {
        into.add(virtual.nanos() / 1_000_000);
        return into;
    }

    @Test
    void aTimeoutSaysWhatWasExpectedTheLimitAndWhatWasSeenAfterExactlyTheLimit() {
        XpoException.Timeout t = assertThrows(XpoException.Timeout.class, () -> Poll.until("ModuleReady",
            () -> "ModulePwrUp", s -> false).within(Duration.ofMillis(60)).await(clock));
        assertEquals("expected ModuleReady within 60 ms, saw ModulePwrUp after 60 ms", t.getMessage());
        assertEquals(Duration.ofMillis(60).toNanos(), virtual.nanos(), "the wait lasted its timeout, not a poll more");
    }

    @Test
    void moduleStatesArePolledEvery5MsBackingOffTo50Ms() {
        List<Long> at = new ArrayList<>();
        Poll.until("never", () -> probeTimes(at), l -> false).within(Duration.ofMillis(250)).awaitOrGiveUp(clock);
        assertEquals(List.of(0L, 5L, 15L, 35L, 75L, 125L, 175L, 225L, 250L), at);
    }

    @Test
    void anEagerScheduleHoldsItsFirstIntervalThenBacksOff() {
        List<Long> at = new ArrayList<>();
        PollSchedule s = new PollSchedule(Duration.ofMillis(1), Duration.ofMillis(3), Duration.ofMillis(4));
        Poll.until("never", () -> probeTimes(at), l -> false).within(Duration.ofMillis(20)).after(Duration.ofMillis(1))
            .every(s).awaitOrGiveUp(clock);
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 10L, 14L, 18L, 20L), at, "after 1 ms, every 1 ms for 3 ms, then 2, 4, 4...");
    }

    @Test
    void theProbeThatMetTheConditionIsReturnedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        int v = Poll.until("3", calls::incrementAndGet, n -> n == 3).within(Duration.ofSeconds(1)).await(clock);
        assertEquals(3, v);
        assertEquals(Duration.ofMillis(15).toNanos(), virtual.nanos(), "probes at 0, 5 and 15 ms");
    }

    @Test
    void aHopelessStateEndsTheWaitAtOnceAsWrongState() {
        XpoException.WrongState e = assertThrows(XpoException.WrongState.class, () -> Poll.until("ModuleReady",
                () -> "ModuleFault", s -> false).within(Duration.ofSeconds(10))
            .hopelessWhen(s -> "the module entered ModuleFault").await(clock));
        assertEquals("gave up waiting for ModuleReady: the module entered ModuleFault", e.getMessage());
        assertEquals(0, virtual.nanos());
    }

    @Test
    void toleratedFailuresCountAsNoAnswerOthersEndTheWait() {
        AtomicInteger calls = new AtomicInteger();
        String v = Poll.until("ModuleReady", () -> {
            if (calls.incrementAndGet() < 3) throw new XpoException.Nack("module did not acknowledge");
            return "ModuleReady";
        }, "ModuleReady"::equals).within(Duration.ofSeconds(2)).tolerating(XpoException.Nack.class).await(clock);
        assertEquals("ModuleReady", v);

        XpoException.Timeout t = assertThrows(XpoException.Timeout.class, () -> Poll.until("ModuleReady",
                () -> { throw new XpoException.Nack("module did not acknowledge"); }, s -> true)
            .within(Duration.ofMillis(10)).tolerating(XpoException.Nack.class).await(clock));
        assertTrue(t.getMessage().endsWith("saw no answer (module did not acknowledge) after 10 ms"), t.getMessage());

        assertThrows(XpoException.Nack.class, () -> Poll.until("x", () -> { throw new XpoException.Nack("no"); },
            s -> true).within(Duration.ofSeconds(1)).await(clock));
    }

    @Test
    void giveUpIsAnEmptyResultNotAnException() {
        assertTrue(Poll.until("never", () -> false).within(Duration.ofMillis(100)).awaitOrGiveUp(clock).isEmpty());
        assertEquals(Duration.ofMillis(100).toNanos(), virtual.nanos());
        assertEquals(Boolean.TRUE, Poll.until("at once", () -> true).within(Duration.ZERO).awaitOrGiveUp(clock).orElseThrow());
    }

    @Test
    void anInterruptedWaitIsAborted() {
        Thread.currentThread().interrupt();
        try {
            XpoException.Aborted e = assertThrows(XpoException.Aborted.class,
                () -> Poll.until("ModuleReady", () -> false).within(Duration.ofSeconds(1)).await(clock));
            assertEquals("interrupted while waiting for ModuleReady", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aPollNeedsATimeoutAndSchedulesMakeSense() {
        assertThrows(IllegalStateException.class, () -> Poll.until("x", () -> false).await(clock));
        assertThrows(IllegalArgumentException.class, () -> Poll.until("x", () -> false).within(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> PollSchedule.every(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PollSchedule.backingOff(Duration.ofMillis(5), Duration.ofMillis(1)));
    }
}
