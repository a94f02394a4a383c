package org.openxpo.emulator.link;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;

/**
 * One cage's management bus as every client of the server shares it. A bus transaction holds the bus from its START to
 * its STOP: with timing on that is the modelled transfer time, so other clients of the cage wait like a second master
 * waits for a busy bus, and the caller gets its answer no earlier than hardware would give it. The lock is fair, so
 * clients take turns in arrival order.
 *
 * <p>With timing on, a transaction starts on the modelled bus when it was ready (its request had arrived and the
 * connection's previous request was done), or when the bus became free if it was busy then: the server's own hand-off
 * from the event loop to the connection's thread is not bus time, and back-to-back transactions follow each other
 * without gaps, as a host's queued transfers would. The answer and the lock are handed over shortly before the bus time
 * is over ({@link #handOver}); the sender holds the answer until then, and the next transaction still waits for it.
 * A transaction no longer than that lead, on a bus free now, may run on the event loop itself ({@link #tryHold}): its
 * answer is handed over at once and held the same way.
 */
final class CageBus {
    /**
     * How long before its bus time is over a timed answer may be handed over (see {@link #handOver}): about what waking
     * the event loop takes on an idle machine, so that the loop, once awake, rarely has to wait for the answer's time
     * (it waits busy, and its other connections with it).
     */
    static final long ANSWER_LEAD_NANOS = 50_000;

    private final int number;
    private final ControlConnector connector;
    private final BusTiming timing;
    private final ReentrantLock bus = new ReentrantLock(true);
    private final BusCounters counters = new BusCounters();
    /** When the modelled bus became free ({@link System#nanoTime()}); guarded by {@link #bus}. */
    private long freeSince = System.nanoTime();

    CageBus(int number, ControlConnector connector, BusTiming timing) {
        this.number = number;
        this.connector = connector;
        this.timing = timing;
    }

    int number() { return number; }

    /** For sideband pins and events, which do not use the bus. */
    ControlConnector connector() { return connector; }

    CageStatistics statistics() { return counters.snapshot(); }

    /**
     * Takes the bus for a transaction that must not wait — one run on an event loop — when nobody holds or waits for
     * the bus (a zero-wait {@code tryLock} keeps the fair order, unlike a plain one). With bus time modelled, also only
     * when the transaction could start on the modelled bus now (it was {@link BusSlot#ready()} and the bus is free)
     * and takes at most {@link #ANSWER_LEAD_NANOS} ({@code longestNanos}, its time if every message runs): its answer
     * is then held for no longer than a worker's answer may be, and the event loop never waits here. The transaction
     * methods take the lock again (it is reentrant) and so run at once; {@link #release()} gives it back. False when
     * the caller must hand the transaction to a thread that may wait.
     */
    boolean tryHold(long longestNanos, BusSlot slot) throws InterruptedException {
        if (timing.enabled() && longestNanos > ANSWER_LEAD_NANOS || !bus.tryLock(0, TimeUnit.NANOSECONDS)) return false;
        if (timing.enabled() && Math.max(slot.ready(), freeSince) - System.nanoTime() > 0) {
            bus.unlock();
            return false;
        }
        return true;
    }

    /** The bus clock modelled for this cage. */
    BusTiming timing() { return timing; }

    /** Gives back the bus taken by {@link #tryHold}. */
    void release() { bus.unlock(); }

    /** Threads waiting for the bus now (an estimate, as {@link ReentrantLock#getQueueLength()} says). */
    int waiting() { return bus.getQueueLength(); }

    /**
     * {@code slot}: when the transaction could have started ({@link BusSlot#ready()}); with timing on it gets the moment
     * the answer may leave ({@link BusSlot#answerAt()}), which the caller must keep to. Likewise below.
     */
    List<I2cResult> i2c(List<I2cMessage> messages, BusSlot slot) throws InterruptedException {
        return transfer(messages, () -> connector.i2c(messages), slot);
    }

    /**
     * Transfers back to back with the bus held throughout, each with its own STOP; the first failed one ends the batch
     * and the rest report SKIPPED. With timing on, each transfer runs when the one before it has had its bus time (as a
     * single transfer runs when the bus is free), so the module sees a batch's last write — a CDB trigger — no earlier
     * than it would on the real bus.
     */
    List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers, BusSlot slot) throws InterruptedException {
        return batch(transfers, connector::i2c, slot);
    }

    /** {@link #i2cBatch} of I3C SDR private transfers. */
    List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> transfers, BusSlot slot) throws InterruptedException {
        return batch(transfers, connector::i3c, slot);
    }

    private List<List<I2cResult>> batch(List<List<I2cMessage>> transfers,
                                        Function<List<I2cMessage>, List<I2cResult>> execute, BusSlot slot)
            throws InterruptedException {
        bus.lockInterruptibly();
        try {
            List<List<I2cResult>> all = new ArrayList<>(transfers.size());
            long at = Math.max(slot.ready(), freeSince);
            boolean failed = false;
            for (List<I2cMessage> messages : transfers) {
                if (failed) {
                    all.add(ControlConnector.skipped(messages.size()));
                    continue;
                }
                if (timing.enabled()) waitUntil(at);
                List<I2cResult> results = execute.apply(messages);
                counters.count(messages, results);
                at += timing.transferNanos(messages.subList(0, executed(results)));
                failed = results.stream().anyMatch(r -> !r.ok());
                all.add(results);
            }
            if (timing.enabled()) handOver(at, slot);
            return all;
        } finally {
            bus.unlock();
        }
    }

    /**
     * Ends a timed transaction whose bus time is over at {@code end}: the modelled bus is free from then on, and the
     * answer may leave then. The caller gets the answer up to {@link #ANSWER_LEAD_NANOS} early (as soon as the module
     * has done the work, but no earlier than that), so that waking the connection's event loop, one thread wake-up
     * (tens of microseconds, more under load), overlaps the last of the bus time instead of following it; the
     * {@link Outbox} holds the answer until {@code end}. The bus lock is given back early too: the next transaction
     * still starts no earlier than {@code end} ({@link #freeSince}).
     */
    private void handOver(long end, BusSlot slot) throws InterruptedException {
        waitUntil(end - ANSWER_LEAD_NANOS);
        freeSince = end;
        slot.answerAt(end);
    }

    private static void waitUntil(long deadline) throws InterruptedException {
        PreciseWait.until(deadline);
        if (Thread.interrupted()) throw new InterruptedException("connection closed");
    }

    List<I2cResult> i3c(List<I2cMessage> messages, BusSlot slot) throws InterruptedException {
        return transfer(messages, () -> connector.i3c(messages), slot);
    }

    CccResult ccc(CccRequest request, BusSlot slot) throws InterruptedException {
        return hold(() -> connector.ccc(request), r -> timing.cccNanos(request), slot);
    }

    List<I3cDevice> entdaa(int firstAddress, BusSlot slot) throws InterruptedException {
        return hold(() -> connector.entdaa(firstAddress), devices -> timing.entdaaNanos(devices.size()), slot);
    }

    private List<I2cResult> transfer(List<I2cMessage> messages, Supplier<List<I2cResult>> execute, BusSlot slot)
            throws InterruptedException {
        return hold(() -> {
            List<I2cResult> results = execute.get();
            counters.count(messages, results);
            return results;
        }, results -> timing.transferNanos(messages.subList(0, executed(results))), slot);
    }

    /** Messages that ran on the bus: up to and including the first failed one (a STOP follows it). */
    private static int executed(List<I2cResult> results) {
        for (int i = 0; i < results.size(); i++) if (!results.get(i).ok()) return i + 1;
        return results.size();
    }

    /**
     * Runs {@code work} with the bus held, once the modelled bus is free, and keeps holding it until shortly before the
     * modelled bus time has passed ({@link #handOver}).
     */
    private <T> T hold(Supplier<T> work, ToLongFunction<T> busNanos, BusSlot slot) throws InterruptedException {
        bus.lockInterruptibly();
        try {
            long start = Math.max(slot.ready(), freeSince);
            if (timing.enabled()) waitUntil(start);
            T result = work.get();
            if (timing.enabled()) handOver(start + busNanos.applyAsLong(result), slot);
            return result;
        } finally {
            bus.unlock();
        }
    }
}
