package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

import java.net.InetSocketAddress;

/**
 * Answers only requests addressed to this server: the {@code Host} header must be one of its {@link ServerNames}.
 * Otherwise 421 Misdirected Request; without a {@code Host} header 400. A web page that rebinds its own DNS name to
 * 127.0.0.1 sends its own name here, so it can never read the answers.
 */
public final class HostGuard extends RequestGuard {
    private final ServerNames names;

    public HostGuard(ServerNames names) { this.names = names; }

    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (host == null) return new Refusal(400, "a Host header is required");
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        if (names.accepts(host, local)) return null;
        return new Refusal(421, "this server does not answer for Host '" + host + "' (use " + names.describe(local) + ")");
    }
}
