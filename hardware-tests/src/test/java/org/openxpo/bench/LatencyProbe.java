package org.openxpo.bench;

import org.openxpo.driver.transport.LinkTransport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Well-behaved clients of a soak: each reads a page over its own {@link LinkTransport} every 2 ms and times it; the
 * samples are kept per phase (warm-up, dropped; quiet; then storm), so the storm's p99 can be held against the quiet
 * one's.
 */
final class LatencyProbe implements AutoCloseable {
    static final long PERIOD_NS = 2_000_000;

    private final List<LinkTransport> links = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> violations;
    /** -1 while warming up (JIT): those samples are not kept. */
    private volatile int phase = -1;
    private final long[][] samples = {new long[1 << 16], new long[1 << 16]};
    private final int[] count = new int[2];

    LatencyProbe(int port, int cage, int clients, List<String> violations) {
        this.violations = violations;
        for (int i = 0; i < clients; i++) {
            LinkTransport t = LinkTransport.connect("127.0.0.1", port, cage, LinkTransport.Options.DEFAULT);
            links.add(t);
            threads.add(Thread.ofPlatform().name("soak-probe-" + i).start(() -> loop(t)));
        }
    }

    private void loop(LinkTransport t) {
        while (!stop.get()) {
            long start = System.nanoTime();
            try {
                LinkFigures.check(t.i2c(LinkFigures.PAGE_READ));
                add(System.nanoTime() - start);
            } catch (RuntimeException e) {
                synchronized (violations) { violations.add("a well-behaved client's page read failed: " + e.getMessage()); }
            }
            LockSupport.parkNanos(start + PERIOD_NS - System.nanoTime());
        }
    }

    private synchronized void add(long ns) {
        int p = phase;
        if (p < 0) return;
        if (count[p] == samples[p].length) samples[p] = Arrays.copyOf(samples[p], 2 * count[p]);
        samples[p][count[p]++] = ns;
    }

    /** From now on samples count for the quiet baseline. */
    void quiet() { phase = 0; }

    /** From now on samples count for the storm. */
    void storm() { phase = 1; }

    synchronized long[] quietSamples() { return Arrays.copyOf(samples[0], count[0]); }

    synchronized long[] stormSamples() { return Arrays.copyOf(samples[1], count[1]); }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) t.join();
        links.forEach(LinkTransport::close);
    }
}
