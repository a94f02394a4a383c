package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/** Requires {@code Authorization: Bearer TOKEN}; otherwise 401 with a {@code WWW-Authenticate} challenge. */
public final class BearerTokenGuard extends RequestGuard {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final byte[] token;
    private final Map<String, String> challenge;
    private final boolean writesOnly;

    /** Every request needs the token; {@code realm} names the service in the challenge. */
    public BearerTokenGuard(String token, String realm) { this(token, realm, false); }

    private BearerTokenGuard(String token, String realm, boolean writesOnly) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the bearer token must not be blank");
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.challenge = Map.of("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        this.writesOnly = writesOnly;
    }

    /** Only requests that change something (every method but GET and HEAD) need the token; reads pass. */
    public static BearerTokenGuard forWrites(String token, String realm) { return new BearerTokenGuard(token, realm, true); }

    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        if (writesOnly && READS.contains(req.method())) return null;
        String given = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        boolean ok = given != null && given.regionMatches(true, 0, "Bearer ", 0, 7)
            // constant-time comparison: the token is a secret
            && MessageDigest.isEqual(token, given.substring(7).strip().getBytes(StandardCharsets.UTF_8));
        return ok ? null : new Refusal(401, "missing or wrong bearer token (send 'Authorization: Bearer <token>')", challenge);
    }
}
