package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

import java.util.Locale;

/**
 * A request with a body must say it is JSON ({@code Content-Type: application/json}, any charset parameter): else 415.
 * Besides naming the format, this keeps out what an HTML form or a "simple" cross-origin fetch can send without a
 * preflight ({@code text/plain}, form encodings).
 */
public final class JsonBodyGuard extends RequestGuard {
    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        if (!announcesBody(req)) return null;
        CharSequence type = HttpUtil.getMimeType(req);
        if (type != null && "application/json".contentEquals(type.toString().trim().toLowerCase(Locale.ROOT))) return null;
        return new Refusal(415, "a request body must be JSON: send 'Content-Type: application/json'"
            + (type == null ? "" : " (not '" + type + "')"));
    }
}
