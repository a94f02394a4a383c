package org.openxpo.emulator.module;

import org.openxpo.protocol.map.MemoryMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The lock rule is checked where the parts enter the shared firmware: time, timers and events. */
class FirmwareContextTest {
    private final Object moduleLock = new Object();
    private final Timers timers = new Timers(0);
    private final FirmwareContext firmware = new FirmwareContext(moduleLock, ModuleConfig.defaults(),
        new ModuleMemory(MemoryMap.xpo()), timers, new Faults());

    @BeforeEach
    void assertionsOn() { assumeTrue(FirmwareContext.class.desiredAssertionStatus(), "needs -ea"); }

    @Test
    void aPartOutsideTheModuleLockIsCaught() {
        assertThrows(AssertionError.class, () -> firmware.schedule(1, () -> { }));
        assertThrows(AssertionError.class, firmware::now);
        assertThrows(AssertionError.class, firmware::events);
        assertEquals(Long.MAX_VALUE, timers.nextDeadline(), "nothing was scheduled");
    }

    @Test
    void underTheModuleLockThePartsRun() {
        synchronized (moduleLock) {
            firmware.schedule(5, () -> { });
            assertEquals(0, firmware.now());
            assertSame(ModuleEvents.NONE, firmware.events());
        }
        assertEquals(5, timers.nextDeadline());
    }
}
