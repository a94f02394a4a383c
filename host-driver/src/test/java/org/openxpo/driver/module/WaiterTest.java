package org.openxpo.driver.module;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class WaiterTest {
    @Test
    void aTimeoutSaysWhatWasExpectedAndWhatWasSeen() {
        XpoException.Timeout t = assertThrows(XpoException.Timeout.class, () -> Waiter.until("ModuleReady",
            Duration.ofMillis(60), () -> "ModulePwrUp", s -> false, s -> s, s -> null, false));
        assertTrue(t.getMessage().startsWith("expected ModuleReady within 60 ms, saw ModulePwrUp"), t.getMessage());
    }

    @Test
    void aHopelessStateEndsTheWaitAtOnce() {
        XpoException e = assertThrows(XpoException.class, () -> Waiter.until("ModuleReady", Duration.ofSeconds(10),
            () -> "ModuleFault", s -> false, s -> s, s -> "the module entered ModuleFault", false));
        assertTrue(e.getMessage().contains("gave up waiting for ModuleReady: the module entered ModuleFault"));
    }

    @Test
    void aModuleThatDoesNotAnswerIsToleratedWhenAsked() {
        AtomicInteger calls = new AtomicInteger();
        String v = Waiter.until("ModuleReady", Duration.ofSeconds(2), () -> {
            if (calls.incrementAndGet() < 3) throw new XpoException.Nack("module did not acknowledge");
            return "ModuleReady";
        }, "ModuleReady"::equals, s -> s, s -> null, true);
        assertEquals("ModuleReady", v);
        assertThrows(XpoException.Nack.class, () -> Waiter.until("x", Duration.ofSeconds(1),
            () -> { throw new XpoException.Nack("no"); }, s -> true, s -> "", s -> null, false));
    }

    @Test
    void lanesAreGroupedByWhatTheyShow() {
        assertEquals("DPInit on lanes 1-2, DPDeactivated on lane 3",
            DataPathSequencer.group(new java.util.TreeMap<>(Map.of(1, "DPInit", 2, "DPInit", 3, "DPDeactivated"))));
    }
}
