package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.net.InetSocketAddress;

/**
 * Refuses cross-origin requests: a browser names the page that makes a request in {@code Origin}, and only a page of
 * this server itself ({@code http://}, or {@code https://} behind TLS, one of its {@link ServerNames}) may use it. No {@code Origin} (curl, test code,
 * other programs) is fine; {@code Origin: null} (a sandboxed or local page) and every other origin get 403. Nothing
 * here ever answers with {@code Access-Control-Allow-*}, so a CORS preflight (OPTIONS) from a foreign page fails too.
 */
public final class OriginGuard extends RequestGuard {
    private final ServerNames names;
    private final String scheme;

    /** For a plain-HTTP server: its pages' origins are {@code http://…}. */
    public OriginGuard(ServerNames names) { this(names, false); }

    /** {@code tls}: the server speaks HTTPS, so its own pages' origins are {@code https://…}. */
    public OriginGuard(ServerNames names, boolean tls) {
        this.names = names;
        this.scheme = tls ? "https://" : "http://";
    }

    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) return null;
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        boolean own = origin.regionMatches(true, 0, scheme, 0, scheme.length())
            && names.accepts(origin.substring(scheme.length()), local);
        return own ? null : new Refusal(403, "cross-origin requests are refused (Origin '" + origin + "')");
    }
}
