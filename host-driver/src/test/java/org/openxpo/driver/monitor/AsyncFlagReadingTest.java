package org.openxpo.driver.monitor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Over the link an interrupt's flag reading starts on the client's event loop (no hand-off before its reads) and only
 * the answered reading goes to the monitor's thread. The monitor's tick is 30 s away in these tests, so every event
 * awaited comes from an interrupt.
 */
class AsyncFlagReadingTest {
    static final MonitorOptions INTERRUPTS_ONLY = MonitorOptions.DEFAULT.withInterval(Duration.ofSeconds(30));
    EmulatedModule em;
    LinkServer server;
    LinkTransport link;
    Watched watched;
    XpoModuleClient client;
    ModuleMonitor monitor;

    @BeforeEach
    void start() {
        em = EmulatedModule.ready();
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        link = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
        watched = new Watched(link);
    }

    @AfterEach
    void stop() {
        if (monitor != null) monitor.close();
        if (client != null) client.close();
        link.close();
        server.close();
        em.close();
    }

    @Test
    void anInterruptsReadsLeaveFromTheEventLoopAndItsEventsFromTheMonitorThread() {
        client = new XpoModuleClient(watched);
        List<String> listenerThreads = new CopyOnWriteArrayList<>();
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, INTERRUPTS_ONLY, List.of(log, e -> listenerThreads.add(Thread.currentThread().getName())));
        log.awaitEvent("initial state", e -> e instanceof MonitorEvent.ModuleStateEvent);
        awaitIdle();
        watched.reset();

        em.module().inject(new Fault.LaserFailure(Set.of(3, 45)));
        log.awaitEvent("TxFailure of lane 3 raised", EventLog.alarm("TxFailure", 3, true));
        log.awaitEvent("TxFailure of lane 45 raised", EventLog.alarm("TxFailure", 45, true));
        awaitIdle();
        assertFalse(watched.asyncSenders.isEmpty(), "the reading went out without waiting");
        assertTrue(watched.asyncSenders.stream().allMatch(t -> t.startsWith("xpo-link")),
            "sent from the link's event loop: " + watched.asyncSenders);
        assertEquals(0, watched.waitingCalls.get(), "no read waited on the monitor's thread");
        assertTrue(listenerThreads.stream().allMatch("xpo-monitor"::equals), "listeners on the monitor thread only");
    }

    @Test
    void aTaskRunBetweenEventsNeverSplitsAnAsynchronousReading() {
        client = new XpoModuleClient(watched);
        monitor = ModuleMonitorTest.taskAskedForDuringAReadingComesAfterIt(client, INTERRUPTS_ONLY, em);
    }

    /**
     * A flag that latches while the reading is on the wire raises no new IntL edge (the line is already low): the
     * reading's closing 00h:3 (or its lower page, if the flag came first) says so and the monitor reads again.
     */
    @Test
    void aFlagRaisedWhileTheReadingIsInFlightIsReadToo() {
        client = new XpoModuleClient(watched);
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, INTERRUPTS_ONLY, log);
        log.awaitEvent("initial state", e -> e instanceof MonitorEvent.ModuleStateEvent);
        awaitIdle();
        AtomicInteger sends = new AtomicInteger();
        watched.afterAsyncSend = () -> {
            if (sends.incrementAndGet() == 1) em.module().inject(new Fault.LaserFailure(Set.of(2)));
        };

        em.module().inject(new Fault.LaserFailure(Set.of(45)));
        log.awaitEvent("TxFailure of lane 45 raised", EventLog.alarm("TxFailure", 45, true));
        log.awaitEvent("TxFailure of lane 2, latched in flight, raised", EventLog.alarm("TxFailure", 2, true));
        awaitIdle();
        assertEquals(1, log.count(EventLog.alarm("TxFailure", 2, true)));
        assertEquals(1, log.count(EventLog.alarm("TxFailure", 45, true)));
        assertEquals(0, log.count(e -> e instanceof MonitorEvent.ErrorEvent));
    }

    /**
     * The server goes away while a reading waits for its answer: the drop is reported once, the bus is free again
     * afterwards, and the reading the drop cut short is made again after the reconnect (at the next tick: no IntL edge
     * comes for a flag that was already waiting).
     */
    @Test
    void aLinkDropInTheMiddleOfAReadingIsReportedAndMonitoringResumes() {
        client = new XpoModuleClient(watched);
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofMillis(200)), log);
        log.awaitEvent("initial state", e -> e instanceof MonitorEvent.ModuleStateEvent);
        awaitIdle();
        int port = server.port();
        CountDownLatch dropped = new CountDownLatch(1);
        AtomicInteger sends = new AtomicInteger();
        watched.afterAsyncSend = () -> {
            if (sends.incrementAndGet() == 1) Thread.ofPlatform().start(() -> {
                server.close();
                dropped.countDown();
            });
        };

        em.module().inject(new Fault.LaserFailure(Set.of(30)));
        log.awaitEvent("link down", e -> e instanceof MonitorEvent.LinkEvent l && !l.up());
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped.getCount() == 0);
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", port), BusTiming.OFF);
        log.awaitEvent("link up", e -> e instanceof MonitorEvent.LinkEvent l && l.up());
        log.awaitEvent("TxFailure of lane 30 raised after the reconnect", EventLog.alarm("TxFailure", 30, true));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.moduleState(), "the bus is not left held");
        assertEquals(1, log.count(e -> e instanceof MonitorEvent.LinkEvent l && !l.up()), "one down event per drop");
        assertEquals(1, log.count(EventLog.alarm("TxFailure", 30, true)));
    }

    @Test
    void aTransportWithoutInterruptsIsStillPolled() {
        client = new XpoModuleClient(new ModuleMonitorTest.NoInterrupts(watched));
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, ModuleMonitorTest.FAST, log);
        assertFalse(monitor.interruptDriven());
        em.module().inject(new Fault.RxLossOfSignal(Set.of(64)));
        log.awaitEvent("RxLos raised by a poll", EventLog.alarm("RxLos", 64, true));
        assertTrue(watched.asyncSenders.isEmpty(), "polling reads wait on the monitor's thread");
        assertTrue(watched.waitingCalls.get() > 0);
    }

    /** The work queued so far is done (the monitor runs its tasks in order). */
    private void awaitIdle() {
        CountDownLatch done = new CountDownLatch(1);
        monitor.runBetweenEvents(done::countDown);
        await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
    }

    /** Forwards everything, the sends without waiting included, and notes who sent what. */
    static final class Watched implements ForwardingTransport {
        final Transport inner;
        final List<String> asyncSenders = new CopyOnWriteArrayList<>();
        final AtomicInteger waitingCalls = new AtomicInteger();
        /** Run on the event loop after each send without waiting, before its answer can be handled. */
        volatile Runnable afterAsyncSend = () -> { };

        Watched(Transport inner) { this.inner = inner; }

        @Override public Transport inner() { return inner; }

        void reset() {
            asyncSenders.clear();
            waitingCalls.set(0);
        }

        @Override public boolean sendsAsyncHere() { return inner.sendsAsyncHere(); }

        @Override public CompletableFuture<List<List<I2cResult>>> i2cBatchAsync(List<List<I2cMessage>> transfers) {
            asyncSenders.add(Thread.currentThread().getName());
            CompletableFuture<List<List<I2cResult>>> f = inner.i2cBatchAsync(transfers);
            afterAsyncSend.run();
            return f;
        }

        @Override public List<I2cResult> i2c(List<I2cMessage> messages) {
            waitingCalls.incrementAndGet();
            return inner.i2c(messages);
        }

        @Override public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
            waitingCalls.incrementAndGet();
            return inner.i2cBatch(transfers);
        }

        @Override public void close() { }
    }
}
