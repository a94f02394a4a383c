package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.cdb.TransferMechanism;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a module can be configured (and faulted) with: anything else is refused with a message that says why. */
class ModuleConfigTest {
    private static String refusal(Runnable r) { return assertThrows(IllegalArgumentException.class, r::run).getMessage(); }

    @Test
    void cdbAccessLengthStopsWhereHostsStop() {
        assertEquals(0, ModuleConfig.builder().cdbReadWriteLengthExt(0).build().cdbReadWriteLengthExt());
        assertEquals(15, ModuleConfig.defaults().cdbReadWriteLengthExt());
        assertEquals("CdbReadWriteLengthExt must be 0-15 (8 to 128 bytes: hosts use no more), not 16",
            refusal(() -> ModuleConfig.builder().cdbReadWriteLengthExt(16).build()));
    }

    @Test
    void aModuleWithoutAFirmwareWriteMechanismIsRefused() {
        assertEquals("a module advertises a firmware write mechanism (LPL, EPL or both), not NONE: an XPO module can "
            + "always be updated", refusal(() -> ModuleConfig.builder().cdbWriteMechanism(TransferMechanism.NONE).build()));
    }

    @Test
    void aBrownOutDurationIsCheckedNotTruncatedOrOverflowed() {
        assertEquals(1500, new Fault.BrownOut(Duration.ofMillis(1500)).durationMs());
        assertEquals("a brown-out lasts 1 ms–24 h, not PT0.0005S", refusal(() -> new Fault.BrownOut(Duration.ofNanos(500_000))));
        assertEquals("a brown-out lasts 1 ms–24 h, not PT2562047788015215H30M7.999999999S",
            refusal(() -> new Fault.BrownOut(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))));
        assertEquals("a brown-out lasts 1 ms–24 h, not PT24H0.001S",
            refusal(() -> new Fault.BrownOut(Duration.ofDays(1).plusMillis(1))));
        assertEquals("a brown-out lasts whole milliseconds, not PT0.0015S",
            refusal(() -> new Fault.BrownOut(Duration.ofNanos(1_500_000))));
    }
}
