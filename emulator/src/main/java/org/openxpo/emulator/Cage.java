package org.openxpo.emulator;

import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.module.ModuleEvents;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One cage of an emulated chassis: the host side of the control connector. It keeps the levels the host drives
 * (ResetL, LPMode, PowerEnable) whether or not a module is plugged, and turns the module's doings into events.
 *
 * <p>Locks: the module emits its events under its own lock (see {@link XpoModule}), and listeners read pins from
 * there (a Pi4J input's state, a monitor). So the cage's lock is only ever taken before the module's, never after it:
 * pin writes, plug and unplug hold the cage's lock while they tell the module (so the levels a newly plugged module
 * starts with are the ones the host drove last), and pin reads take no cage lock at all: the host-driven levels are
 * volatile, the module-driven ones are the module's. A listener may read pins; it must not write them or plug.
 */
public final class Cage implements ControlConnector {
    private static final Logger LOG = LoggerFactory.getLogger(Cage.class);

    private final int number;
    private final EmulatorClock clock;
    private final List<Consumer<TargetEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile XpoModule module;
    /** Written under the cage's lock, read without it. */
    private volatile boolean resetL = true, lpMode, powerEnable = true;

    public Cage(int number, EmulatorClock clock, XpoModule module) {
        this.number = number;
        this.clock = clock;
        if (module != null) attach(module);
    }

    public int number() { return number; }

    /** The plugged module, or null. */
    public XpoModule module() { return module; }

    public boolean present() { return module != null; }

    /** Plugs {@code m} in (replacing nothing: the cage must be empty). */
    public synchronized void plug(XpoModule m) {
        if (module != null) throw new IllegalStateException("cage " + number + " is not empty");
        attach(m);
        m.connect(resetL, lpMode, powerEnable);
        emit(new TargetEvent.Presence(number, clock.nanos(), true));
    }

    /** Pulls the module out; returns it (or null if the cage was empty). */
    public synchronized XpoModule unplug() {
        XpoModule m = module;
        if (m == null) return null;
        module = null;
        m.disconnect();
        m.setEvents(null);
        emit(new TargetEvent.Presence(number, clock.nanos(), false));
        return m;
    }

    private void attach(XpoModule m) {
        m.setEvents(new ModuleEvents() {
            public void interrupt(boolean asserted) { emit(new TargetEvent.IntL(number, clock.nanos(), asserted)); }
            public void reset(String cause) { emit(new TargetEvent.Reset(number, clock.nanos(), cause)); }
            public void powerGood(boolean good) {
                emit(new TargetEvent.PinLevel(number, clock.nanos(), Pin.POWER_GOOD, good));
            }
            public void ibi(int address, byte[] payload) {
                emit(new TargetEvent.Ibi(number, clock.nanos(), address, payload));
            }
        });
        module = m;
    }

    /**
     * Hands {@code e} to every listener. One that throws is logged and skipped: the event was emitted by the firmware
     * (often from its timer), which must go on running whatever a listener does.
     */
    private void emit(TargetEvent e) {
        for (Consumer<TargetEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException failure) {
                LOG.error("cage {}: an event listener failed on {}; the module goes on", number, e, failure);
            }
        }
    }

    @Override
    public List<I2cResult> i2c(List<I2cMessage> messages) {
        XpoModule m = module;
        return m == null ? absent(messages) : m.i2c(messages);
    }

    @Override
    public List<I2cResult> i3c(List<I2cMessage> messages) {
        XpoModule m = module;
        return m == null ? absent(messages) : m.i3c(messages);
    }

    @Override
    public CccResult ccc(CccRequest request) {
        XpoModule m = module;
        return m == null ? CccResult.nack() : m.ccc(request);
    }

    @Override
    public List<I3cDevice> entdaa(int firstAddress) {
        XpoModule m = module;
        return m == null ? List.of() : m.entdaa(firstAddress);
    }

    private static List<I2cResult> absent(List<I2cMessage> messages) {
        List<I2cResult> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(I2cResult.of(i == 0 ? I2cResult.Status.NO_MODULE : I2cResult.Status.SKIPPED));
        }
        return out;
    }

    @Override
    public synchronized void writePin(Pin pin, boolean high) {
        if (!pin.hostDriven()) throw new IllegalArgumentException(pin + " is driven by the module, not the host");
        XpoModule m = module;
        assert m == null || !Thread.holdsLock(m) : "a pin written from a module event would invert the lock order";
        switch (pin) {
            case RESET_L -> { resetL = high; if (m != null) m.setResetL(high); }
            case LP_MODE -> { lpMode = high; if (m != null) m.setLpMode(high); }
            case POWER_ENABLE -> { powerEnable = high; if (m != null) m.setPowerEnable(high); }
            default -> throw new IllegalArgumentException(pin.toString());
        }
    }

    @Override
    public boolean readPin(Pin pin) {
        XpoModule m = module;
        return switch (pin) {
            case RESET_L -> resetL;
            case LP_MODE -> lpMode;
            case POWER_ENABLE -> powerEnable;
            case MOD_PRS_L -> m == null;
            case INT_L -> m == null || m.intLHigh();
            case POWER_GOOD -> m != null && m.powerGood();
        };
    }

    @Override
    public AutoCloseable subscribe(Consumer<TargetEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Lets the firmware catch up with the clock (pushes due events). */
    public void sync() {
        XpoModule m = module;
        if (m != null) m.sync();
    }
}
