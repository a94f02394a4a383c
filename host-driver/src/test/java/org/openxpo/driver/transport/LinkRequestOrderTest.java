package org.openxpo.driver.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.types.ModuleState;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A request whose caller waits leaves from the caller's thread when nothing of the connection is queued
 * ({@link RequestStream}): it still never overtakes pipelined requests sent before it, and concurrent callers each get
 * their own answer.
 */
class LinkRequestOrderTest {
    private static final int MODULE = 0x50, PAGE_SELECT = 127;
    private static final byte[] PAGES = {0x00, 0x01, 0x02};
    private EmulatedChassis chassis;
    private LinkServer server;
    private LinkTransport link;

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(1, EmulatorClock.system(),
            i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> chassis.cage(1).module().moduleState() == ModuleState.READY);
        server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        link = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
    }

    @AfterEach
    void stop() {
        link.close();
        server.close();
        chassis.close();
    }

    private static List<I2cMessage> select(byte page) { return List.of(I2cMessage.write(MODULE, (byte) PAGE_SELECT, page)); }

    private int selectedPage() {
        List<I2cResult> r = link.i2c(List.of(I2cMessage.write(MODULE, (byte) PAGE_SELECT), I2cMessage.read(MODULE, 1)));
        return r.get(1).data()[0];
    }

    @Test
    void aWaitingReadSeesThePipelinedWritesSentBeforeIt() {
        List<CompletableFuture<List<I2cResult>>> writes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte page = PAGES[i % PAGES.length];
            // a burst of pipelined selects, the last one the page the waiting read must find
            for (int k = 0; k < 3; k++) writes.add(link.i2cAsync(select(PAGES[(i + k + 1) % PAGES.length])));
            writes.add(link.i2cAsync(select(page)));
            assertEquals(page, selectedPage(), "round " + i + ": the read went after the selects sent before it");
        }
        for (CompletableFuture<List<I2cResult>> w : writes) assertTrue(w.join().get(0).ok());
    }

    @Test
    void concurrentWaitingCallersEachGetTheirOwnAnswer() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int caller = c, offset = 128 + 16 * c;
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        // lengths 1-8 are caller 0's, 9-16 caller 1's …: another caller's answer has the wrong length
                        int length = 1 + 8 * caller + i % 8;
                        List<I2cResult> r = link.i2c(List.of(I2cMessage.write(MODULE, (byte) offset),
                            I2cMessage.read(MODULE, length)));
                        assertEquals(length, r.get(1).data().length, "answer of this caller's read");
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (Thread t : callers) t.join(30_000);
        assertNull(failure.get(), () -> "a caller failed: " + failure.get());
    }
}
