package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A flood of refused connections is one log line a second, with the count of those held back. */
class RefusalReportTest {
    @Test
    void refusalsWithinASecondAreCountedIntoTheNextReport() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        RefusalReport report = new RefusalReport(now::get);
        assertEquals(1, report.refused(), "the first one is reported at once");
        for (int i = 0; i < 99; i++) {
            now.addAndGet(5_000_000);
            assertEquals(0, report.refused());
        }
        now.addAndGet(505_000_000);
        assertEquals(100, report.refused(), "99 held back and this one");
        now.addAndGet(2_000_000_000L);
        assertEquals(1, report.refused());
    }
}
