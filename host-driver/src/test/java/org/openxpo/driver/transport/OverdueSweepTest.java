package org.openxpo.driver.transport;

import io.netty.channel.DefaultEventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** Transports with the same request timeout share one sweep, which stops with the last of them. */
class OverdueSweepTest {
    /** A period no link transport of this JVM uses (their sweeps are a quarter of a request timeout). */
    private static final long PERIOD = Duration.ofMillis(7).toNanos() + 1;
    private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);

    @AfterEach
    void stop() { group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS); }

    @Test
    void oneTimerChecksEveryTransportUntilTheLastOneGoes() {
        AtomicInteger a = new AtomicInteger(), b = new AtomicInteger();
        OverdueSweep.Registration first = OverdueSweep.every(PERIOD, group, a::incrementAndGet);
        OverdueSweep.Registration second = OverdueSweep.every(PERIOD, group, b::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.get() > 2 && b.get() > 2);
        assertTrue(OverdueSweep.running(PERIOD));

        first.close();
        first.close(); // twice: no harm, the other transport is still swept
        int seen = b.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.get() > seen + 2);
        assertTrue(OverdueSweep.running(PERIOD));

        second.close();
        assertFalse(OverdueSweep.running(PERIOD), "no timer is left behind once no transport uses it");
        int after = a.get();
        OverdueSweep.Registration third = OverdueSweep.every(PERIOD, group, b::incrementAndGet);
        int now = b.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> b.get() > now + 2);
        assertEquals(after, a.get(), "a closed transport is no longer checked");
        third.close();
    }

    @Test
    void aCheckThatThrowsNeitherStopsTheSweepNorSkipsTheOthers() {
        AtomicInteger failing = new AtomicInteger(), healthy = new AtomicInteger();
        OverdueSweep.Registration bad = OverdueSweep.every(PERIOD, group, () -> {
            failing.incrementAndGet();
            throw new IllegalStateException("a broken check");
        });
        OverdueSweep.Registration good = OverdueSweep.every(PERIOD, group, healthy::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> failing.get() > 3 && healthy.get() > 3);
        bad.close();
        good.close();
    }
}
