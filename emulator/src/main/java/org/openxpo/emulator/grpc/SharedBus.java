package org.openxpo.emulator.grpc;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.util.List;

/**
 * A cage's management bus as every face of the emulator shares it: the link server's
 * ({@code LinkServer::i2cBatch}), so bus timing, turn-taking and counters are the link's.
 */
@FunctionalInterface
public interface SharedBus {
    /** Runs {@code transfers} back to back with the bus held; the first failed one ends the batch. */
    List<List<I2cResult>> i2cBatch(int cage, List<List<I2cMessage>> transfers) throws InterruptedException;
}
