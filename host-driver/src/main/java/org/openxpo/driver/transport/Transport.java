package org.openxpo.driver.transport;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A host's connection to one module's control connector: the target interface plus what the driver needs to know
 * about the adapter. Implementations: in-process (emulator), the emulator link (Netty), Pi4J (I2C + GPIO).
 * Bus conditions come back as results; only adapter failures (link down, timeout) throw {@code XpoException}s.
 */
public interface Transport extends ControlConnector, AutoCloseable {
    /** Where this transport goes, for messages: "tcp://127.0.0.1:9450/1". */
    String describe();

    /**
     * How many messages one transfer may carry and still be one atomic bus transaction (Pi4J: 2, a register byte and a
     * read). The access layer plans within it; a transport refuses, with {@code XpoException.Unsupported} and before
     * anything is sent, a transfer it cannot do atomically.
     */
    default int maxMessagesPerTransfer() { return 64; }

    /** True when I3C transfers, CCCs and DAA are available. */
    default boolean supportsI3c() { return true; }

    /** True when IntL (or IBIs) reach the host as events, so monitoring need not poll. */
    default boolean hasInterruptEvents() { return true; }

    /**
     * True when every restart of the module reaches the host as a {@link TargetEvent.Reset} (or
     * {@link TargetEvent.Presence}) event ahead of anything the restarted module sends: then an IntL need not put the
     * page selection in doubt (no read-back of 126–127 before the interrupt's flag reads). False unless a transport
     * says so, as over GPIO (Pi4J), where a restart shows only as the IntL after MgmtInit.
     */
    default boolean hasResetEvents() { return false; }

    /**
     * True when {@link #i2cBatchAsync} may be called now: the calling thread is the one that delivers this transport's
     * events and answers (the link's event loop, inside an IntL listener), and the transport can send without waiting.
     * False by default, and always on a thread that may block instead.
     */
    default boolean sendsAsyncHere() { return false; }

    /**
     * Sends a batch as {@link #i2cBatch} does without waiting for it, only where {@link #sendsAsyncHere()} said so. The
     * future completes <em>on that same thread</em> — with the results, or with the {@code XpoException} the waiting
     * call would have thrown — so a caller can hold a lock of that thread across the round trip.
     */
    default CompletableFuture<List<List<I2cResult>>> i2cBatchAsync(List<List<I2cMessage>> transfers) {
        return CompletableFuture.failedFuture(new XpoException.Unsupported(describe() + " does not send without waiting"));
    }

    /** Registers an action run after the transport re-established a lost connection (state may have changed). */
    default void onReconnect(Runnable action) {}

    @Override
    void close();
}
