package org.openxpo.driver.transport;

import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * A transport that hands every call, batches and adapter facts included, to {@link #inner()}: a wrapper overrides only
 * what it changes (a transport without IntL events, one that counts or corrupts traffic) and forwards the rest as is —
 * except the asynchronous sends ({@link #sendsAsyncHere()} stays false): they would bypass a wrapper's own
 * {@code i2cBatch}, so a wrapper that wants them forwards both itself.
 */
public interface ForwardingTransport extends Transport {
    /** The transport the calls go to. */
    Transport inner();

    @Override default String describe() { return inner().describe(); }
    @Override default int maxMessagesPerTransfer() { return inner().maxMessagesPerTransfer(); }
    @Override default boolean supportsI3c() { return inner().supportsI3c(); }
    @Override default boolean hasInterruptEvents() { return inner().hasInterruptEvents(); }
    @Override default boolean hasResetEvents() { return inner().hasResetEvents(); }
    @Override default void onReconnect(Runnable action) { inner().onReconnect(action); }
    @Override default List<I2cResult> i2c(List<I2cMessage> messages) { return inner().i2c(messages); }
    @Override default List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) { return inner().i2cBatch(transfers); }
    @Override default List<I2cResult> i3c(List<I2cMessage> messages) { return inner().i3c(messages); }
    @Override default List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> transfers) { return inner().i3cBatch(transfers); }
    @Override default CccResult ccc(CccRequest request) { return inner().ccc(request); }
    @Override default List<I3cDevice> entdaa(int firstAddress) { return inner().entdaa(firstAddress); }
    @Override default void writePin(Pin pin, boolean high) { inner().writePin(pin, high); }
    @Override default boolean readPin(Pin pin) { return inner().readPin(pin); }
    @Override default AutoCloseable subscribe(Consumer<TargetEvent> listener) { return inner().subscribe(listener); }
    @Override default void close() { inner().close(); }
}
