package org.openxpo.emulator.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single way out of one connection: answers (from the connection's worker) and events (from whichever thread the
 * module emits them on) leave in the order they were handed in. Frames are queued in their wire form, appended to one
 * buffer by the caller's thread; the event loop hands everything that piled up to the socket with one write and one
 * flush, so pipelined answers go out in batches. Never blocks: event listeners call it with the module lock held.
 *
 * <p>Memory: a queued frame costs its wire bytes (an IntL event 21), counted by buffer capacity and charged to the
 * server's {@link MemoryBudget} until the socket has taken it. The channel's own buffer is kept small (its write
 * water mark): while it is full the backlog stays here, where it is counted and where a shed connection can drop it
 * and still send its ERROR next. Over {@link LinkLimits#MAX_QUEUED_BYTES} for this connection, or picked by the budget
 * as the largest queue, the connection is told SLOW_CONSUMER and closed.
 *
 * <p>One exception to "the event loop writes": a timed answer whose connection has nothing else queued or unwritten
 * is written by the worker that produced it, straight to the non-blocking socket, once it is due
 * ({@link #sendWhenDue}). The worker is awake at that moment; the event loop would first have to be woken, and that
 * wake-up (tens of microseconds, far more on a loaded machine) came after the bus time and made the answer late.
 * Events are written the same way by the thread that emits them ({@link #sendFromHere}), for the same wake-up.
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** The smallest buffer a queue starts with: one page-read answer and a few events fit. */
    private static final int FIRST_BUFFER = 512;
    /** How long a shed connection gets to take its ERROR before it is closed anyway. */
    static final long SHED_GRACE_MS = 1_000;

    /** Writes to the connection's socket from the calling thread; see {@link #sendWhenDue}. */
    @FunctionalInterface
    interface SocketWriter {
        /** Writes what the socket takes now, without blocking; returns how many bytes that was. */
        int writeNow(ByteBuffer bytes) throws IOException;
    }

    private final Channel channel;
    private final MemoryBudget budget;
    /** Null when the channel offers no direct writes (then every frame goes through the event loop). */
    private final SocketWriter socket;
    // guarded by this
    private ByteBuf pending;          // frames not yet handed to the channel; null when there are none
    private long charged;             // capacity charged to the budget: pending plus writes the socket has not taken
    private boolean closeAfterPending; // the last frame queued ends the connection
    private boolean accepting = true;  // frames may still be queued (false after the connection's last frame)
    private boolean ended;             // dropped: closed or shed, nothing is charged any more
    private boolean drainScheduled;
    private boolean held;              // pending must not leave before heldUntil
    private long heldUntil;            // System.nanoTime() of the latest timed answer in pending
    private boolean writingDirect;     // a worker owns the socket (sendWhenDue): nothing is drained meanwhile
    private String shedAfterDirect;    // shed while a worker wrote: its reason, for the ERROR sent once it is done

    Outbox(Channel channel, MemoryBudget budget) {
        this(channel, budget, channel instanceof LinkConnectionChannel c ? c::writeNow : null);
    }

    /** {@code socket}: the connection's socket for {@link #sendWhenDue} (null: none). */
    Outbox(Channel channel, MemoryBudget budget, SocketWriter socket) {
        this.channel = channel;
        this.budget = budget;
        this.socket = socket;
        budget.register(this);
    }

    void send(Frame frame) { enqueue(FrameCodec.encode(frame), false, false, 0); }

    /**
     * Sends {@code frame}, but not before {@code notBefore} ({@link System#nanoTime()}): a timed answer handed over
     * shortly before its bus time is over ({@link CageBus#ANSWER_LEAD_NANOS}). The event loop, if it wakes before then,
     * waits out the rest by running the drain again (it waits busy, at most that lead); every frame queued after the
     * answer leaves with it.
     */
    void send(Frame frame, long notBefore) { enqueue(FrameCodec.encode(frame), false, true, notBefore); }

    /**
     * Sends a timed answer as {@link #send(Frame, long)} does, from the worker thread that produced it and has nothing
     * else to do: when nothing of the connection is queued here or unwritten in the channel, this thread waits until
     * {@code notBefore} and writes the answer to the socket itself, so it leaves when it is due instead of when the
     * event loop has woken up. Frames queued meanwhile (an event) follow it through the event loop, as do the bytes the
     * socket did not take at once. Otherwise it is queued like any timed answer.
     */
    void sendWhenDue(Frame frame, long notBefore) { sendDirect(FrameCodec.encode(frame), true, notBefore); }

    /**
     * Sends an untimed frame (an event, on the module's thread) as {@link #send(Frame)} does, but when nothing of the
     * connection is queued or unwritten this thread writes it to the socket itself: an IntL edge reaches the host
     * without first waking the event loop. It never blocks (the socket is non-blocking; what it does not take follows
     * through the event loop).
     */
    void sendFromHere(Frame frame) { sendDirect(FrameCodec.encode(frame), false, 0); }

    /** Writes {@code bytes} from this thread when it may (a timed answer once due), else queues them as usual. */
    private void sendDirect(byte[] bytes, boolean timed, long notBefore) {
        if (!claimSocket()) {
            enqueue(bytes, false, timed, notBefore);
            return;
        }
        if (timed) PreciseWait.until(notBefore);
        ByteBuffer frame = ByteBuffer.wrap(bytes);
        // a worker interrupted while it waited: its connection is gone
        if (timed && Thread.currentThread().isInterrupted()) frame.position(frame.limit());
        else writeHere(frame);
        directWriteDone(frame);
    }

    /** True when this thread may write to the socket now: nothing queued, unwritten, or being written by another. */
    private boolean claimSocket() {
        synchronized (this) {
            boolean free = socket != null && accepting && !writingDirect && pending == null && charged == 0 && !drainScheduled;
            if (free) writingDirect = true;
            return free;
        }
    }

    private void writeHere(ByteBuffer frame) {
        try {
            socket.writeNow(frame);
        } catch (IOException e) {
            frame.position(frame.limit()); // closed or reset: the event loop sees the connection go
        }
    }

    /**
     * After a worker's write: what the socket did not take goes first, ahead of what was queued meanwhile, and the
     * event loop takes over again.
     */
    private void directWriteDone(ByteBuffer rest) {
        long added = 0;
        boolean schedule = false, over = false;
        String shed;
        synchronized (this) {
            writingDirect = false;
            shed = shedAfterDirect;
            if (!ended) {
                if (rest.hasRemaining()) {
                    long before = pending == null ? 0 : pending.capacity();
                    ByteBuf joined = channel.alloc().ioBuffer(Math.max(FIRST_BUFFER, rest.remaining() + (int) before));
                    joined.writeBytes(rest);
                    if (pending != null) {
                        joined.writeBytes(pending);
                        pending.release();
                    }
                    pending = joined;
                    added = pending.capacity() - before;
                    charged += added;
                    over = charged > LinkLimits.MAX_QUEUED_BYTES;
                }
                schedule = pending != null && !drainScheduled;
                if (schedule) drainScheduled = true;
            }
        }
        if (added > 0) budget.charge(added);
        if (shed != null) sendSlowConsumer(shed, rest.hasRemaining() ? rest : null);
        else if (over) shed("it stopped reading and over " + LinkLimits.MAX_QUEUED_BYTES + " bytes are queued for it");
        else if (schedule) scheduleDrain();
    }

    /** Sends {@code frame} after everything queued before it, then closes the connection; later frames are dropped. */
    void sendAndClose(Frame frame) { enqueue(FrameCodec.encode(frame), true, false, 0); }

    /** Bytes this connection holds now (queued, or written and not yet taken by the socket). */
    synchronized long queuedBytes() { return charged; }

    /** Drops whatever is still queued, refuses more, and gives its bytes back to the budget (the connection is gone). */
    void close() {
        long freed;
        synchronized (this) {
            if (ended) return;
            freed = end();
        }
        budget.unregister(this);
        budget.release(freed);
    }

    /**
     * Drops the backlog, sends ERROR SLOW_CONSUMER ({@code why}) next and closes the connection once it is written, or
     * after {@link #SHED_GRACE_MS} if the client does not take it. False when the connection was already ending.
     */
    boolean shed(String why) {
        long freed;
        boolean workerWriting;
        synchronized (this) {
            if (ended) return false;
            freed = end();
            workerWriting = writingDirect;
            if (workerWriting) shedAfterDirect = why; // the ERROR must not cut into the frame being written
        }
        budget.unregister(this);
        budget.release(freed);
        log.warn("dropping link connection from {}: {}", channel.remoteAddress(), why);
        if (!workerWriting) sendSlowConsumer(why, null);
        return true;
    }

    /** ERROR SLOW_CONSUMER on the event loop, after {@code rest} (the unwritten end of a worker's frame, or null). */
    private void sendSlowConsumer(String why, ByteBuffer rest) {
        ByteBuf error = channel.alloc().ioBuffer();
        if (rest != null) error.writeBytes(rest);
        error.writeBytes(FrameCodec.encode(new Frame.ErrorReply(0, LinkError.SLOW_CONSUMER, why)));
        try {
            channel.eventLoop().execute(() -> {
                channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
                closeAfterGrace();
            });
        } catch (RejectedExecutionException e) {
            error.release(); // the server is shutting down
        }
    }

    /** A client that does not take its last frame is not waited for. */
    private void closeAfterGrace() {
        channel.eventLoop().schedule(() -> { channel.close(); }, SHED_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** The socket can take more: hand it what piled up while it could not. Called on the event loop. */
    void resume() {
        synchronized (this) {
            // a drain is queued on the loop already (or comes back for a held answer), or a worker writes and will
            // hand over what piled up
            if (drainScheduled || writingDirect) return;
        }
        drain();
    }

    private void enqueue(byte[] bytes, boolean closeAfter, boolean timed, long notBefore) {
        long added;
        boolean schedule, over;
        synchronized (this) {
            if (!accepting) return;
            long before = pending == null ? 0 : pending.capacity();
            if (pending == null) pending = channel.alloc().ioBuffer(Math.max(FIRST_BUFFER, bytes.length));
            pending.writeBytes(bytes);
            added = pending.capacity() - before;
            if (timed && (!held || notBefore - heldUntil > 0)) {
                heldUntil = notBefore;
                held = true;
            }
            charged += added;
            over = charged > LinkLimits.MAX_QUEUED_BYTES;
            if (closeAfter) {
                closeAfterPending = true;
                accepting = false;
            }
            // while a worker writes, the frame waits for it; the worker hands the event loop what piled up
            schedule = !drainScheduled && !writingDirect;
            if (schedule) drainScheduled = true;
        }
        if (added > 0) budget.charge(added);
        if (over) shed("it stopped reading and over " + LinkLimits.MAX_QUEUED_BYTES + " bytes are queued for it");
        else if (schedule) scheduleDrain();
    }

    private void scheduleDrain() {
        try {
            channel.eventLoop().execute(this::drain);
        } catch (RejectedExecutionException e) {
            close(); // the server is shutting down: nobody is left to write to
        }
    }

    /** Hands the backlog to the socket while it can take it; the rest waits for {@link #resume()}. */
    private void drain() {
        ByteBuf batch;
        boolean closeAfter;
        synchronized (this) {
            if (writingDirect) { // the worker writing hands over what piled up once it is done
                drainScheduled = false;
                return;
            }
            if (pending != null && held && heldUntil - System.nanoTime() > 0 && channel.isActive()) {
                scheduleDrain(); // not yet: run again (drainScheduled stays set)
                return;
            }
            drainScheduled = false;
            if (pending == null || !channel.isWritable() && channel.isActive()) return;
            batch = pending;
            pending = null;
            held = false;
            closeAfter = closeAfterPending;
        }
        if (!channel.isActive()) {
            batch.release();
            close();
            return;
        }
        int size = batch.capacity();
        ChannelPromise written = channel.newPromise();
        written.addListener(f -> written(size));
        channel.writeAndFlush(batch, written);
        if (closeAfter) {
            written.addListener(ChannelFutureListener.CLOSE);
            closeAfterGrace();
        }
    }

    /** The socket took (or the closed channel dropped) one batch: its bytes go back to the budget. */
    private void written(long size) {
        synchronized (this) {
            if (ended) return; // everything was given back when it ended
            charged -= size;
        }
        budget.release(size);
    }

    /** Ends the queue: releases the pending buffer; returns every byte still charged, owed back to the budget. */
    private long end() {
        accepting = false;
        ended = true;
        held = false;
        if (pending != null) {
            pending.release();
            pending = null;
        }
        long freed = charged;
        charged = 0;
        return freed;
    }
}
