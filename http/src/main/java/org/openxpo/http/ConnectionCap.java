package org.openxpo.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections an HTTP face serves at once. One over the cap is not served: its first request is answered 503 with
 * a JSON error, and the connection closed.
 */
public final class ConnectionCap {
    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final ChannelHandler refusal = new Refusal();

    /** At most {@code max} (at least 1) connections at once. */
    public ConnectionCap(int max) {
        if (max < 1) throw new IllegalArgumentException("a connection cap must be at least 1, not " + max);
        this.max = max;
    }

    /** Counts {@code ch} until it closes, if the cap allows; false if it is one too many. */
    public boolean admit(Channel ch) {
        int n;
        do {
            n = open.get();
            if (n >= max) return false;
        } while (!open.compareAndSet(n, n + 1));
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        return true;
    }

    /** Connections served now. */
    public int open() { return open.get(); }

    /** The handler that answers a connection over the cap (after the HTTP codec). */
    public ChannelHandler refusal() { return refusal; }

    @ChannelHandler.Sharable
    private final class Refusal extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest && ctx.channel().isActive()) {
                    HttpReplies.sendAndClose(ctx, HttpReplies.error(503, "this server serves at most " + max
                        + " connections at once; try again later", Map.of()));
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a connection that is not served: a timeout or reset needs no report
        }
    }
}
