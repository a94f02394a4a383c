package org.openxpo.emulator;

import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A listener may read pins while another thread writes one: the firmware emits events under the module's lock, and a
 * pin write holds the cage while it waits for that lock, so a pin read that needed the cage would close a cycle.
 */
class CageLockOrderTest {

    @Test
    void aListenerReadsAPinWhileAnotherThreadIsWritingOne() {
        VirtualClock clock = new VirtualClock();
        try (EmulatedChassis chassis = EmulatedChassis.single(clock)) {
            Cage cage = chassis.cage(1);
            CountDownLatch listenerRunning = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            AtomicReference<Boolean> intLSeenByListener = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = daemon("pin-writer", failure, () -> {
                listenerRunning.await();
                cage.writePin(Pin.LP_MODE, true);
            });
            cage.subscribe(e -> {
                if (!(e instanceof TargetEvent.IntL) || !first.getAndSet(false)) return;
                listenerRunning.countDown();
                // The writer now holds whatever writePin takes before the module's lock, and waits for that lock.
                await().atMost(Duration.ofSeconds(10)).until(() -> writer.getState() == Thread.State.BLOCKED);
                intLSeenByListener.set(cage.readPin(Pin.INT_L));
            });
            // The firmware's first IntL edge (ModuleStateChanged after MgmtInit) is emitted on this thread's sync.
            Thread firmware = daemon("firmware", failure, () -> clock.advance(Duration.ofSeconds(2)));
            writer.start();
            firmware.start();

            await().atMost(Duration.ofSeconds(20))
                .until(() -> deadlocked().length > 0 || !writer.isAlive() && !firmware.isAlive());
            ThreadInfo[] deadlocked = deadlocked();
            assertEquals(0, deadlocked.length, () -> "deadlock:\n" + Arrays.stream(deadlocked)
                .map(ThreadInfo::toString).collect(Collectors.joining()));
            assertNull(failure.get(), () -> "a thread failed: " + failure.get());
            assertEquals(Boolean.FALSE, intLSeenByListener.get(), "the listener read IntL asserted, as the event said");
            assertTrue(cage.readPin(Pin.LP_MODE), "the write went through");
            assertTrue(cage.module().lpMode());
        }
    }

    private static ThreadInfo[] deadlocked() {
        var mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        return ids == null ? new ThreadInfo[0] : mx.getThreadInfo(ids, true, true);
    }

    interface Body { void run() throws Exception; }

    private static Thread daemon(String name, AtomicReference<Throwable> failure, Body body) {
        return Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
    }
}
