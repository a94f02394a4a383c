package org.openxpo.emulator.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.connector.I2cMessage;

/**
 * Link server figures over loopback, one emulated module: pipelined 128-byte page reads per second with N requests in
 * flight, unpipelined latency (timing off), and the page-read time with 400 kHz bus timing against the formula.
 * Run: {@code java -cp <test classpath> org.openxpo.emulator.bench.LinkBenchmark [seconds-per-figure]}.
 */
public final class LinkBenchmark {
    /** The page read of docs/wire-protocol.md §12: select page 01h, set offset 0x80, read 128 bytes. */
    static final List<I2cMessage> PAGE_READ = List.of(I2cMessage.write(0x50, (byte) 0x7F, (byte) 0x01),
        I2cMessage.write(0x50, (byte) 0x80), I2cMessage.read(0x50, 128));

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.printf("LinkBenchmark: %d cores, JDK %s (%s), %s %s, load average %s%n",
            Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"),
            System.getProperty("os.name"), System.getProperty("os.arch"), loadAverage());
        try (EmulatedChassis chassis = new EmulatedChassis(1, EmulatorClock.system(),
                i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build())) {
            while (!chassis.cage(1).module().responsive()) Thread.sleep(5);
            double roundTrip;
            try (LinkServer server = LinkServer.start(chassis, loopback(), BusTiming.OFF)) {
                throughput(server, seconds);
                roundTrip = latency(server, seconds);
            }
            try (LinkServer server = LinkServer.start(chassis, loopback(), BusTiming.i2c(400_000))) {
                timed(server, BusTiming.i2c(400_000), seconds, roundTrip);
            }
        }
    }

    private static InetSocketAddress loopback() { return new InetSocketAddress("127.0.0.1", 0); }

    private static void throughput(LinkServer server, double seconds) throws Exception {
        System.out.println("pipelined page reads, timing off (goal >= 100,000/s):");
        for (int inFlight : new int[] {1, 16, 64, 256}) {
            try (Client c = new Client(server)) {
                c.pipelined(inFlight, seconds / 3); // warm-up
                double rate = c.pipelined(inFlight, seconds);
                System.out.printf("  %3d in flight: %,10.0f reads/s%n", inFlight, rate);
            }
        }
    }

    /** Prints the latency figures; returns the median (the round trip that bus timing adds to). */
    private static double latency(LinkServer server, double seconds) throws Exception {
        try (Client c = new Client(server)) {
            c.sequential((int) (5_000 * seconds / 3));
            long[] ns = c.sequential((int) (20_000 * seconds / 3));
            System.out.printf("unpipelined page reads, timing off (goal p99 < 1 ms): %d reads, median %.1f us, p99 %.1f us, "
                + "p99.9 %.1f us%n", ns.length, pct(ns, 50) / 1e3, pct(ns, 99) / 1e3, pct(ns, 99.9) / 1e3);
            return pct(ns, 50);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void timed(LinkServer server, BusTiming timing, double seconds, double roundTrip) throws Exception {
        long formula = timing.transferNanos(PAGE_READ);
        try (Client c = new Client(server)) {
            c.sequential(20);
            long[] ns = c.sequential((int) Math.max(50, seconds * 1e9 / formula));
            double median = pct(ns, 50), mean = Arrays.stream(ns).average().orElse(0);
            System.out.printf("page reads with bus timing %s (goal within +-5 %%): formula %.3f ms (%d clocks), %d reads "
                    + "measured min %.3f / median %.3f / mean %.3f / p99 %.3f ms%n  median %+.2f %% (%+.2f %% without the "
                    + "%.0f us round trip), mean %+.2f %%%n", timing, formula / 1e6, BusTiming.transferClocks(PAGE_READ),
                ns.length, ns[0] / 1e6, median / 1e6, mean / 1e6, pct(ns, 99) / 1e6, 100 * (median - formula) / formula,
                100 * (median - roundTrip - formula) / formula, roundTrip / 1e3, 100 * (mean - formula) / formula);
        }
    }

    /** {@code p}-th percentile of sorted samples. */
    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** A blocking-socket link client: a writer (the caller) and, for pipelining, a reader thread. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final DataInputStream in;
        private int nextId = 1;

        Client(LinkServer server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            out.write(FrameCodec.encode(Frame.Hello.current(nextId++, "link-benchmark")));
            out.flush();
            expect(read(), Frame.HelloOk.class);
        }

        private byte[] request() { return FrameCodec.encode(new Frame.I2cTransfer(nextId++, 1, PAGE_READ)); }

        private Frame read() throws IOException {
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return FrameCodec.decodePayload(ByteBuffer.wrap(payload));
        }

        private static void expect(Frame f, Class<? extends Frame> type) {
            if (!type.isInstance(f)) throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + f);
            if (f instanceof Frame.TransferResult r && !r.results().get(2).ok())
                throw new IllegalStateException("page read failed: " + r);
        }

        /** Reads per second with up to {@code inFlight} unanswered requests. */
        double pipelined(int inFlight, double seconds) throws Exception {
            Semaphore window = new Semaphore(inFlight);
            Exception[] failure = {null};
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    for (Frame f; !((f = read()) instanceof Frame.Ack); window.release()) expect(f, Frame.TransferResult.class);
                } catch (IOException | RuntimeException e) {
                    failure[0] = e;
                    window.release(Integer.MAX_VALUE / 2);
                }
            });
            long start = System.nanoTime(), end = start + (long) (seconds * 1e9), sent = 0;
            while (System.nanoTime() < end) {
                if (!window.tryAcquire()) {
                    out.flush(); // the window is full: send the batch, then wait for answers
                    window.acquire();
                }
                out.write(request());
                sent++;
            }
            out.flush();
            window.acquire(inFlight); // every answer is in
            long elapsed = System.nanoTime() - start;
            out.write(FrameCodec.encode(new Frame.Ping(nextId++))); // ends the reader
            out.flush();
            reader.join();
            if (failure[0] != null) throw failure[0];
            return sent * 1e9 / elapsed;
        }

        /** Latency of {@code n} page reads, one at a time, sorted. */
        long[] sequential(int n) throws IOException {
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                out.write(request());
                out.flush();
                expect(read(), Frame.TransferResult.class);
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            return ns;
        }

        @Override
        public void close() throws IOException { socket.close(); }
    }
}
