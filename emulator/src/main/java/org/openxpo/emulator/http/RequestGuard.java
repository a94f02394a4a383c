package org.openxpo.emulator.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;

import java.util.Map;

/**
 * One rule an HTTP face applies to every request before it reaches the face's own handler (after
 * {@link JsonHttpAggregator}): a request that passes goes on down the pipeline, one that fails is answered with a JSON
 * error and goes no further. Guards hold no per-connection state, so one instance serves every connection.
 * A request that did not even decode is refused by the first guard with 400.
 */
public abstract class RequestGuard extends ChannelInboundHandlerAdapter {
    /** Why a request is refused: the status, a message for the client, extra headers. */
    public record Refusal(int status, String message, Map<String, String> headers) {
        public Refusal(int status, String message) { this(status, message, Map.of()); }
    }

    @Override
    public boolean isSharable() { return true; }

    /** Null to let {@code req} through, else why not. */
    protected abstract Refusal check(ChannelHandlerContext ctx, FullHttpRequest req);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Refusal refusal = req.decoderResult().isSuccess() ? check(ctx, req) : new Refusal(400, "malformed HTTP request");
        if (refusal == null) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            HttpReplies.send(ctx, req, HttpReplies.error(refusal.status(), refusal.message(), refusal.headers()));
        } finally {
            ReferenceCountUtil.release(req);
        }
    }
}
