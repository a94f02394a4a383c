package org.openxpo.driver.monitor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.Severity;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

class ModuleMonitorTest {
    /** How often the emulated module's physics (and so its flags) update. */
    static final Duration PHYSICS_TICK = ModuleConfig.Timing.fast().physicsTick();
    static final MonitorOptions FAST = MonitorOptions.DEFAULT.withInterval(Duration.ofMillis(100))
        .withClearHold(Duration.ofMillis(400));
    EmulatedModule em;
    XpoModuleClient client;
    ModuleMonitor monitor;

    @BeforeEach
    void start() {
        em = EmulatedModule.ready();
    }

    @AfterEach
    void stop() {
        if (monitor != null) monitor.close();
        if (client != null) client.close();
        em.close();
    }

    /**
     * The module runs on virtual time, which only the test moves; the monitor's thread reads on its own (so events are
     * awaited on wall-clock time) and stamps its readings with the virtual time, against which the clear hold counts.
     */
    @Test
    void aLaserFailureIsRaisedOnceToEachListenerAndClearedWhenItEnds() {
        em.close();
        em = EmulatedModule.virtual(ModuleConfig.Timing.fast());
        client = em.client();
        EventLog a = new EventLog(), b = new EventLog();
        monitor = ModuleMonitor.start(client, FAST, List.of(a, b));
        assertTrue(monitor.interruptDriven(), "the in-process transport delivers IntL");
        a.awaitEvent("initial state", e -> e instanceof MonitorEvent.ModuleStateEvent s && s.current() == ModuleState.READY);

        ActiveFault fault = em.module().inject(new Fault.LaserFailure(Set.of(3)));
        em.clock.sleep(PHYSICS_TICK);
        a.awaitEvent("TxFailure raised", EventLog.alarm("TxFailure", 3, true));
        b.awaitEvent("TxFailure raised", EventLog.alarm("TxFailure", 3, true));
        // the flag re-latches every physics tick and IntL asserts again: each time the monitor reads (IntL goes
        // high), and the alarm, still active, is not raised again
        for (int tick = 0; tick < 6; tick++) {
            em.clock.sleep(PHYSICS_TICK);
            await("the re-latched flag read").atMost(Duration.ofSeconds(10)).until(() -> em.transport.readPin(Pin.INT_L));
        }
        assertEquals(1, a.count(EventLog.alarm("TxFailure", 3, true)));
        assertEquals(1, b.count(EventLog.alarm("TxFailure", 3, true)));
        var raised = (MonitorEvent.AlarmEvent) a.events.stream().filter(EventLog.alarm("TxFailure", 3, true)).findFirst().orElseThrow();
        assertEquals(Severity.ALARM, raised.severity());

        em.module().clearFault(fault.id());
        em.clock.sleep(FAST.clearHold().plus(PHYSICS_TICK));
        a.awaitEvent("TxFailure cleared", EventLog.alarm("TxFailure", 3, false));
        b.awaitEvent("TxFailure cleared", EventLog.alarm("TxFailure", 3, false));
        em.clock.sleep(Duration.ofMillis(300));
        assertTrue(em.transport.readPin(Pin.INT_L), "nothing latched since: no reading is due that could clear it again");
        assertEquals(1, a.count(EventLog.alarm("TxFailure", 3, false)));
        assertEquals(1, b.count(EventLog.alarm("TxFailure", 3, false)));
    }

    @Test
    void aTaskRunBetweenEventsNeverSplitsAFlagReading() {
        client = em.client();
        monitor = taskAskedForDuringAReadingComesAfterIt(client, FAST, em);
    }

    /**
     * Asks for a task between events at lane 17's alarm of a four-lane laser failure, while other lanes' events of the
     * same reading may still be to come, and checks that all four come before the task. Returns the monitor to close.
     */
    static ModuleMonitor taskAskedForDuringAReadingComesAfterIt(XpoModuleClient client, MonitorOptions options, EmulatedModule em) {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        String task = "task";
        java.util.concurrent.atomic.AtomicReference<ModuleMonitor> started = new java.util.concurrent.atomic.AtomicReference<>();
        started.set(ModuleMonitor.start(client, options, e -> {
            if (e instanceof MonitorEvent.AlarmEvent a && a.name().equals("TxFailure") && a.lane() == 17) {
                started.get().runBetweenEvents(() -> seen.add(task));
            }
            seen.add(e);
        }));
        em.module().inject(new Fault.LaserFailure(Set.of(17, 18, 19, 20)));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(task));
        List<Integer> before = seen.subList(0, seen.indexOf(task)).stream()
            .filter(e -> e instanceof MonitorEvent.AlarmEvent a && a.name().equals("TxFailure") && a.raised())
            .map(e -> ((MonitorEvent.AlarmEvent) e).lane()).sorted().toList();
        assertEquals(List.of(17, 18, 19, 20), before, "the whole reading's TxFailure events come before the task");
        return started.get();
    }

    @Test
    void intLTriggersTheFlagReadBetweenTicks() {
        client = em.client();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofSeconds(30)), log);
        log.awaitEvent("initial reading", e -> e instanceof MonitorEvent.ModuleStateEvent);
        em.module().inject(new Fault.LaserFailure(Set.of(33)));
        // awaited for at most 10 s: the next tick is 30 s away, so only IntL can have triggered the read
        log.awaitEvent("TxFailure raised", EventLog.alarm("TxFailure", 33, true));
    }

    /**
     * An interrupt costs two round trips: the lower page, then the flag page its summary points at with 00h:3 read
     * again in the same batch (whether the interrupt is gone) — no third trip for that byte. Virtual time: no physics
     * tick latches anything else meanwhile.
     */
    @Test
    void anInterruptIsServicedInTwoRoundTrips() {
        em.close();
        em = EmulatedModule.virtual(ModuleConfig.Timing.fast());
        Counting counting = new Counting(em.transport);
        client = new XpoModuleClient(counting, em.clock);
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofSeconds(30)), log);
        log.awaitEvent("initial state", e -> e instanceof MonitorEvent.ModuleStateEvent);
        awaitIdle();
        counting.calls.set(0);

        em.module().inject(new Fault.RxLossOfSignal(Set.of(9)));
        log.awaitEvent("RxOutputStatusChanged raised", EventLog.alarm("RxOutputStatusChanged", 9, true));
        awaitIdle();
        assertEquals(2, counting.calls.get(), "the lower page, then bank 1's page 11h with 00h:3 after it");
        assertTrue(em.transport.readPin(Pin.INT_L), "the reading cleared the only flag: IntL is released");
    }

    /** The work queued so far is done (the monitor runs its tasks in order). */
    private void awaitIdle() {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        monitor.runBetweenEvents(done::countDown);
        await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
    }

    /** Counts the calls (round trips over the link) the driver makes. */
    record Counting(Transport inner, java.util.concurrent.atomic.AtomicInteger calls) implements ForwardingTransport {
        Counting(Transport inner) { this(inner, new java.util.concurrent.atomic.AtomicInteger()); }

        @Override public List<org.openxpo.protocol.connector.I2cResult> i2c(List<org.openxpo.protocol.connector.I2cMessage> m) {
            calls.incrementAndGet();
            return inner.i2c(m);
        }

        @Override public List<List<org.openxpo.protocol.connector.I2cResult>> i2cBatch(
                List<List<org.openxpo.protocol.connector.I2cMessage>> transfers) {
            calls.incrementAndGet();
            return inner.i2cBatch(transfers);
        }

        @Override public void close() { }
    }

    @Test
    void pollingFindsAlarmsWithoutInterrupts() {
        client = new XpoModuleClient(new NoInterrupts(em.transport));
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, FAST.withMode(MonitorOptions.Mode.AUTO), log);
        assertFalse(monitor.interruptDriven());
        em.module().inject(new Fault.RxLossOfSignal(Set.of(64)));
        log.awaitEvent("RxLos raised", EventLog.alarm("RxLos", 64, true));
    }

    @Test
    void snapshotsCarryTheActiveAlarms() {
        client = em.client();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, FAST.withSnapshots(true), log);
        em.module().inject(new Fault.LaserFailure(Set.of(10)));
        log.awaitEvent("snapshot with the alarm", e -> e instanceof MonitorEvent.SnapshotEvent s
            && s.snapshot().alarms().stream().anyMatch(x -> x.name().equals("TxFailure") && x.lane() == 10)
            && !s.snapshot().flagsRead() && s.snapshot().lanes().size() == 64);
    }

    @Test
    void moduleStateChangesAreReported() {
        client = em.client();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, FAST, log);
        log.awaitEvent("first state", e -> e instanceof MonitorEvent.ModuleStateEvent s && s.previous() == null);
        try (XpoModuleClient other = em.client()) {
            other.setLowPower(true);
        }
        log.awaitEvent("low power", e -> e instanceof MonitorEvent.ModuleStateEvent s && s.current() == ModuleState.LOW_PWR);
    }

    @Test
    void aReplugIsReportedAndMonitoringGoesOn() {
        client = em.client();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, FAST.withSnapshots(true), log);
        log.awaitEvent("a snapshot", e -> e instanceof MonitorEvent.SnapshotEvent);
        em.module().inject(new Fault.LaserFailure(Set.of(5)));
        log.awaitEvent("TxFailure raised", EventLog.alarm("TxFailure", 5, true));

        em.cage.unplug();
        log.awaitEvent("absent", e -> e instanceof MonitorEvent.PresenceEvent p && !p.present());
        log.awaitEvent("alarms of the removed module cleared", EventLog.alarm("TxFailure", 5, false));
        int before = log.events.size();
        em.replugFresh();
        log.awaitEvent("present", e -> e instanceof MonitorEvent.PresenceEvent p && p.present());
        log.awaitEvent("snapshot of the new module", e -> log.events.indexOf(e) > before
            && e instanceof MonitorEvent.SnapshotEvent s && s.snapshot().moduleState() == ModuleState.READY);

        em.module().inject(new Fault.LaserFailure(Set.of(6)));
        log.awaitEvent("alarm of the new module", EventLog.alarm("TxFailure", 6, true));
        assertEquals(1, log.count(e -> e instanceof MonitorEvent.PresenceEvent p && !p.present()));
        assertEquals(1, log.count(e -> e instanceof MonitorEvent.PresenceEvent p && p.present()));
    }

    @Test
    void aResetIsReported() {
        client = em.client();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, FAST, log);
        try (XpoModuleClient other = em.client()) {
            other.reset();
        }
        log.awaitEvent("reset", e -> e instanceof MonitorEvent.ResetEvent r && r.cause().equals("pin"));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        client = em.client();
        EventLog log = new EventLog();
        Consumer<MonitorEvent> broken = e -> { throw new IllegalStateException("listener bug"); };
        monitor = ModuleMonitor.start(client, FAST, List.of(broken, log));
        em.module().inject(new Fault.LaserFailure(Set.of(7)));
        log.awaitEvent("TxFailure raised", EventLog.alarm("TxFailure", 7, true));
    }

    /** A transport without interrupt events (like a Pi without IntL wired): the monitor must poll. */
    record NoInterrupts(Transport inner) implements ForwardingTransport {
        @Override public boolean hasInterruptEvents() { return false; }
        @Override public String describe() { return "polled " + inner.describe(); }
        @Override public AutoCloseable subscribe(Consumer<TargetEvent> l) { return () -> { }; }
        @Override public void close() { }
    }
}
