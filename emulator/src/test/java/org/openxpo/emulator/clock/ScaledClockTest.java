package org.openxpo.emulator.clock;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScaledClockTest {
    @Test
    void emulatedTimeRunsRateTimesFasterThanTheWall() {
        AtomicLong wall = new AtomicLong(5_000);
        ScaledClock clock = new ScaledClock(wall::get, 10);
        long start = clock.nanos();
        wall.addAndGet(1_000_000_000L);
        assertEquals(10_000_000_000L, clock.nanos() - start, "one wall second is ten emulated seconds");
        assertEquals(10, clock.rate());
        assertEquals(1, EmulatorClock.system().rate());
    }

    @Test
    void aRateOutOfRangeSaysTheRange() {
        assertEquals("the clock rate must be 1-1000, got 0.5",
            assertThrows(IllegalArgumentException.class, () -> new ScaledClock(0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(1001));
    }
}
