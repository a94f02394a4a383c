package org.openxpo.conformance.support;

import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.target.CccRequest;
import org.openxpo.protocol.target.CccResult;
import org.openxpo.protocol.target.ControlConnector;
import org.openxpo.protocol.target.I2cMessage;
import org.openxpo.protocol.target.I2cResult;
import org.openxpo.protocol.target.I3cDevice;
import org.openxpo.protocol.target.Pin;
import org.openxpo.protocol.target.TargetEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A transport straight to an emulated cage that ends every event subscription made through it when it is closed.
 * The suite opens short-lived I3C connections to a cage it keeps; without this, listeners a transport registered
 * (I3cTransport re-assigns the dynamic address on Reset/Presence events) would outlive the connection and keep acting
 * on the module — a real link connection ends them by closing its socket.
 */
final class OwnedSubscriptions implements Transport {
    private final ControlConnector target;
    private final String description;
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

    OwnedSubscriptions(ControlConnector target, String description) {
        this.target = target;
        this.description = description;
    }

    @Override public String describe() { return description; }
    @Override public List<I2cResult> i2c(List<I2cMessage> messages) { return target.i2c(messages); }
    @Override public List<I2cResult> i3c(List<I2cMessage> messages) { return target.i3c(messages); }
    @Override public CccResult ccc(CccRequest request) { return target.ccc(request); }
    @Override public List<I3cDevice> entdaa(int firstAddress) { return target.entdaa(firstAddress); }
    @Override public void writePin(Pin pin, boolean high) { target.writePin(pin, high); }
    @Override public boolean readPin(Pin pin) { return target.readPin(pin); }

    @Override
    public AutoCloseable subscribe(Consumer<TargetEvent> listener) {
        AutoCloseable s = target.subscribe(listener);
        subscriptions.add(s);
        return s;
    }

    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // the cage forgets the listener either way
            }
        }
        subscriptions.clear();
    }
}
