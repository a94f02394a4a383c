package org.openxpo.driver.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request frames of one link connection, written to its socket whole and in the order they are handed in, by one
 * of two paths:
 * <ul>
 * <li>{@link #send}: a request whose caller waits for its answer is written by the caller's own thread, straight to the
 * non-blocking socket, when nothing handed to the event loop is still unwritten — no event-loop task, so no wake-up of
 * the event loop before the request can leave (about a quarter of an unpipelined round trip). Whatever the socket does
 * not take at once goes the second way.</li>
 * <li>{@link #queue}: pipelined requests are collected and written by one event-loop task with one flush per burst (a
 * system call per burst rather than per request).</li>
 * </ul>
 * A frame handed to the event loop counts as unwritten until Netty has given all of it to the socket, and a frame
 * arriving meanwhile queues behind it, so frames never interleave or overtake. A non-blocking write is not an
 * interruptible operation of {@code java.nio} (an interrupted caller does not close the channel), and the JDK's socket
 * channel keeps a write safe against a concurrent close (it then fails with an {@link IOException}).
 */
final class RequestStream {
    /** Netty's NIO socket channel with its {@code java.nio} channel reachable for {@link #send}'s direct writes. */
    static final class LinkChannel extends NioSocketChannel {
        java.nio.channels.SocketChannel socket() { return javaChannel(); }
    }

    private final LinkChannel channel;
    /** Held by a direct write and by the event loop while it hands queued frames to the socket: they never overlap. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Frames waiting for the event loop's next drain, in the order they will be written. */
    private final Deque<ByteBuf> queued = new ConcurrentLinkedDeque<>();
    /** Frames queued or handed to the event loop whose write has not completed yet. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    RequestStream(LinkChannel channel) { this.channel = channel; }

    Channel channel() { return channel; }

    /**
     * Writes a frame from the calling thread when nothing is ahead of it, otherwise queues it behind what is. Fails
     * with an {@link IOException} when the socket refuses the bytes (closed, reset); the event loop then sees the
     * connection go.
     */
    void send(byte[] frame) throws IOException {
        writing.lock();
        try {
            if (unwritten.get() > 0) {
                queue(frame);
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            channel.socket().write(bytes);
            if (bytes.hasRemaining()) {
                // ahead of anything queued since the check: a drain waits for this lock, so nothing was written after
                unwritten.incrementAndGet();
                queued.addFirst(Unpooled.wrappedBuffer(frame, bytes.position(), bytes.remaining()));
                scheduleDrain();
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Queues a frame for the event loop, which writes every frame queued by then with one flush. Takes no lock: a
     * pipelining caller never waits for the event loop.
     */
    void queue(byte[] frame) {
        unwritten.incrementAndGet();   // before the frame is visible, so no direct write can slip in ahead of it
        queued.addLast(Unpooled.wrappedBuffer(frame));
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) channel.eventLoop().execute(this::drain);
    }

    /**
     * On the event loop: writes the frames queued so far and flushes once. They stay counted as unwritten until the
     * write of the last one completes (Netty completes a channel's writes in order); a failed write is the
     * connection's failure, handed to the pipeline (the transport fails every pending request and closes). The flag
     * is cleared before the queue is taken, so a frame queued meanwhile is written by this drain or schedules the next.
     */
    private void drain() {
        writing.lock();
        try {
            drainScheduled.set(false);
            ByteBuf frame = queued.pollFirst();
            int taken = 0;
            while (frame != null) {
                taken++;
                ByteBuf next = queued.pollFirst();
                if (next != null) {
                    channel.write(frame, channel.voidPromise());
                } else {
                    int written = taken;
                    channel.writeAndFlush(frame).addListener((ChannelFutureListener) f -> {
                        unwritten.addAndGet(-written);
                        if (!f.isSuccess()) channel.pipeline().fireExceptionCaught(f.cause());
                    });
                }
                frame = next;
            }
        } finally {
            writing.unlock();
        }
    }
}
