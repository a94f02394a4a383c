package org.openxpo.protocol.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What one cage's control connector offers a host: I2C transfers, I3C transfers and CCCs, sideband pins, and events.
 * The emulator implements it; the driver's in-process transport, the link server and the emulator-backed Pi4J
 * providers all speak it. A transfer is atomic: no other host's transfer interleaves with it.
 */
public interface ControlConnector {

    /** Executes the messages in order joined by repeated starts; one result per message. Never throws for bus conditions. */
    List<I2cResult> i2c(List<I2cMessage> messages);

    /**
     * Executes transfers back to back, each ending with its own STOP, and stops at the first one that fails: the
     * transfers after it are not executed and report {@link I2cResult.Status#SKIPPED} for every message. One result
     * list per transfer. Implementations that can (the emulator link) send the whole batch in one request.
     */
    default List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) { return batch(transfers, this::i2c); }

    /** {@link #i2cBatch} for I3C SDR private transfers. */
    default List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> transfers) { return batch(transfers, this::i3c); }

    /** Runs {@code transfers} one after another with {@code transfer} until one fails; the rest are SKIPPED. */
    static List<List<I2cResult>> batch(List<List<I2cMessage>> transfers,
                                       Function<List<I2cMessage>, List<I2cResult>> transfer) {
        List<List<I2cResult>> results = new ArrayList<>(transfers.size());
        boolean failed = false;
        for (List<I2cMessage> messages : transfers) {
            List<I2cResult> r = failed ? skipped(messages.size()) : transfer.apply(messages);
            for (I2cResult one : r) failed |= !one.ok();
            results.add(r);
        }
        return results;
    }

    /** The results of a transfer that was not executed. */
    static List<I2cResult> skipped(int messages) {
        return Collections.nCopies(messages, I2cResult.of(I2cResult.Status.SKIPPED));
    }

    /** I3C SDR private transfer; message addresses are dynamic addresses. */
    List<I2cResult> i3c(List<I2cMessage> messages);

    /** An I3C CCC (broadcast or direct). */
    CccResult ccc(CccRequest request);

    /** ENTDAA: assigns dynamic addresses from {@code firstAddress} upwards to every target without one. */
    List<I3cDevice> entdaa(int firstAddress);

    /** Drives a host pin; rejects module-driven pins with {@link IllegalArgumentException}. */
    void writePin(Pin pin, boolean high);

    /** The current level of any pin. */
    boolean readPin(Pin pin);

    /** Subscribes to this cage's events; closing the handle unsubscribes. Listeners must not block. */
    AutoCloseable subscribe(Consumer<TargetEvent> listener);
}
