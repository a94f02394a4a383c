package org.openxpo.http;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The guards as one Netty handler each: what passes, and the status of what does not. */
class GuardsTest {
    /** An embedded channel whose local address is loopback port 8080, as a served connection's would be. */
    static EmbeddedChannel channel(RequestGuard guard) {
        return new EmbeddedChannel(guard) {
            @Override
            protected SocketAddress localAddress0() { return new InetSocketAddress("127.0.0.1", 8080); }
        };
    }

    /** The status the guard answered with, or 0 when it let the request through. */
    static int status(RequestGuard guard, HttpMethod method, String... headers) {
        EmbeddedChannel ch = channel(guard);
        DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, "/api/x");
        req.headers().set("Host", "127.0.0.1:8080");
        for (int i = 0; i < headers.length; i += 2) req.headers().set(headers[i], headers[i + 1]);
        ch.writeInbound(req);
        Object passed = ch.readInbound();
        if (passed != null) {
            ReferenceCountUtil.release(passed);
            return 0;
        }
        FullHttpResponse res = ch.readOutbound();
        int status = res.status().code();
        res.release();
        return status;
    }

    @Test
    void aWritesOnlyTokenGuardLetsReadsThroughAndChecksTheRest() {
        BearerTokenGuard guard = BearerTokenGuard.forWrites("t0ken", "test");
        assertEquals(0, status(guard, HttpMethod.GET));
        assertEquals(0, status(guard, HttpMethod.HEAD));
        assertEquals(401, status(guard, HttpMethod.POST));
        assertEquals(401, status(guard, HttpMethod.DELETE, "Authorization", "Bearer nope"));
        assertEquals(0, status(guard, HttpMethod.POST, "Authorization", "Bearer t0ken"));
        assertEquals(401, status(new BearerTokenGuard("t0ken", "test"), HttpMethod.GET), "the plain guard checks reads too");
    }

    @Test
    void behindTlsTheServersOwnPagesAreHttpsOrigins() {
        ServerNames names = new ServerNames(List.of());
        OriginGuard tls = new OriginGuard(names, true);
        assertEquals(0, status(tls, HttpMethod.GET, "Origin", "https://127.0.0.1:8080"));
        assertEquals(403, status(tls, HttpMethod.GET, "Origin", "http://127.0.0.1:8080"), "a plain-HTTP page is another origin");
        assertEquals(0, status(new OriginGuard(names), HttpMethod.GET, "Origin", "http://127.0.0.1:8080"));
        assertEquals(403, status(new OriginGuard(names), HttpMethod.GET, "Origin", "https://evil.example"));
    }
}
