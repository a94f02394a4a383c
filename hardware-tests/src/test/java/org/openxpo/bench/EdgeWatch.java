package org.openxpo.bench;

import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The soak's IntL invariant: a subscriber that reads every frame the server sends must get exactly the IntL edges the
 * module emitted — each once, in order — however the server is being abused meanwhile. The module's own edges come
 * from an in-process subscription to the same cage; the subscriber is a plain socket reading as fast as it can.
 */
final class EdgeWatch implements AutoCloseable {
    private final List<TargetEvent> truth = new ArrayList<>(), received = new ArrayList<>();
    private final AutoCloseable inProcess;
    private final Socket socket;
    private final Thread reader;
    private volatile String dropped;

    EdgeWatch(ControlConnector cage, int cageNumber, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        socket.getOutputStream().write(FrameCodec.encode(Frame.Hello.current(1, "soak-edge-watch")));
        if (!(read(in) instanceof Frame.HelloOk)) throw new IOException("no HELLO_OK");
        // the in-process listener first: every edge the link delivers after its ACK is then also in the truth
        inProcess = cage.subscribe(e -> {
            if (e instanceof TargetEvent.IntL) synchronized (truth) { truth.add(e); }
        });
        socket.getOutputStream().write(FrameCodec.encode(new Frame.Subscribe(2, cageNumber, Set.of(EventKind.INT_L))));
        Frame ack;
        while ((ack = read(in)) instanceof Frame.Event) continue; // an edge during SUBSCRIBE comes before its ACK
        if (!(ack instanceof Frame.Ack)) throw new IOException("SUBSCRIBE answered " + ack);
        // compare from here (create the watch while the cage is quiet: an edge between the ACK and this line would
        // count as lost)
        synchronized (truth) { truth.clear(); }
        reader = Thread.ofPlatform().daemon().name("soak-edge-watch").start(() -> {
            try {
                while (true) {
                    Frame f = read(in);
                    if (f instanceof Frame.Event e) synchronized (received) { received.add(e.event()); }
                    else dropped = "the server sent " + f;
                }
            } catch (IOException e) {
                if (dropped == null && !socket.isClosed()) dropped = "the connection ended: " + e;
            }
        });
    }

    private static Frame read(DataInputStream in) throws IOException {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return FrameCodec.decodePayload(ByteBuffer.wrap(payload));
    }

    int edges() { synchronized (truth) { return truth.size(); } }

    /**
     * Waits up to {@code timeoutMs} for the subscriber to catch up with the module, then returns what is wrong, or
     * null when it received exactly the module's edges. Call once the edges have stopped.
     */
    String verdict(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline && receivedCount() < edges()) Thread.sleep(10);
        if (dropped != null) return "the reading subscriber was dropped: " + dropped;
        List<TargetEvent> want, got;
        synchronized (truth) { want = List.copyOf(truth); }
        synchronized (received) { got = List.copyOf(received); }
        if (want.equals(got)) return null;
        int i = 0;
        while (i < Math.min(want.size(), got.size()) && want.get(i).equals(got.get(i))) i++;
        return "the reading subscriber got " + got.size() + " IntL edges, the module emitted " + want.size()
            + "; first difference at edge " + i;
    }

    private int receivedCount() { synchronized (received) { return received.size(); } }

    @Override
    public void close() throws Exception {
        inProcess.close();
        socket.close();
        reader.join(1000);
    }
}
