package org.openxpo.emulator.junit;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An example of a test a switch-software team would write against the emulator: one module on a virtual clock, a
 * laser fault injected on lane 3, and the latched Tx failure flag read back over I2C exactly as a host driver reads
 * it from a real module (page select, then a register read with a repeated start). See docs/emulator-server.md.
 */
@EmulatedXpo(cages = 1, virtualClock = true)
class ExampleUserTest {
    static final int MODULE = ManagementInterface.I2C_ADDRESS;
    static final Field FAILURE_FLAG_TX = LaneStatusPage.FAILURE_FLAG_TX;

    @Test
    void aLaserFailureLatchesTheTxFailureFlag(XpoTestbed xpo) {
        xpo.awaitReady(Duration.ofSeconds(5));
        xpo.advance(Duration.ofMillis(500));           // let the default application's data paths come up
        Cage cage = xpo.cage(1);
        int lane3 = 2;                                  // lane 3 is element 2 of bank 0
        assertEquals(0, readLaneBit(cage, FAILURE_FLAG_TX, lane3), "no failure before the fault");

        xpo.faults().inject(1, new Fault.LaserFailure(Set.of(3)));
        xpo.advance(Duration.ofMillis(200));           // the firmware latches flags on its next monitor tick

        assertEquals(1, readLaneBit(cage, FAILURE_FLAG_TX, lane3), "FailureFlagTx of lane 3 is latched");
        assertEquals(0, readLaneBit(cage, FAILURE_FLAG_TX, 0), "lane 1 is unaffected");
    }

    /** Selects the field's page (bank 0) and reads the byte that holds element {@code i}; returns that bit. */
    private static int readLaneBit(Cage cage, Field field, int i) {
        I2cResult select = cage.i2c(List.of(I2cMessage.write(MODULE, (byte) ManagementInterface.BANK_SELECT, (byte) 0,
            (byte) field.page()))).get(0);
        assertTrue(select.ok(), "page select: " + select.status());
        List<I2cResult> read = cage.i2c(List.of(
            I2cMessage.write(MODULE, (byte) field.elementOffset(i)),
            I2cMessage.read(MODULE, 1)));
        assertTrue(read.get(1).ok(), "register read: " + read.get(1).status());
        return (read.get(1).data()[0] & field.elementMask(i)) >>> field.elementBit(i);
    }
}
