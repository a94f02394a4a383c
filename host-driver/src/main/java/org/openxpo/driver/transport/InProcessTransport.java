package org.openxpo.driver.transport;

import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

import java.util.List;
import java.util.function.Consumer;

/** Straight calls into a target in the same JVM (the embedded emulator); closing closes the chassis if it owns it. */
public final class InProcessTransport implements Transport {
    private final ControlConnector target;
    private final Chassis owned;
    private final String description;

    public InProcessTransport(ControlConnector target, Chassis owned, String description) {
        this.target = target;
        this.owned = owned;
        this.description = description;
    }

    @Override public String describe() { return description; }
    /** The emulated module's restarts come as Reset events, on the thread that restarts it. */
    @Override public boolean hasResetEvents() { return true; }
    @Override public List<I2cResult> i2c(List<I2cMessage> messages) { return target.i2c(messages); }
    @Override public List<I2cResult> i3c(List<I2cMessage> messages) { return target.i3c(messages); }
    @Override public CccResult ccc(CccRequest request) { return target.ccc(request); }
    @Override public List<I3cDevice> entdaa(int firstAddress) { return target.entdaa(firstAddress); }
    @Override public void writePin(Pin pin, boolean high) { target.writePin(pin, high); }
    @Override public boolean readPin(Pin pin) { return target.readPin(pin); }
    @Override public AutoCloseable subscribe(Consumer<TargetEvent> listener) { return target.subscribe(listener); }

    @Override
    public void close() {
        if (owned != null) owned.close();
    }
}
