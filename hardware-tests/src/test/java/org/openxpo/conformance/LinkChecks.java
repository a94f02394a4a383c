package org.openxpo.conformance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.Host;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.transport.I3cTransport;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * The emulator link dropping and coming back: the server is closed and started again on the same port; the driver's
 * link transport reconnects by itself (backoff up to 2 s), redoes its handshake and event subscription, and the
 * register access forgets its page selection — so reads after the reconnect show the right page even if someone
 * else moved the page select meanwhile. Only the tcp target has a connection to drop (tag {@code link}).
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
@Tag(TargetConditions.LINK)
abstract class LinkChecks extends Checks {
    private static final Duration RECONNECT = Duration.ofSeconds(6);

    /** Reconnects the transport has completed (handshake and subscription redone, listeners told). */
    private final AtomicInteger reconnects = new AtomicInteger();

    @Override
    protected void prepare() {
        super.prepare();
        t.transport().onReconnect(reconnects::incrementAndGet);
    }

    private LinkTransport link() { return (LinkTransport) t.transport(); }

    /**
     * Stops the server, runs {@code meanwhile}, starts it again on the same port and waits until the transport has
     * reconnected — told by its reconnect listeners, which run once the handshake is done (a connected socket alone is
     * not enough: see the report about LinkTransport.connected()).
     */
    private void restart(Runnable meanwhile) {
        int before = reconnects.get();
        t.stopServer();
        host.await("the link transport to notice the drop", Duration.ofSeconds(2), () -> link().connected(), c -> !c,
            c -> c ? "connected" : "down");
        meanwhile.run();
        t.startServer();
        host.await("the link transport to reconnect on port " + t.port() + " (handshake done)", RECONNECT,
            reconnects::get, n -> n > before, n -> (n - before) + " reconnects");
    }

    @Test
    void transfersFailFastWhileTheServerIsDown() {
        host.read(Pages.LANE_STATUS, 3, 206, 8);
        long[] failedAfterMs = new long[1];
        restart(() -> {
            long start = System.nanoTime();
            XpoException e = assertThrows(XpoException.class, () -> host.read(Pages.LANE_STATUS, 3, 206, 8),
                "a read while the server is down must fail, not hang");
            failedAfterMs[0] = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(XpoException.LinkFailure.class, e, "reported as a link failure: " + e.getMessage());
        });
        assertTrue(failedAfterMs[0] < 1000, "the read failed only after " + failedAfterMs[0] + " ms");
    }

    @Test
    void registerAccessShowsTheRightPageAfterTheReconnect() {
        byte[] before = host.read(Pages.LANE_STATUS, 3, 206, 8);
        byte[] identity = host.read(Pages.ADMINISTRATIVE, 0, 128, 16);
        // while the link is down, another host moves the page select (the driver's cached selection is now wrong)
        restart(() -> t.cage().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, (byte) 126, (byte) 0, (byte) Pages.XPO_TELEMETRY))));
        byte[] after = host.awaitThroughErrors("a read over the new connection", RECONNECT, () -> host.read(Pages.LANE_STATUS, 3, 206, 8),
            b -> true, b -> hex(b));
        assertArrayEquals(before, after, "11h bank 3 after the reconnect: the access layer must select the page again");
        assertArrayEquals(identity, host.read(Pages.ADMINISTRATIVE, 0, 128, 16), "page 00h after the reconnect");
    }

    @Test
    void reconnectListenersRunOncePerReconnect() {
        AtomicInteger calls = new AtomicInteger();
        t.transport().onReconnect(calls::incrementAndGet);
        restart(() -> {});
        host.await("the reconnect listener to run", RECONNECT, calls::get, n -> n >= 1, String::valueOf);
        assertEquals(1, calls.get(), "one reconnect, one call");
    }

    @Test
    void interruptEventsResumeAfterTheReconnect() {
        try (Host.Events<TargetEvent.IntL> edges = host.record(TargetEvent.IntL.class)) {
            restart(() -> {});
            host.clearFlags();
            edges.clear();
            host.cycleTx(0);
            host.await("an IntL event over the new connection", RECONNECT, edges::list,
                l -> l.stream().anyMatch(TargetEvent.IntL::asserted), Object::toString);
        } finally {
            host.clearFlags();
        }
    }

    @Test
    void i3cLinkGetsItsDynamicAddressBackAfterTheReconnect() {
        I3cTransport i3c = t.openI3c();
        try (RegisterAccess over = new RegisterAccess(i3c)) {
            byte[] id = over.read(Pages.ADMINISTRATIVE, 0, 128, 16);
            restart(() -> t.cage().ccc(CccRequest.broadcast(Ccc.RSTDAA_BC)));  // the address is gone meanwhile
            byte[] again = host.awaitThroughErrors("an I3C private read after the reconnect (RSTDAA, ENTDAA, ENEC redone)", RECONNECT,
                () -> over.read(Pages.ADMINISTRATIVE, 0, 128, 16), b -> true, b -> hex(b));
            assertArrayEquals(id, again, "page 00h over I3C after the reconnect");
        } finally {
            try {
                i3c.ccc(CccRequest.broadcast(Ccc.RSTDAA_BC));
            } finally {
                i3c.close();
            }
            host.access().invalidate();
            host.clearFlags();
        }
    }
}
