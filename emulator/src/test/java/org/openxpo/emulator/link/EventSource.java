package org.openxpo.emulator.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * A one-cage chassis whose only job is to push events the test makes up, as fast as the test emits them, on the test's
 * thread (as a module pushes them on its own). It has no bus: transfers are UNSUPPORTED.
 */
final class EventSource implements Chassis, ControlConnector {
    static final int CAGE = 1;
    private final List<Consumer<TargetEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Hands {@code event} to every subscriber, like a module's thread. */
    void emit(TargetEvent event) {
        for (Consumer<TargetEvent> l : listeners) l.accept(event);
    }

    @Override
    public List<Integer> cages() { return List.of(CAGE); }

    @Override
    public ControlConnector cage(int number) {
        if (number != CAGE) throw new IllegalArgumentException("no cage " + number);
        return this;
    }

    @Override
    public AutoCloseable subscribe(Consumer<TargetEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean readPin(Pin pin) { return pin == Pin.MOD_PRS_L; }

    @Override
    public void writePin(Pin pin, boolean high) { throw new UnsupportedOperationException("no pins here"); }

    @Override
    public List<I2cResult> i2c(List<I2cMessage> messages) { throw new UnsupportedOperationException("no bus here"); }

    @Override
    public List<I2cResult> i3c(List<I2cMessage> messages) { throw new UnsupportedOperationException("no bus here"); }

    @Override
    public CccResult ccc(CccRequest request) { throw new UnsupportedOperationException("no bus here"); }

    @Override
    public List<I3cDevice> entdaa(int firstAddress) { throw new UnsupportedOperationException("no bus here"); }
}
