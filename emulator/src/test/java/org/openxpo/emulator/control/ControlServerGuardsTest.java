package org.openxpo.emulator.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps strangers out of the control API (issue 20): a web page in a browser on the same machine (foreign
 * Origin, text/plain bodies, CORS preflights), DNS rebinding (a foreign Host), and oversized bodies. Real HTTP
 * against a real server, with the JDK's client and, where it will not send what a browser or attacker would, a socket.
 */
class ControlServerGuardsTest {
    static final String LASER = "{\"kind\":\"laser-failure\",\"lanes\":[1]}";

    final VirtualClock clock = new VirtualClock();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    EmulatedChassis chassis;
    ControlServer server;
    int port;

    @BeforeEach
    void start() {
        chassis = EmulatedChassis.of(1, clock);
        server = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, null,
            List.of("bench.example"));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        chassis.close();
    }

    private Http.Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int faults() { return chassis.cage(1).module().activeFaults().size(); }

    private static void assertJsonError(int status, String fragment, Http.Reply r) {
        assertEquals(status, r.status(), r.body());
        assertEquals(status, r.json().get("status").asInt(), r.body());
        assertTrue(r.error().contains(fragment), "'" + r.error() + "' should mention '" + fragment + "'");
    }

    private static void assertNoCorsGrant(java.net.http.HttpHeaders headers) {
        assertTrue(headers.map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-allow")),
            headers.map().toString());
    }

    /** Issue 20, defect 4: this request injected a fault. */
    @Test
    void aForeignPageCannotInjectAFault() {
        Http.Reply r = send("POST", "/api/cages/1/faults", "text/plain", LASER, "Origin", "http://evil.example");
        assertJsonError(403, "cross-origin requests are refused (Origin 'http://evil.example')", r);
        assertNoCorsGrant(r.headers());
        assertJsonError(403, "cross-origin", send("POST", "/api/cages/1/unplug", null, null, "Origin", "http://evil.example"));
        assertJsonError(403, "cross-origin", send("GET", "/api/cages", null, null, "Origin", "null"));
        assertJsonError(403, "cross-origin",
            send("GET", "/api/cages", null, null, "Origin", "http://127.0.0.1:" + (port == 1 ? 2 : port - 1)));
        assertEquals(0, faults());
        assertTrue(chassis.cage(1).present(), "still plugged");
    }

    @Test
    void theServersOwnPagesAndProgramsWithoutOriginAreServed() {
        assertEquals(201, send("POST", "/api/cages/1/faults", "application/json", LASER).status());
        assertEquals(201, send("POST", "/api/cages/1/faults", "application/json; charset=UTF-8", LASER,
            "Origin", "http://localhost:" + port).status());
        assertEquals(200, send("GET", "/api/cages", null, null, "Origin", "http://127.0.0.1:" + port).status());
        assertEquals(200, send("GET", "/api/cages", null, null, "Origin", "http://bench.example:" + port).status());
        assertEquals(2, faults());
    }

    @Test
    void aPreflightGetsNothingThatAllows() {
        Http.Reply foreign = send("OPTIONS", "/api/cages/1/faults", null, null, "Origin", "http://evil.example",
            "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertJsonError(403, "cross-origin", foreign);
        assertNoCorsGrant(foreign.headers());
        Http.Reply plain = send("OPTIONS", "/api/cages/1/faults", null, null);
        assertJsonError(405, "OPTIONS is not allowed", plain);
        assertNoCorsGrant(plain.headers());
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        assertJsonError(415, "a request body must be JSON: send 'Content-Type: application/json' (not 'text/plain')",
            send("POST", "/api/cages/1/faults", "text/plain", LASER));
        assertJsonError(415, "(not 'application/x-www-form-urlencoded')",
            send("POST", "/api/cages/1/faults", "application/x-www-form-urlencoded", LASER));
        assertJsonError(415, "Content-Type: application/json", send("POST", "/api/scenario", null, "{}"));
        assertEquals(0, faults());
        assertEquals(200, send("POST", "/api/cages/1/pins", null, null).status(), "no body needs no content type");
    }

    /** Issue 20, defect 4: DNS rebinding sends the attacker's own name as Host; the answers must not reach it. */
    @Test
    void aForeignHostIs421() {
        RawHttp.Reply r = RawHttp.send(port, "GET /api/cages HTTP/1.1\r\nHost: evil.example:" + port, "");
        assertEquals(421, r.status(), r.body());
        assertEquals(421, r.json().get("status").asInt());
        assertEquals("this server does not answer for Host 'evil.example:" + port + "' (use 127.0.0.1:" + port
            + ", [::1]:" + port + ", bench.example:" + port + " or localhost:" + port + ")", r.json().get("error").asString());
        assertEquals(421, RawHttp.send(port, "GET /api/cages HTTP/1.1\r\nHost: 127.0.0.1:1", "").status(), "another port");
        assertEquals(421, RawHttp.send(port, "GET /api/cages HTTP/1.1\r\nHost: [evil.example]:" + port, "").status());
        assertEquals(400, RawHttp.send(port, "GET /api/cages HTTP/1.0", "").status(), "no Host at all");
        for (String host : List.of("localhost", "127.0.0.1", "[::1]", "LOCALHOST", "bench.example", "127.0.0.2")) {
            assertEquals(200, RawHttp.send(port, "GET /api/health HTTP/1.1\r\nHost: " + host + ":" + port, "").status(), host);
        }
    }

    /** Issue 20, defect 5: the 413 had an empty body. */
    @Test
    void anOversizedBodyIsAJson413AndTheConnectionCloses() {
        RawHttp.Reply r = RawHttp.send(port, "POST /api/scenario HTTP/1.1\r\nHost: localhost:" + port
            + "\r\nContent-Type: application/json\r\nContent-Length: 2000000", "", true);
        assertEquals(413, r.status());
        assertEquals("the request body is larger than 1,048,576 bytes", r.json().get("error").asString());
        assertEquals(413, r.json().get("status").asInt());
        assertTrue(r.closed(), "the rest of the body cannot be told from a next request");

        RawHttp.Reply expect = RawHttp.send(port, "POST /api/scenario HTTP/1.1\r\nHost: localhost:" + port
            + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\nExpect: 100-continue", "");
        assertEquals(413, expect.status(), "refused before the client sends the body");
        assertEquals(413, expect.json().get("status").asInt());
        assertFalse(expect.body().isEmpty());
    }

    @Test
    void aMalformedRequestIsAJson400() {
        RawHttp.Reply r = RawHttp.send(port, "GET /api/cages HTTP/1.1\r\nHost: localhost:" + port
            + "\r\nContent-Length: lots", "");
        assertEquals(400, r.status());
        assertEquals("malformed HTTP request", r.json().get("error").asString());
    }

    @Test
    void aTokenIsCheckedAfterTheHostAndOrigin() {
        try (ControlServer guarded = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "s3cret", null)) {
            int p = guarded.port();
            RawHttp.Reply foreign = RawHttp.send(p, "GET /api/cages HTTP/1.1\r\nHost: localhost:" + p
                + "\r\nOrigin: http://evil.example\r\nAuthorization: Bearer s3cret", "");
            assertEquals(403, foreign.status(), "even with the token, a foreign page is refused");
            RawHttp.Reply noToken = RawHttp.send(p, "POST /api/cages/1/faults HTTP/1.1\r\nHost: localhost:" + p
                + "\r\nContent-Type: text/plain\r\nContent-Length: 2", "{}");
            assertEquals(401, noToken.status(), "no token: 401 before anything about the body");
        }
    }

    @Test
    void aStrangersBodyIsRefusedBeforeItIsRead() {
        try (ControlServer guarded = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "s3cret", null)) {
            int p = guarded.port();
            // within the body limit, but the token guard answers as soon as the head is in: the rest is never sent
            RawHttp.Reply noToken = RawHttp.send(p, "POST /api/scenario HTTP/1.1\r\nHost: localhost:" + p
                + "\r\nContent-Type: application/json\r\nContent-Length: 900000", "{", true);
            assertEquals(401, noToken.status(), noToken.body());
            assertTrue(noToken.closed(), "the announced body is not read: the connection closes");
            RawHttp.Reply foreignHost = RawHttp.send(p, "POST /api/scenario HTTP/1.1\r\nHost: evil.example:" + p
                + "\r\nContent-Type: application/json\r\nContent-Length: 900000", "{", true);
            assertEquals(421, foreignHost.status(), foreignHost.body());
            assertTrue(foreignHost.closed());
        }
    }

    @Test
    void aRefusedRequestWithoutABodyKeepsItsConnection() throws IOException {
        try (Socket s = RawHttp.keptOpen(port)) {
            assertEquals(403, RawHttp.exchange(s, "GET /api/cages HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nOrigin: http://evil.example", "", false).status());
            assertEquals(200, RawHttp.exchange(s, "GET /api/health HTTP/1.1\r\nHost: localhost:" + port, "", false).status());
        }
    }

    @Test
    void connectionsOverTheCapAreRefusedWithAClear503() throws IOException {
        try (ControlServer capped = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, null, List.of(), null, new ControlLimits(2, Duration.ofSeconds(60)))) {
            int p = capped.port();
            Socket first = RawHttp.keptOpen(p);
            try (Socket second = RawHttp.keptOpen(p)) {
                RawHttp.Reply third = RawHttp.send(p, "GET /api/health HTTP/1.1\r\nHost: localhost:" + p, "", true);
                assertEquals(503, third.status(), third.body());
                assertEquals("this server serves at most 2 connections at once; try again later",
                    third.json().get("error").asString());
                assertTrue(third.closed());
                first.close();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                    RawHttp.send(p, "GET /api/health HTTP/1.1\r\nHost: localhost:" + p, "").status() == 200);
            }
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (ControlServer quick = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null, null, List.of(), null, new ControlLimits(64, Duration.ofMillis(200)));
             Socket idle = RawHttp.keptOpen(quick.port())) {
            assertTrue(RawHttp.closedByServer(idle), "closed after 200 ms without a byte from the client");
        }
    }
}
