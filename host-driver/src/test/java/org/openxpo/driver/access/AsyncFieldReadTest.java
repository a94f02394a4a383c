package org.openxpo.driver.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.Pages;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** {@link RegisterAccess#readFieldsAsync} over the link: started from the event loop (an IntL listener) or not. */
class AsyncFieldReadTest {
    /** Two pages, so the batch selects: the vendor name on 00h and bank 2's lane states on 11h. */
    static final List<RegisterAccess.FieldRead> GROUPS = List.of(
        new RegisterAccess.FieldRead(Pages.ADMINISTRATIVE, 0, List.of(AdminPages.VENDOR_NAME)),
        new RegisterAccess.FieldRead(Pages.LANE_STATUS, 2, List.of(LaneStatusPage.DP_STATE)));
    EmulatedModule em;
    LinkServer server;
    LinkTransport link;
    RegisterAccess access;

    @BeforeEach
    void start() {
        em = EmulatedModule.ready();
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        link = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
        access = new RegisterAccess(link);
        // the boot's flags read (cleared), so IntL is released and the fault's IntL is an edge the link reports
        try (var reader = em.client()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !reader.readFlags().interruptAsserted()
                && em.transport.readPin(Pin.INT_L));
        }
    }

    @AfterEach
    void stop() {
        access.close();
        link.close();
        server.close();
        em.close();
    }

    @Test
    void fromTheEventLoopTheReadIsAnsweredThereWithTheWaitingCallsBytes() throws Exception {
        List<byte[]> expected = access.readFields(GROUPS);
        RegisterAccess.FieldReads reads = onTheEventLoop(() -> access.readFieldsAsync(GROUPS)).get(5, TimeUnit.SECONDS);
        assertTrue(reads.ready(), "answered without help from a waiting thread");
        assertWindowsEqual(expected, reads.finish());
    }

    @Test
    void offTheEventLoopNothingIsSentAndFinishReadsItAll() throws Exception {
        CompletableFuture<RegisterAccess.FieldReads> f = access.readFieldsAsync(GROUPS);
        assertTrue(f.isDone(), "nothing to wait for: the link cannot send from the test's thread");
        RegisterAccess.FieldReads reads = f.get();
        assertFalse(reads.ready());
        assertWindowsEqual(access.readFields(GROUPS), reads.finish());
    }

    /** Another caller holds the bus: the event loop does not wait for it, the waiting thread's finish() does. */
    @Test
    void aBusyBusLeavesTheWholeReadToFinish() throws Exception {
        List<byte[]> expected = access.readFields(GROUPS);
        CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> access.exclusive(() -> {
            holding.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(holding.await(5, TimeUnit.SECONDS));
        RegisterAccess.FieldReads reads = onTheEventLoop(() -> access.readFieldsAsync(GROUPS)).get(5, TimeUnit.SECONDS);
        assertFalse(reads.ready(), "the event loop did not wait for the bus");
        release.countDown();
        holder.join();
        assertWindowsEqual(expected, reads.finish());
    }

    /**
     * The link fails while the batch is on the wire (its answer completes the future with a LinkFailure on the event
     * loop, as a dropped connection does): finish() throws what the waiting call throws, and the bus is free again.
     */
    @Test
    void aLinkFailureInFlightComesOutOfFinishAndFreesTheBus() throws Exception {
        RegisterAccess failing = new RegisterAccess(new DropsAfterSending(link));
        try {
            RegisterAccess.FieldReads reads = onTheEventLoop(() -> failing.readFieldsAsync(GROUPS)).get(5, TimeUnit.SECONDS);
            assertFalse(reads.ready());
            XpoException.LinkFailure e = assertThrows(XpoException.LinkFailure.class, reads::finish);
            assertEquals("link dropped", e.getMessage());
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failing.exclusive(() -> true), "the bus is not left held");
        } finally {
            failing.close();
        }
    }

    /** Sends without waiting through the link, and fails each such send as its answer arrives. */
    record DropsAfterSending(Transport inner) implements ForwardingTransport {
        @Override public boolean sendsAsyncHere() { return inner.sendsAsyncHere(); }

        @Override public CompletableFuture<List<List<I2cResult>>> i2cBatchAsync(List<List<I2cMessage>> transfers) {
            return inner.i2cBatchAsync(transfers).thenCompose(r -> CompletableFuture.failedFuture(
                new XpoException.LinkFailure("link dropped")));
        }

        @Override public void close() { }
    }

    /** Runs {@code start} on the link's event loop, inside the listener of the IntL a fault raises. */
    private <T> CompletableFuture<T> onTheEventLoop(Supplier<CompletableFuture<T>> start) throws Exception {
        AtomicBoolean once = new AtomicBoolean();
        CompletableFuture<CompletableFuture<T>> started = new CompletableFuture<>();
        AutoCloseable sub = link.subscribe(e -> {
            if (e instanceof TargetEvent.IntL i && i.asserted() && once.compareAndSet(false, true)) {
                started.complete(start.get());
            }
        });
        try {
            em.module().inject(new Fault.LaserFailure(Set.of(20)));
            return started.get(5, TimeUnit.SECONDS);
        } finally {
            sub.close();
        }
    }

    private static void assertWindowsEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "window " + i);
    }
}
