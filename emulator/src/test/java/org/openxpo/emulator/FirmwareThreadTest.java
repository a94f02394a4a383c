package org.openxpo.emulator;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.TargetEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wall-clock firmware thread drives every module: one failing task must not stop it. */
class FirmwareThreadTest {
    private static final Fault BROWN_OUT = new Fault.BrownOut(Duration.ofMillis(20));

    private static boolean onFirmwareThread() { return Thread.currentThread().getName().equals("xpo-firmware"); }

    @Test
    void aSpedUpClockWakesTheFirmwareThreadWhenItsNextTimerIsDue() {
        // a physics tick 100 ms of emulated time away is 100 µs of wall-clock time at --clock-rate 1000
        assertEquals(100_000, EmulatedChassis.wallWait(100_000_000, 1000));
        assertEquals(10_000_000 / 4, EmulatedChassis.wallWait(10_000_000, 4));
        // at rate 1 the thread still looks in at least every 5 ms; a timer already due waits the shortest time
        assertEquals(5_000_000, EmulatedChassis.wallWait(100_000_000, 1));
        assertEquals(100, EmulatedChassis.wallWait(-3_000_000, 1000));
    }

    @Test
    void aTaskThatThrowsIsContainedAndTheOtherModulesGoOn() {
        try (EmulatedChassis chassis = new EmulatedChassis(2, EmulatorClock.system(), n -> ModuleConfig.builder()
                .serialNumber(EmulatedChassis.serial(n)).timing(ModuleConfig.Timing.fast()).build())) {
            AtomicInteger failed = new AtomicInteger();
            chassis.cage(1).subscribe(e -> {
                if (onFirmwareThread()) {
                    failed.incrementAndGet();
                    throw new IllegalStateException("a listener that fails on the firmware thread");
                }
            });
            List<TargetEvent> pushed = new CopyOnWriteArrayList<>();
            chassis.cage(2).subscribe(e -> {
                if (onFirmwareThread()) pushed.add(e);
            });

            // a brown-out ends on the firmware thread: the module resets and tells its cage, whose listener throws
            chassis.cage(1).module().inject(BROWN_OUT);
            await().atMost(Duration.ofSeconds(10)).until(() -> failed.get() > 0);

            // nobody accesses cage 2: only the firmware thread can end its brown-out and push the reset
            chassis.cage(2).module().inject(BROWN_OUT);
            await("cage 2's reset, pushed by the firmware thread").atMost(Duration.ofSeconds(10))
                .until(() -> pushed.stream().anyMatch(e -> e instanceof TargetEvent.Reset));

            // the module whose listener threw is not left behind: its power came back and it answers again
            await("cage 1's module answering after its brown-out").atMost(Duration.ofSeconds(10))
                .until(() -> chassis.cage(1).module().responsive());
        }
    }
}
