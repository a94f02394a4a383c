package org.openxpo.emulator.link;

import io.netty.channel.Channel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one connection's requests one at a time, in arrival order. A request that can be answered without waiting
 * ({@link RequestExecutor#answerNow}: no bus, or a free cage bus and, with bus time modelled, a transfer that can start
 * now and takes at most {@link CageBus#ANSWER_LEAD_NANOS}) while nothing of the connection is queued or running is
 * answered right on the event loop that decoded it: no thread hand-off, and its answer leaves in the same flush as the
 * others of that read (a timed one once its bus time is over, held by the {@link Outbox}). Everything else is queued and runs on a pooled thread,
 * so a transfer waiting for a busy cage (or for the modelled bus time) stalls only its own connection, never the event
 * loop or other cages. Refusals the event loop decides (BUSY, a frame the decoder refused) queue behind the requests
 * that came before them, so every answer keeps its place in the order.
 *
 * <p>The queued requests run on a thread of the server's shared pool, borrowed while the connection has work and given
 * back once its queue has stayed empty for {@link #LINGER_MICROS}: an idle connection holds no thread, and connections
 * with work run in parallel, each on its own thread, so one that waits for a bus never holds up another. The linger
 * keeps the thread through the short gaps of a busy connection (a pipelined stream of timed transfers, a client's
 * round trip), so its next request is handed over with one wake-up, as to a thread of its own, and not through the
 * pool. Pool threads are platform threads, not virtual ones:
 * the modelled bus time needs a precise wake-up (a virtual thread's timed park wakes through a scheduler hop, measured
 * at twice the oversleep of a platform thread), and on Java 21 a virtual thread blocked on the emulator's
 * {@code synchronized} module lock would pin its carrier.
 */
final class RequestWorker {
    private static final Logger log = LoggerFactory.getLogger(RequestWorker.class);

    /**
     * Queued jobs (requests and refusals) beyond which the connection stops reading until the worker catches up. A client
     * flooding past the in-flight limit still gets BUSY answers, but cannot make the queue grow without bound.
     */
    static final int MAX_QUEUED_JOBS = 4 * LinkLimits.MAX_IN_FLIGHT;

    /** How long a thread waits for the connection's next request before it goes back to the pool. */
    static final long LINGER_MICROS = 2_000;

    private sealed interface Job {}

    private record Execute(Frame request, long arrived) implements Job {}

    private record Refuse(Frame.ErrorReply reply) implements Job {}

    private final Channel channel;
    private final Outbox outbox;
    private final RequestExecutor executor;
    private final Executor pool;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /**
     * Jobs queued or running; the worker counts a job down only once its answer is in the outbox, so at zero an answer
     * given on the event loop cannot overtake an earlier one.
     */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicBoolean readingPaused = new AtomicBoolean();
    /** A pool thread runs (or is about to run) {@link #run()}; at most one at a time. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    // guarded by this: the thread running the jobs, so that stop() interrupts it and no other task of the pool
    private Thread runner;
    private boolean stopped;
    /**
     * When the previous transaction was done (its bus time over): written by whoever answered it — the event loop
     * inline, or the thread running the jobs — never by both at once, as the loop answers only while nothing is
     * outstanding.
     */
    private volatile long previousDone = System.nanoTime();

    RequestWorker(Channel channel, Outbox outbox, RequestExecutor executor, Executor pool) {
        this.channel = channel;
        this.outbox = outbox;
        this.executor = executor;
        this.pool = pool;
    }

    /**
     * Answers a request at once when nothing of the connection is queued or running and it needs no wait; else queues
     * it, or a BUSY refusal in its place when too many are unanswered. Called on the event loop.
     */
    void submit(Frame request) {
        if (outstanding.get() == 0) {
            BusSlot slot = new BusSlot(Math.max(System.nanoTime(), previousDone));
            Frame answer = executor.answerNow(request, slot);
            if (answer != null) {
                if (slot.timed()) {
                    previousDone = slot.answerAt();
                    outbox.send(answer, slot.answerAt());
                } else {
                    outbox.send(answer);
                }
                return;
            }
        }
        if (unanswered.get() >= LinkLimits.MAX_IN_FLIGHT) {
            queue(new Refuse(new Frame.ErrorReply(request.requestId(), LinkError.BUSY,
                "more than " + LinkLimits.MAX_IN_FLIGHT + " requests unanswered")));
            return;
        }
        unanswered.incrementAndGet();
        queue(new Execute(request, System.nanoTime()));
    }

    /** Queues an ERROR; a fatal one closes the connection once the answers before it are sent. */
    void refuse(Frame.ErrorReply reply) { queue(new Refuse(reply)); }

    /** Drops every queued job and interrupts the one running (the connection is gone: a bus wait gives up). */
    synchronized void stop() {
        stopped = true;
        jobs.clear();
        if (runner != null) runner.interrupt();
    }

    private void queue(Job job) {
        outstanding.incrementAndGet();
        jobs.add(job);
        if (queued.incrementAndGet() > MAX_QUEUED_JOBS && readingPaused.compareAndSet(false, true))
            channel.config().setAutoRead(false);
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::run);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the server is shutting down
            }
        }
    }

    /** Runs queued jobs until none has come for the linger time, then gives the thread back. */
    private void run() {
        do {
            boolean carryOn;
            try {
                carryOn = enter() && runJobs();
            } finally {
                leave();
                // cleared on every way out, so that a later job schedules a thread again
                scheduled.set(false);
            }
            if (!carryOn) return;
            // a job queued after the last poll but before the flag was cleared found it set: run it now
        } while (!jobs.isEmpty() && scheduled.compareAndSet(false, true));
    }

    /** Runs jobs while they come; false when the connection ends (closed, a fatal refusal, a failure). */
    private boolean runJobs() {
        try {
            for (Job job; (job = jobs.poll(LINGER_MICROS, TimeUnit.MICROSECONDS)) != null; ) {
                queued.decrementAndGet();
                resumeReadingWhenCaughtUp();
                boolean goOn = execute(job);
                outstanding.decrementAndGet();
                if (!goOn) {
                    stop();
                    return false; // nothing after a fatal error is executed
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false; // the connection closed: queued work is dropped with it
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.error("link worker for {} failed; closing the connection", channel.remoteAddress(), e);
            stop();
            channel.close();
            return false;
        }
    }

    /** False after a fatal refusal: the connection ends. */
    private boolean execute(Job job) throws InterruptedException {
        switch (job) {
            case Execute e -> {
                BusSlot slot = new BusSlot(Math.max(e.arrived(), previousDone));
                Frame answer = executor.answer(e.request(), slot);
                // a timed request is done when its bus time is over, even though its answer is handed over earlier
                previousDone = slot.timed() ? Math.max(System.nanoTime(), slot.answerAt()) : System.nanoTime();
                // counted as answered before it can reach the client: a client that keeps within the limit
                // by the answers it has read must never see BUSY
                unanswered.decrementAndGet();
                // nothing queued behind it: this thread has time to send the answer itself when it is due; else
                // it goes on with the next request and the event loop sends the answers together
                if (slot.timed() && jobs.isEmpty()) outbox.sendWhenDue(answer, slot.answerAt());
                else if (slot.timed()) outbox.send(answer, slot.answerAt());
                else outbox.send(answer);
                return true;
            }
            case Refuse r -> {
                if (r.reply().error().closesConnection()) {
                    outbox.sendAndClose(r.reply());
                    return false;
                }
                outbox.send(r.reply());
                return true;
            }
        }
    }

    private synchronized boolean enter() {
        if (stopped) return false;
        runner = Thread.currentThread();
        return true;
    }

    /** Gives the thread back to the pool without an interrupt meant for this connection. */
    private synchronized void leave() {
        runner = null;
        Thread.interrupted(); // holding the lock: stop() cannot interrupt in between
    }

    private void resumeReadingWhenCaughtUp() {
        if (queued.get() > LinkLimits.MAX_IN_FLIGHT || !readingPaused.compareAndSet(true, false)) return;
        try {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
        } catch (RejectedExecutionException e) {
            // the server is shutting down
        }
    }
}
