package org.openxpo.emulator.link;

import io.netty.channel.Channel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one connection's requests one at a time, in arrival order, on the connection's own thread: a transfer
 * waiting for a busy cage (or for the modelled bus time) stalls only its own connection, never the event loop or other
 * cages. Refusals the event loop decides (BUSY, a frame the decoder refused) queue behind the requests that came before
 * them, so every answer keeps its place in the order.
 *
 * <p>A platform thread, not a virtual one: the modelled bus time needs a precise wake-up (a virtual thread's timed park
 * wakes through a scheduler hop, measured at twice the oversleep of a platform thread), and on Java 21 a virtual thread
 * blocked on the emulator's {@code synchronized} module lock would pin its carrier.
 */
final class RequestWorker {
    private static final Logger log = LoggerFactory.getLogger(RequestWorker.class);

    /**
     * Queued jobs (requests and refusals) beyond which the connection stops reading until the worker catches up. A client
     * flooding past the in-flight limit still gets BUSY answers, but cannot make the queue grow without bound.
     */
    static final int MAX_QUEUED_JOBS = 4 * LinkLimits.MAX_IN_FLIGHT;

    private sealed interface Job {}

    private record Execute(Frame request, long arrived) implements Job {}

    private record Refuse(Frame.ErrorReply reply) implements Job {}

    private final Channel channel;
    private final Outbox outbox;
    private final RequestExecutor executor;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicBoolean readingPaused = new AtomicBoolean();
    private final Consumer<RequestWorker> onExit;
    private final Thread thread;
    /** When the previous request was done; only the worker's thread touches it. */
    private long previousDone = Long.MIN_VALUE;

    /** {@code onExit} runs on the worker's thread when it ends. Call {@link #start()} to begin. */
    RequestWorker(Channel channel, Outbox outbox, RequestExecutor executor, Consumer<RequestWorker> onExit) {
        this.channel = channel;
        this.outbox = outbox;
        this.executor = executor;
        this.onExit = onExit;
        this.thread = Thread.ofPlatform().daemon().name("xpo-link " + channel.remoteAddress()).unstarted(this::run);
    }

    void start() { thread.start(); }

    /** Queues a request, or a BUSY refusal in its place when too many are unanswered. Called on the event loop. */
    void submit(Frame request) {
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

    /** Drops every queued job and ends the thread (the connection is gone). */
    void stop() {
        jobs.clear();
        thread.interrupt();
    }

    Thread thread() { return thread; }

    private void queue(Job job) {
        jobs.add(job);
        if (jobs.size() > MAX_QUEUED_JOBS && readingPaused.compareAndSet(false, true)) channel.config().setAutoRead(false);
    }

    private void run() {
        try {
            while (true) {
                Job job = jobs.take();
                resumeReadingWhenCaughtUp();
                switch (job) {
                    case Execute e -> {
                        Frame answer = executor.answer(e.request(), Math.max(e.arrived(), previousDone));
                        previousDone = System.nanoTime();
                        // counted as answered before it can reach the client: a client that keeps within the limit
                        // by the answers it has read must never see BUSY
                        unanswered.decrementAndGet();
                        outbox.send(answer);
                    }
                    case Refuse r -> {
                        if (r.reply().error().closesConnection()) {
                            outbox.sendAndClose(r.reply());
                            return; // nothing after a fatal error is executed
                        }
                        outbox.send(r.reply());
                    }
                }
            }
        } catch (InterruptedException e) {
            // the connection closed: queued work is dropped with it
        } catch (RuntimeException e) {
            log.error("link worker for {} failed; closing the connection", channel.remoteAddress(), e);
            channel.close();
        } finally {
            onExit.accept(this);
        }
    }

    private void resumeReadingWhenCaughtUp() {
        if (jobs.size() > LinkLimits.MAX_IN_FLIGHT || !readingPaused.compareAndSet(true, false)) return;
        try {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
        } catch (RejectedExecutionException e) {
            // the server is shutting down
        }
    }
}
