package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;

/** The connection limit, the handshake timeout, and no thread held by a connection without work. */
class LinkConnectionLimitsTest extends LinkFixture {
    static final int MAX_CONNECTIONS = 120;
    static final Duration HANDSHAKE = Duration.ofMillis(300);

    @Override
    ServerLimits limits() { return ServerLimits.DEFAULT.withMaxConnections(MAX_CONNECTIONS).withHandshakeTimeout(HANDSHAKE); }

    @Test
    void aConnectionOverTheLimitIsToldWhyAndClosedWhileTheOthersAreServed() {
        List<LinkTestClient> served = new ArrayList<>();
        for (int i = 0; i < MAX_CONNECTIONS; i++) served.add(client());
        LinkTestClient refused = rawClient();
        Frame.ErrorReply e = refused.expectError(LinkError.BUSY);
        assertEquals(0, e.requestId(), "about the connection, not a request");
        assertTrue(e.message().contains("at most " + MAX_CONNECTIONS + " connections"), e.message());
        soon().until(refused::closedByServer);
        assertEquals(1, server.refusedConnections());
        assertEquals(MAX_CONNECTIONS, server.connections());
        assertInstanceOf(Frame.Ack.class, served.get(0).call(new Frame.Ping(served.get(0).id())), "the others are served");

        served.get(1).close();
        soon().until(() -> server.connections() == MAX_CONNECTIONS - 1);
        assertInstanceOf(Frame.HelloOk.class, rawClient().call(Frame.Hello.current(1, "next")), "room again");
    }

    @Test
    void aConnectionWithoutHelloIsClosedAfterTheHandshakeTimeout() {
        LinkTestClient handshaken = client();
        LinkTestClient silent = rawClient();
        LinkTestClient slowloris = rawClient();
        byte[] hello = FrameCodec.encode(Frame.Hello.current(1, "slow"));
        slowloris.sendRaw(Arrays.copyOf(hello, hello.length - 1)); // all but the last byte

        for (LinkTestClient c : List.of(silent, slowloris)) {
            Frame.ErrorReply e = c.expectError(LinkError.NOT_HANDSHAKEN);
            assertEquals("no HELLO within " + HANDSHAKE.toMillis() + " ms", e.message());
            soon().until(c::closedByServer);
        }
        assertFalse(handshaken.closedByServer(), "a session that said HELLO has no deadline");
        assertInstanceOf(Frame.Ack.class, handshaken.call(new Frame.Ping(handshaken.id())));
    }

    @Test
    void idleConnectionsHoldNoThread() {
        List<LinkTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            LinkTestClient c = client();
            assertInstanceOf(Frame.CageList.class, c.call(new Frame.ListCages(c.id()))); // each has had work
            clients.add(c);
        }
        assertEquals(100, server.connections());
        soon().until(() -> server.busyWorkerThreads() == 0);
        long workers = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
            .map(t -> t.getThreadName()).filter(n -> n.startsWith("xpo-link") && !n.startsWith("xpo-link-io")
                && !n.startsWith("xpo-link-accept")).count();
        assertTrue(workers <= 10, workers + " request threads for 100 idle connections");
        assertTrue(server.workerThreads() <= 10, server.workerThreads() + " pool threads");
        for (LinkTestClient c : clients) assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())), "all served");
    }
}
