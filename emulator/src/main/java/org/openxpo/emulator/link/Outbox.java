package org.openxpo.emulator.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

/**
 * The single way out of one connection: answers (from the connection's worker) and events (from whichever thread the
 * module emits them on) leave in the order they were handed in. Frames are encoded by the caller's thread, and the
 * event loop writes whatever has piled up with one flush, so pipelined answers go out in batches. Never blocks: event
 * listeners call it with the module lock held.
 */
final class Outbox {
    /** Frames written per event-loop task before the loop gets a turn at other channels. */
    private static final int MAX_BATCH = 1024;

    private record Item(ByteBuf bytes, boolean closeAfter) {}

    private final Channel channel;
    private final Queue<Item> items = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;

    Outbox(Channel channel) { this.channel = channel; }

    void send(Frame frame) { enqueue(frame, false); }

    /** Sends {@code frame} after everything queued before it, then closes the connection; later frames are dropped. */
    void sendAndClose(Frame frame) { enqueue(frame, true); }

    /** Drops whatever is still queued and refuses more (the connection is gone). */
    void close() {
        closed = true;
        items.clear();
    }

    private void enqueue(Frame frame, boolean closeAfter) {
        if (closed) return;
        items.add(new Item(Unpooled.wrappedBuffer(FrameCodec.encode(frame)), closeAfter));
        if (closeAfter) closed = true;
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!drainScheduled.compareAndSet(false, true)) return;
        try {
            channel.eventLoop().execute(this::drain);
        } catch (RejectedExecutionException e) {
            items.clear(); // the server is shutting down: nobody is left to write to
        }
    }

    private void drain() {
        drainScheduled.set(false);
        int written = 0;
        Item item;
        while (channel.isActive() && (item = items.poll()) != null) {
            if (item.closeAfter()) {
                items.clear();
                channel.writeAndFlush(item.bytes()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            channel.write(item.bytes(), channel.voidPromise());
            if (++written == MAX_BATCH) {
                scheduleDrain();
                break;
            }
        }
        if (written > 0) channel.flush();
        if (!channel.isActive()) items.clear();
    }
}
