package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * A plain-socket link client for tests: frames go out with {@link FrameCodec}; a reader thread sorts what comes back
 * into answers (in arrival order) and events.
 */
final class LinkTestClient implements AutoCloseable {
    static final int MODULE = 0x50;
    private static final long ANSWER_TIMEOUT_S = 10;

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Frame> answers = new LinkedBlockingQueue<>();
    final List<TargetEvent> events = new CopyOnWriteArrayList<>();
    /** Every frame received, answers and events, in arrival order. */
    final List<Frame> arrivals = new CopyOnWriteArrayList<>();
    /** When each answer was read ({@link System#nanoTime()}), by request id. */
    final Map<Integer, Long> answeredAt = new ConcurrentHashMap<>();
    private volatile boolean closedByServer;
    private int nextId = 1;

    private LinkTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        Thread.ofPlatform().daemon().name("link-test-client").start(() -> readLoop(in));
    }

    /** Connected, not yet handshaken. */
    static LinkTestClient connect(LinkServer server) {
        try {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            return new LinkTestClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connected and handshaken. */
    static LinkTestClient open(LinkServer server) {
        LinkTestClient c = connect(server);
        assertInstanceOf(Frame.HelloOk.class, c.call(Frame.Hello.current(c.id(), "link-test")));
        return c;
    }

    private void readLoop(DataInputStream in) {
        try {
            while (true) {
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                Frame f = FrameCodec.decodePayload(ByteBuffer.wrap(payload));
                if (!(f instanceof Frame.Event)) answeredAt.put(f.requestId(), System.nanoTime());
                arrivals.add(f);
                if (f instanceof Frame.Event e) events.add(e.event()); else answers.add(f);
            }
        } catch (IOException e) {
            closedByServer = true;
        }
    }

    int id() { return nextId++; }

    void send(Frame frame) { sendRaw(FrameCodec.encode(frame)); }

    synchronized void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next answer (not an event), waiting up to 10 s. */
    Frame next() {
        try {
            Frame f = answers.poll(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(f, "no answer within " + ANSWER_TIMEOUT_S + " s");
            return f;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Frame call(Frame request) {
        send(request);
        Frame answer = next();
        assertEquals(request.requestId(), answer.requestId(), () -> "answer to another request: " + answer);
        return answer;
    }

    Frame.ErrorReply expectError(LinkError error) {
        Frame f = next();
        Frame.ErrorReply e = assertInstanceOf(Frame.ErrorReply.class, f);
        assertEquals(error, e.error(), e::message);
        return e;
    }

    List<I2cResult> i2c(int cage, I2cMessage... messages) {
        Frame f = call(new Frame.I2cTransfer(id(), cage, List.of(messages)));
        return assertInstanceOf(Frame.TransferResult.class, f, f::toString).results();
    }

    /** Selects {@code page} and reads its 128 upper bytes in one atomic transfer (docs/wire-protocol.md §12). */
    byte[] readPage(int cage, int page) {
        List<I2cResult> r = i2c(cage, pageRead(page).toArray(I2cMessage[]::new));
        assertTrue(r.get(2).ok(), () -> "page read failed: " + r.get(0).status() + "/" + r.get(2).status());
        return r.get(2).data();
    }

    static List<I2cMessage> pageRead(int page) {
        return List.of(I2cMessage.write(MODULE, (byte) 127, (byte) page), I2cMessage.write(MODULE, (byte) 0x80),
            I2cMessage.read(MODULE, 128));
    }

    void subscribe(int cage, EventKind... kinds) {
        assertInstanceOf(Frame.Ack.class, call(new Frame.Subscribe(id(), cage, Set.of(kinds))));
    }

    List<TargetEvent> events(Class<? extends TargetEvent> type) {
        List<TargetEvent> list = new ArrayList<>();
        for (TargetEvent e : events) if (type.isInstance(e)) list.add(e);
        return list;
    }

    boolean closedByServer() { return closedByServer; }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket
        }
    }
}
