package org.openxpo.bench;

import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.connector.I2cMessage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The smallest possible link client: a blocking socket, requests written into a buffer that is flushed only when the
 * window is full or the writer has to wait, answers read by one thread. It shows what the server can serve, so the
 * driver's {@code LinkTransport} can be judged against it in the same run (as LinkBenchmark in the emulator does).
 */
final class RawLinkClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final List<I2cMessage> transfer;
    private int nextId = 1;

    RawLinkClient(int port, List<I2cMessage> transfer) throws IOException {
        this.transfer = transfer;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        out.write(FrameCodec.encode(Frame.Hello.current(nextId++, "openxpo-bench")));
        out.flush();
        if (!(read() instanceof Frame.HelloOk)) throw new IOException("no HELLO_OK");
    }

    private Frame read() throws IOException {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return FrameCodec.decodePayload(ByteBuffer.wrap(payload));
    }

    /** Transfers per second with at most {@code window} unanswered, for {@code seconds}. */
    double pipelined(int window, double seconds) throws Exception {
        Semaphore free = new Semaphore(window);
        Exception[] failure = {null};
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                for (Frame f; !((f = read()) instanceof Frame.Ack); free.release()) {
                    if (!(f instanceof Frame.TransferResult r) || !r.results().getLast().ok()) {
                        throw new IllegalStateException("unexpected answer " + f);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure[0] = e;
                free.release(Integer.MAX_VALUE / 2);
            }
        });
        long start = System.nanoTime(), end = start + (long) (seconds * 1e9), sent = 0;
        while (System.nanoTime() < end) {
            if (!free.tryAcquire()) {
                out.flush();   // the window is full: send the batch, then wait for answers
                free.acquire();
            }
            out.write(FrameCodec.encode(new Frame.I2cTransfer(nextId++, 1, transfer)));
            sent++;
        }
        out.flush();
        free.acquire(window);
        long elapsed = System.nanoTime() - start;
        out.write(FrameCodec.encode(new Frame.Ping(nextId++)));   // its ACK ends the reader
        out.flush();
        reader.join();
        if (failure[0] != null) throw failure[0];
        return sent * 1e9 / elapsed;
    }

    /** One transfer sent and its answer read, unpipelined; the time it took in ns. */
    long roundTrip() throws IOException {
        long t = System.nanoTime();
        out.write(FrameCodec.encode(new Frame.I2cTransfer(nextId++, 1, transfer)));
        out.flush();
        Frame f = read();
        long took = System.nanoTime() - t;
        if (!(f instanceof Frame.TransferResult r) || !r.results().getLast().ok()) {
            throw new IllegalStateException("unexpected answer " + f);
        }
        return took;
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
