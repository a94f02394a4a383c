package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.Map;

/**
 * One rule an HTTP face applies to every request before it reaches the face's own handler. It judges the request
 * head ({@link HttpRequest}), so it can stand before the body aggregator: a stranger's body is then never read into
 * memory. A request that passes goes on down the pipeline; one that fails is answered with a JSON error and goes no
 * further — its body is not read: the connection closes if one was announced, else the (empty) end of the request is
 * dropped and the connection stays open. Guards hold no per-connection state of their own, so one instance serves
 * every connection. A request that did not even decode is refused by the first guard with 400.
 */
public abstract class RequestGuard extends ChannelInboundHandlerAdapter {
    /** Set while the rest of a refused request (its body parts) is dropped. */
    private static final AttributeKey<Boolean> DROPPING = AttributeKey.valueOf(RequestGuard.class, "dropping");

    /** Why a request is refused: the status, a message for the client, extra headers. */
    public record Refusal(int status, String message, Map<String, String> headers) {
        public Refusal(int status, String message) { this(status, message, Map.of()); }
    }

    @Override
    public boolean isSharable() { return true; }

    /** Null to let {@code req} through, else why not; only the head is there (the body may not have arrived). */
    protected abstract Refusal check(ChannelHandlerContext ctx, HttpRequest req);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req) {
            Refusal refusal = req.decoderResult().isSuccess() ? check(ctx, req) : new Refusal(400, "malformed HTTP request");
            if (refusal == null) ctx.fireChannelRead(msg);
            else refuse(ctx, req, refusal);
        } else if (msg instanceof HttpContent part && Boolean.TRUE.equals(ctx.channel().attr(DROPPING).get())) {
            if (part instanceof LastHttpContent) ctx.channel().attr(DROPPING).set(false);
            ReferenceCountUtil.release(part);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static void refuse(ChannelHandlerContext ctx, HttpRequest req, Refusal refusal) {
        try {
            var answer = HttpReplies.error(refusal.status(), refusal.message(), refusal.headers());
            if (!req.decoderResult().isSuccess()) {
                HttpReplies.sendAndClose(ctx, answer); // the decoder cannot find the next request
            } else if (req instanceof LastHttpContent) {
                HttpReplies.send(ctx, req, answer); // the whole request is here: nothing left to drop
            } else if (announcesBody(req)) {
                HttpReplies.sendAndClose(ctx, answer); // never read a body nobody may send
            } else {
                ctx.channel().attr(DROPPING).set(true);
                HttpReplies.send(ctx, req, answer);
            }
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    /** True if the head announces a body: a non-zero Content-Length, or chunks. */
    protected static boolean announcesBody(HttpRequest req) {
        return HttpUtil.getContentLength(req, 0L) > 0 || HttpUtil.isTransferEncodingChunked(req);
    }
}
