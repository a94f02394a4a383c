package org.openxpo.driver.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
    private final ReentrantLock lock = new ReentrantLock();
    /** Frames waiting for the event loop's next drain. Guarded by {@link #lock}. */
    private final List<ByteBuf> queued = new ArrayList<>();
    /** Frames handed to the event loop whose write has not completed yet. Guarded by {@link #lock}. */
    private int unwritten;
    /** Whether a drain task is on the event loop's way. Guarded by {@link #lock}. */
    private boolean drainScheduled;

    RequestStream(LinkChannel channel) { this.channel = channel; }

    Channel channel() { return channel; }

    /**
     * Writes a frame from the calling thread when nothing is ahead of it, otherwise queues it behind what is. Fails
     * with an {@link IOException} when the socket refuses the bytes (closed, reset); the event loop then sees the
     * connection go.
     */
    void send(byte[] frame) throws IOException {
        lock.lock();
        try {
            if (unwritten > 0) {
                enqueue(Unpooled.wrappedBuffer(frame));
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            channel.socket().write(bytes);
            if (bytes.hasRemaining()) enqueue(Unpooled.wrappedBuffer(frame, bytes.position(), bytes.remaining()));
        } finally {
            lock.unlock();
        }
    }

    /** Queues a frame for the event loop, which writes every frame queued by then with one flush. */
    void queue(byte[] frame) {
        lock.lock();
        try {
            enqueue(Unpooled.wrappedBuffer(frame));
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(ByteBuf frame) {
        queued.add(frame);
        unwritten++;
        if (!drainScheduled) {
            drainScheduled = true;
            channel.eventLoop().execute(this::drain);
        }
    }

    /**
     * On the event loop: writes the frames queued so far and flushes once. They stay counted as unwritten until the
     * write of the last one completes (Netty completes a channel's writes in order); a failed write is the
     * connection's failure, handed to the pipeline (the transport fails every pending request and closes).
     */
    private void drain() {
        ByteBuf[] batch;
        lock.lock();
        try {
            batch = queued.toArray(ByteBuf[]::new);
            queued.clear();
            drainScheduled = false;
        } finally {
            lock.unlock();
        }
        int last = batch.length - 1;
        for (int i = 0; i < last; i++) channel.write(batch[i], channel.voidPromise());
        channel.writeAndFlush(batch[last]).addListener((ChannelFutureListener) written -> {
            lock.lock();
            try {
                unwritten -= batch.length;
            } finally {
                lock.unlock();
            }
            if (!written.isSuccess()) channel.pipeline().fireExceptionCaught(written.cause());
        });
    }
}
