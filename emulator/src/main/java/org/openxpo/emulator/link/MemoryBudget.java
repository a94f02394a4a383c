package org.openxpo.emulator.link;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all connections' {@link Outbox}es may hold together. Every outbox charges what its queued frames really
 * occupy (their buffers' capacity) and releases it once the bytes are in the socket. When a charge takes the total over
 * the budget, the connections with the largest queues — the slowest readers — are shed one by one until the rest fit:
 * a client that stops reading costs itself its connection, never the others their events.
 *
 * <p>Lock order: an outbox never calls in here while it holds its own lock; shedding takes the budget's lock, then the
 * victim's.
 */
final class MemoryBudget {
    private final long limit;
    private final Set<Outbox> outboxes = ConcurrentHashMap.newKeySet();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();

    MemoryBudget(long limit) { this.limit = limit; }

    long limit() { return limit; }

    /** Bytes charged now. */
    long used() { return used.get(); }

    /** The most ever charged once the charge's shedding was done. */
    long peak() { return peak.get(); }

    /** Connections shed because the budget was exhausted. */
    long shedConnections() { return shed.get(); }

    void register(Outbox outbox) { outboxes.add(outbox); }

    void unregister(Outbox outbox) { outboxes.remove(outbox); }

    /** Adds {@code bytes}; over the budget, sheds the largest queues until the total fits again. */
    void charge(long bytes) {
        if (used.addAndGet(bytes) > limit) shedWhileOver();
        peak.accumulateAndGet(used.get(), Math::max);
    }

    void release(long bytes) { used.addAndGet(-bytes); }

    private synchronized void shedWhileOver() {
        while (used.get() > limit) {
            Outbox largest = null;
            for (Outbox o : outboxes) if (largest == null || o.queuedBytes() > largest.queuedBytes()) largest = o;
            if (largest == null || largest.queuedBytes() == 0) return; // what is left is not queued output
            long held = largest.queuedBytes();
            if (largest.shed("the server's link memory budget (" + limit + " bytes) is used up and this connection "
                + "queues the most (" + held + " bytes unread)")) shed.incrementAndGet();
            outboxes.remove(largest);
        }
    }
}
