package org.openxpo.bench;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.openxpo.protocol.map.ManagementInterface.I2C_ADDRESS;

/**
 * The clients a soak run throws at the link server, each a loop for its own thread until {@code stop}: subscribers
 * that freeze with a backlog of large answers, subscribers that read slowly, fuzzers, connections that never say
 * HELLO, and a hog that opens connections until it is refused. They count what happened to them.
 */
final class HostileClients {
    /** A read of 4 × 8 KiB: 32 KiB of answer for a 30-byte request. */
    static final List<I2cMessage> BIG_READ = Collections.nCopies(4, I2cMessage.read(I2C_ADDRESS, I2cMessage.MAX_LENGTH));
    /**
     * Each frozen subscriber asks for {@value #FROZEN_READS_PER_TICK} large reads every 250 ms (2 MiB/s of answers it
     * never reads): once the kernel's socket buffers are full, all of them grow together, so the server's memory
     * budget runs out before any reaches its own 4 MiB bound.
     */
    static final int FROZEN_ALIVE = 8, FROZEN_READS_PER_TICK = 16, SLOW_ALIVE = 4, HOG_EXTRA = 8;

    final AtomicInteger frozenOpened = new AtomicInteger(), frozenDropped = new AtomicInteger();
    final AtomicInteger slowOpened = new AtomicInteger(), fuzzed = new AtomicInteger(), fuzzClosed = new AtomicInteger();
    final AtomicInteger silentOpened = new AtomicInteger(), silentClosed = new AtomicInteger();
    final AtomicInteger hogRefused = new AtomicInteger();
    final List<String> violations;
    private final int port, busyCage;

    HostileClients(int port, int busyCage, List<String> violations) {
        this.port = port;
        this.busyCage = busyCage;
        this.violations = violations;
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    /**
     * Keeps {@value #FROZEN_ALIVE} subscribers alive that subscribe to everything, keep asking for large reads and
     * never read a byte; the server drops them (budget or per-connection bound), and they are replaced.
     */
    void frozen(AtomicBoolean stop) throws Exception {
        Deque<Socket> alive = new ArrayDeque<>();
        int[] id = {1};
        while (!stop.get()) {
            alive.removeIf(s -> {
                if (ask(s, id)) return false; // a write fails once the server has closed the connection
                frozenDropped.incrementAndGet();
                close(s);
                return true;
            });
            if (alive.size() < FROZEN_ALIVE) {
                Socket s = connect(4096);
                frozenOpened.incrementAndGet();
                try {
                    s.getOutputStream().write(FrameCodec.encode(Frame.Hello.current(id[0]++, "soak-frozen")));
                    s.getOutputStream().write(FrameCodec.encode(new Frame.Subscribe(id[0]++, 0, EventKind.all())));
                    alive.add(s);
                } catch (IOException e) {
                    frozenDropped.incrementAndGet(); // refused at the connection limit while the hog holds it
                    close(s);
                }
            }
            Thread.sleep(250);
        }
        alive.forEach(HostileClients::close);
    }

    /**
     * Sends {@value #FROZEN_READS_PER_TICK} large reads; false when the server has closed the connection (it answers
     * the write with a reset). Reading would tell sooner, but a frozen client never reads.
     */
    private boolean ask(Socket s, int[] id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < FROZEN_READS_PER_TICK; i++) out.writeBytes(FrameCodec.encode(new Frame.I2cTransfer(id[0]++, busyCage, BIG_READ)));
        try {
            s.getOutputStream().write(out.toByteArray());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Subscribers to every event that read 4 KiB every 50 ms, reconnecting when dropped. */
    void slow(AtomicBoolean stop) throws Exception {
        List<Socket> alive = new ArrayList<>();
        byte[] chunk = new byte[4096];
        while (!stop.get()) {
            while (alive.size() < SLOW_ALIVE) {
                Socket s = connect(8192);
                slowOpened.incrementAndGet();
                try {
                    s.getOutputStream().write(FrameCodec.encode(Frame.Hello.current(1, "soak-slow")));
                    s.getOutputStream().write(FrameCodec.encode(new Frame.Subscribe(2, 0, EventKind.all())));
                    s.setSoTimeout(1);
                    alive.add(s);
                } catch (IOException e) {
                    close(s); // refused at the connection limit: try again next round
                    break;
                }
            }
            alive.removeIf(s -> {
                try {
                    if (s.getInputStream().read(chunk) >= 0) return false;
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    // dropped: replaced below
                }
                close(s);
                return true;
            });
            Thread.sleep(50);
        }
        alive.forEach(HostileClients::close);
    }

    /**
     * Every 50 ms a connection sends 4 KiB of random bytes, before or after its HELLO; the server must answer with a
     * fatal ERROR and close it.
     */
    void fuzz(AtomicBoolean stop) throws Exception {
        SplittableRandom random = new SplittableRandom(20);
        byte[] noise = new byte[4096];
        while (!stop.get()) {
            fuzzed.incrementAndGet();
            try (Socket s = connect(0)) {
                s.setSoTimeout(5_000);
                if (random.nextBoolean()) s.getOutputStream().write(FrameCodec.encode(Frame.Hello.current(1, "soak-fuzz")));
                random.nextBytes(noise);
                s.getOutputStream().write(noise);
                if (endsWithin(s)) fuzzClosed.incrementAndGet();
                else violation("a fuzzing connection was still open 5 s after its garbage");
            } catch (IOException e) {
                fuzzClosed.incrementAndGet(); // reset by the server while we wrote: closed as well
            }
            Thread.sleep(50);
        }
    }

    /** Every second a connection that never says HELLO: the handshake timeout must close it. */
    void silent(AtomicBoolean stop, long handshakeMs) throws Exception {
        while (!stop.get()) {
            try (Socket s = connect(0)) {
                silentOpened.incrementAndGet();
                s.setSoTimeout((int) handshakeMs + 5_000);
                if (endsWithin(s)) silentClosed.incrementAndGet();
                else violation("a connection without HELLO was open " + (handshakeMs + 5_000) + " ms later");
            }
            Thread.sleep(1000);
        }
    }

    /** Every 10 s opens connections until the server refuses some, holds them briefly and lets go. */
    void hog(AtomicBoolean stop, int limit) throws Exception {
        while (!stop.get()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < limit + HOG_EXTRA; i++) held.add(connect(0));
                Thread.sleep(300);
                for (Socket s : held) {
                    s.setSoTimeout(1);
                    try {
                        if (s.getInputStream().read() >= 0) hogRefused.incrementAndGet(); // the ERROR BUSY
                    } catch (SocketTimeoutException e) {
                        // admitted: waiting for its HELLO
                    }
                }
            } finally {
                held.forEach(HostileClients::close);
            }
            Thread.sleep(10_000);
        }
    }

    /** True when the server closes the connection before the socket's read timeout (whatever it sends first). */
    private static boolean endsWithin(Socket s) throws IOException {
        byte[] sink = new byte[8192];
        try {
            while (s.getInputStream().read(sink) >= 0) continue;
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private void violation(String what) {
        synchronized (violations) { violations.add("hostile clients: " + what); }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }
}
