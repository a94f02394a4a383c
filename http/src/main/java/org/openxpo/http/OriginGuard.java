package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.net.InetSocketAddress;

/**
 * Refuses cross-origin requests: a browser names the page that makes a request in {@code Origin}, and only a page of
 * this server itself ({@code http://} one of its {@link ServerNames}) may use it. No {@code Origin} (curl, test code,
 * other programs) is fine; {@code Origin: null} (a sandboxed or local page) and every other origin get 403. Nothing
 * here ever answers with {@code Access-Control-Allow-*}, so a CORS preflight (OPTIONS) from a foreign page fails too.
 */
public final class OriginGuard extends RequestGuard {
    private static final String HTTP = "http://";

    private final ServerNames names;

    public OriginGuard(ServerNames names) { this.names = names; }

    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) return null;
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        boolean own = origin.regionMatches(true, 0, HTTP, 0, HTTP.length())
            && names.accepts(origin.substring(HTTP.length()), local);
        return own ? null : new Refusal(403, "cross-origin requests are refused (Origin '" + origin + "')");
    }
}
