package org.openxpo.bench;

import org.openxpo.emulator.link.LinkServer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples once a second what must stay bounded in a soak: the heap live after the last collection (the sum over the
 * heap pools of their usage after GC, so garbage between collections does not count), live threads (all of them, and
 * those beside the server's request pool), and the server's connections, worker threads and queued bytes.
 */
final class ResourceSampler {
    long maxLiveHeap, maxThreads, maxThreadsBesideWorkers, maxQueued, maxConnections, maxWorkers, samples;

    void run(LinkServer server, AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            sample(server);
            Thread.sleep(1000);
        }
    }

    synchronized void sample(LinkServer server) {
        samples++;
        maxLiveHeap = Math.max(maxLiveHeap, liveHeap());
        int workers = server.workerThreads(), threads = threads();
        maxThreads = Math.max(maxThreads, threads);
        maxThreadsBesideWorkers = Math.max(maxThreadsBesideWorkers, threads - workers);
        maxQueued = Math.max(maxQueued, server.queuedBytes());
        maxConnections = Math.max(maxConnections, server.connections());
        maxWorkers = Math.max(maxWorkers, workers);
    }

    static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) live += afterGc.getUsed();
        }
        return live;
    }

    static int threads() { return ManagementFactory.getThreadMXBean().getThreadCount(); }
}
