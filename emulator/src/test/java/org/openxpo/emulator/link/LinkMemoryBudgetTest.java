package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openxpo.emulator.link.LinkFixture.soon;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

/**
 * The server's memory budget over all connections: subscribers that never read are shed, largest queue first, while a
 * subscriber that reads keeps getting every event, and what the server queues stays within the budget.
 */
class LinkMemoryBudgetTest {
    static final long BUDGET = ServerLimits.MIB;
    static final int FROZEN = 8, EDGES = 10_000;

    private final EventSource source = new EventSource();
    private final LinkServer server = LinkServer.start(source, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF,
        ServerLimits.DEFAULT.withMemoryBudget(BUDGET));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
        server.close();
    }

    @Test
    void subscribersThatNeverReadAreShedAndTheReaderGetsEveryIntLEdge() throws IOException {
        LinkTestClient reader = LinkTestClient.open(server);
        open.add(reader);
        reader.subscribe(EventSource.CAGE, EventKind.INT_L);
        for (int i = 0; i < FROZEN; i++) open.add(frozenSubscriber());
        soon().until(() -> server.subscriptions() == FROZEN + 1);

        // every edge goes to all nine; a 1 KiB reset cause with each makes the frozen ones' queues grow fast (the
        // reader did not subscribe to resets)
        String cause = "x".repeat(1000);
        List<TargetEvent> edges = new ArrayList<>();
        for (int i = 0; i < EDGES; i++) {
            TargetEvent.IntL edge = new TargetEvent.IntL(EventSource.CAGE, i, i % 2 == 0);
            edges.add(edge);
            source.emit(edge);
            source.emit(new TargetEvent.Reset(EventSource.CAGE, i, cause));
        }

        soon().until(() -> reader.events.size() >= EDGES);
        assertEquals(edges, reader.events, "every edge once, in order, nothing else");
        assertTrue(server.shedConnections() >= 1, "the budget was used up and the largest queues were shed");
        soon().until(() -> server.connections() == 1 + FROZEN - server.shedConnections());
        assertTrue(server.peakQueuedBytes() <= BUDGET,
            "at most the budget stays queued: peak " + server.peakQueuedBytes() + " of " + BUDGET);
        assertTrue(server.queuedBytes() <= BUDGET, "queued now: " + server.queuedBytes());
    }

    /** Says HELLO and subscribes to every event, then never reads (a small receive buffer fills at once). */
    private Socket frozenSubscriber() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = s.getOutputStream();
        out.write(FrameCodec.encode(Frame.Hello.current(1, "frozen")));
        out.write(FrameCodec.encode(new Frame.Subscribe(2, 0, EventKind.all())));
        return s;
    }
}
