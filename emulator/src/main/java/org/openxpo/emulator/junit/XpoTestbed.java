package org.openxpo.emulator.junit;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.clock.VirtualHostClock;
import org.openxpo.emulator.control.ControlServer;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.emulator.scenario.Presence;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.emulator.scenario.ScenarioRunner;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a test gets from {@link EmulatedXpo}: the chassis, its cages and modules, fault injection, the clock, and the
 * link server's address when one was asked for. Owned by the extension, which closes it after the test.
 */
public final class XpoTestbed implements AutoCloseable {
    private final EmulatedChassis chassis;
    private final LinkServer link;
    private final ControlServer control;
    private final Faults faults = new Faults();
    private final HostClock hostClock;
    private ScenarioRunner scenario;

    XpoTestbed(EmulatedChassis chassis, LinkServer link, ControlServer control) {
        this.chassis = chassis;
        this.link = link;
        this.control = control;
        this.hostClock = chassis.clock() instanceof VirtualClock v ? new VirtualHostClock(v, Instant.now())
            : HostClock.system();
    }

    public EmulatedChassis chassis() { return chassis; }

    /** Cage {@code n} (1-based): the control connector a host talks to (I2C, I3C, pins, events). */
    public Cage cage(int n) { return chassis.cage(n); }

    /** The module plugged into cage {@code n} (null if the cage is empty). */
    public XpoModule module(int n) { return chassis.cage(n).module(); }

    public Faults faults() { return faults; }

    public EmulatorClock clock() { return chassis.clock(); }

    /** The virtual clock; only with {@code @EmulatedXpo(virtualClock = true)}. */
    public VirtualClock virtualClock() {
        if (chassis.clock() instanceof VirtualClock v) return v;
        throw new IllegalStateException("this testbed runs on wall-clock time: use @EmulatedXpo(virtualClock = true)");
    }

    /**
     * The clock to give a host driver under test: on a virtual clock, one whose sleeps advance it (so a driver that
     * waits for the module lets the module's time pass, and the test runs in virtual time); on wall-clock time
     * {@link HostClock#system()}. For example {@code new XpoModuleClient(transport, xpo.hostClock())}.
     */
    public HostClock hostClock() { return hostClock; }

    /** Moves the virtual clock on (firmware timers and physics due by then run now). */
    public void advance(Duration d) { virtualClock().advance(d); }

    /** The link server; only with {@code @EmulatedXpo(link = true)}. */
    public LinkServer link() {
        if (link == null) throw new IllegalStateException("no link server: use @EmulatedXpo(link = true)");
        return link;
    }

    /** "tcp://127.0.0.1:PORT/n": where a host driver reaches cage {@code n} over the emulator link. */
    public String linkUri(int n) {
        chassis.cage(n);
        return "tcp://" + link().address().getAddress().getHostAddress() + ":" + link().port() + "/" + n;
    }

    /** The control API; only with {@code @EmulatedXpo(control = true)}. */
    public ControlServer control() {
        if (control == null) throw new IllegalStateException("no control API: use @EmulatedXpo(control = true)");
        return control;
    }

    /** "http://127.0.0.1:PORT/api": the control API's base URL (docs/emulator-server.md lists its endpoints). */
    public String controlUrl() {
        return "http://" + control().address().getAddress().getHostAddress() + ":" + control().port() + "/api";
    }

    /** Pulls the module out of cage {@code n}; {@link #plug} puts the same one back. */
    public void unplug(int n) {
        if (!Presence.unplug(chassis, n)) throw new IllegalStateException("cage " + n + " is already empty");
    }

    public void plug(int n) {
        if (!Presence.plug(chassis, n)) throw new IllegalStateException("cage " + n + " already holds a module");
    }

    /** Applies a scenario (replacing one applied before); its script runs on this testbed's clock. */
    public void apply(Scenario s) {
        if (scenario != null) scenario.close();
        scenario = ScenarioRunner.start(chassis, s);
    }

    /**
     * Waits until every plugged module is ModuleReady: on a virtual clock by advancing it in 10 ms steps, on wall-clock
     * time by polling. Fails after {@code timeout} of (virtual or real) time.
     */
    public void awaitReady(Duration timeout) {
        awaitCondition(timeout, () -> {
            for (int n : chassis.cages()) {
                XpoModule m = module(n);
                if (m != null && m.moduleState() != ModuleState.READY) return false;
            }
            return true;
        }, "modules ready");
    }

    /**
     * Waits for {@code condition} on {@link #hostClock()}: a virtual clock moves on in 10 ms steps, a real one is
     * polled every 5 ms. Fails after {@code timeout} of (virtual or real) time.
     */
    public void awaitCondition(Duration timeout, BooleanSupplier condition, String what) {
        boolean virtual = chassis.clock() instanceof VirtualClock;
        Duration step = Duration.ofMillis(virtual ? 10 : 5);
        long start = hostClock.nanoTime(), limit = timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (hostClock.nanoTime() - start >= limit) {
                throw new AssertionError("not " + what
                    + (virtual ? " after " + timeout + " of virtual time" : " within " + timeout));
            }
            hostClock.sleep(step);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** Fault injection by cage, as the control API offers it. */
    public final class Faults {
        /** Injects {@code fault} into the module of cage {@code cage}; returns it with its id. */
        public ActiveFault inject(int cage, Fault fault) { return plugged(cage).inject(fault); }

        /** Clears one fault; false if it was not active. */
        public boolean clear(int cage, String id) { return plugged(cage).clearFault(id); }

        /** Clears every fault of every plugged module. */
        public void clearAll() {
            for (int n : chassis.cages()) {
                XpoModule m = module(n);
                if (m != null) for (ActiveFault a : m.activeFaults()) m.clearFault(a.id());
            }
        }

        public List<ActiveFault> active(int cage) { return plugged(cage).activeFaults(); }

        private XpoModule plugged(int cage) {
            XpoModule m = module(cage);
            if (m == null) throw new IllegalStateException("cage " + cage + " is empty");
            return m;
        }
    }

    @Override
    public void close() {
        if (scenario != null) scenario.close();
        if (control != null) control.close();
        if (link != null) link.close();
        chassis.close();
    }
}
