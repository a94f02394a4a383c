package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.internal.PlatformDependent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Limits out of their range are refused with a message naming the limit and its range. */
class ServerLimitsTest {
    @Test
    void theDefaultMemoryBudgetStaysWithinHalfOfNettysDirectMemory() {
        long mib = ServerLimits.MIB;
        assertEquals(256 * mib, ServerLimits.defaultMemoryBudget(4096 * mib));
        assertEquals(100 * mib, ServerLimits.defaultMemoryBudget(200 * mib), "-XX:MaxDirectMemorySize=200m");
        assertEquals(mib, ServerLimits.defaultMemoryBudget(mib), "never under the smallest budget");
        assertEquals(256 * mib, ServerLimits.defaultMemoryBudget(-1), "limit unknown");
        assertTrue(ServerLimits.DEFAULT.memoryBudgetBytes() <= Math.max(mib, PlatformDependent.maxDirectMemory() / 2));
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheRange() {
        assertEquals("the link memory budget must be 1 MiB-1 TiB, not 1000 bytes",
            assertThrows(IllegalArgumentException.class, () -> ServerLimits.DEFAULT.withMemoryBudget(1000)).getMessage());
        assertEquals("the link connection limit must be 1-65536, not 0",
            assertThrows(IllegalArgumentException.class, () -> ServerLimits.DEFAULT.withMaxConnections(0)).getMessage());
        assertEquals("the link handshake timeout must be 1 ms-1 day, not PT0S",
            assertThrows(IllegalArgumentException.class, () -> ServerLimits.DEFAULT.withHandshakeTimeout(Duration.ZERO)).getMessage());
        assertEquals("the link idle timeout must be 0 (off) or 1 ms-1 day, not PT-1S",
            assertThrows(IllegalArgumentException.class, () -> ServerLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(-1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerLimits.DEFAULT.withIdleTimeout(Duration.ofDays(2)));
    }
}
