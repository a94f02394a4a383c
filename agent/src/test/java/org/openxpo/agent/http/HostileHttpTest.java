package org.openxpo.agent.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.testing.EmulatedBench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** What a stranger, a foreign web page or a careless client sends gets a clear refusal and changes nothing. */
class HostileHttpTest {
    static final String TOKEN = "hostile-test-token";
    static EmulatedBench bench;
    static ModuleRegistry registry;
    static AgentHttpServer server, noControls;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        bench = new EmulatedBench(1);
        registry = new ModuleRegistry(PollOptions.DEFAULT, VdmSource.NONE);
        registry.add(new ModuleSpec("cage1", bench.target(1)));
        server = AgentHttpServer.start(new HttpOptions(HttpOptions.loopback(0, TOKEN).bind(), TOKEN, null, java.util.List.of(),
            HttpOptions.MAX_CONNECTIONS, HttpOptions.IDLE_TIMEOUT, 64 * 1024), registry, new ModuleControls(registry));
        noControls = AgentHttpServer.start(HttpOptions.loopback(0, null), registry, new ModuleControls(registry));
    }

    @AfterAll
    static void stop() {
        server.close();
        noControls.close();
        registry.close();
        bench.close();
    }

    /** A request written by hand, as a browser or attacker may send it; returns the whole answer. */
    static String raw(AgentHttpServer s, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String get(AgentHttpServer s, String path, String... headers) throws Exception {
        return raw(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n" + String.join("", headers)
            + "Connection: close\r\n\r\n");
    }

    HttpResponse<String> post(String path, String type, byte[] body, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.url() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) b.header("Content-Type", type);
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pathsOutsideTheDashboardAreNotFound() throws Exception {
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fagent-test.css",
            "/org/openxpo/agent/http/ApiHandler.class", "/.hidden.css", "/dashboard/../../logback.xml", "/agent-test.css%00.html"}) {
            String answer = get(server, path);
            assertTrue(answer.startsWith("HTTP/1.1 404") || answer.startsWith("HTTP/1.1 400"), path + " → " + answer);
        }
    }

    @Test
    void aDashboardFileComesWithItsTypeAndRevalidation() throws Exception {
        String answer = get(server, "/agent-test.css").toLowerCase(java.util.Locale.ROOT);
        assertTrue(answer.startsWith("http/1.1 200"), answer);
        assertTrue(answer.contains("content-type: text/css; charset=utf-8"), answer);
        assertTrue(answer.contains("cache-control: no-cache"), answer);
        String etag = answer.lines().filter(l -> l.startsWith("etag: ")).findFirst().orElseThrow().substring(6);
        assertTrue(get(server, "/agent-test.css", "If-None-Match: " + etag + "\r\n").startsWith("HTTP/1.1 304"));
    }

    @Test
    void aHeadRequestGetsTheHeadersOfAGetAndNoBody() throws Exception {
        // answers whose length does not change between two requests: a file and an error
        for (String path : new String[] {"/agent-test.css", "/api/modules/cage9"}) {
            String get = get(server, path);
            String head = raw(server, "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nConnection: close\r\n\r\n");
            String status = get.lines().findFirst().orElseThrow();
            assertEquals(status, head.lines().findFirst().orElseThrow(), path);
            assertTrue(head.endsWith("\r\n\r\n"), path + ": nothing after the headers, got " + head);
            String length = get.toLowerCase(java.util.Locale.ROOT).lines().filter(l -> l.startsWith("content-length: "))
                .findFirst().orElseThrow();
            assertNotEquals("content-length: 0", length, path + " has a body on GET");
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains(length + "\r\n"), path + ": the GET's length, " + head);
        }
        for (String path : new String[] {"/metrics", "/api/modules", "/api/modules/cage1", "/api/modules/cage1/history", "/"}) {
            // HEAD then GET on one connection: the GET's answer starts right after the HEAD's headers
            String both = raw(server, "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n"
                + "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n");
            int headEnd = both.indexOf("\r\n\r\n") + 4;
            assertTrue(both.startsWith("HTTP/1.1 200") && both.startsWith("HTTP/1.1 200", headEnd), path + ": " + both);
        }
    }

    @Test
    void strangersAndForeignPagesAreRefused() throws Exception {
        assertTrue(raw(server, "GET /api/modules HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
            .startsWith("HTTP/1.1 421"), "DNS rebinding: a foreign Host");
        assertTrue(get(server, "/api/modules", "Origin: http://evil.example\r\n").startsWith("HTTP/1.1 403"), "a foreign page");
        assertTrue(get(server, "/api/modules", "Origin: http://127.0.0.1:" + server.port() + "\r\n").startsWith("HTTP/1.1 200"),
            "the agent's own page");
    }

    @Test
    void controlsWithoutTheTokenOrWithoutAnyTokenAreRefused() throws Exception {
        HttpResponse<String> none = post("/api/modules/cage1/reset", "application/json", "{}".getBytes(), null);
        assertEquals(401, none.statusCode());
        assertFalse(none.body().contains(TOKEN), "the secret never appears in an answer");
        assertEquals(401, post("/api/modules/cage1/reset", "application/json", "{}".getBytes(), TOKEN + "x").statusCode());
        HttpResponse<String> off = HTTP.send(HttpRequest.newBuilder(URI.create(noControls.url() + "/api/modules/cage1/reset"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(403, off.statusCode());
        assertTrue(off.body().contains("--token-file"), off.body());
    }

    @Test
    void badBodiesGetAClearError() throws Exception {
        HttpResponse<String> badJson = post("/api/modules/cage1/lpmode", "application/json", "{\"on\": tru".getBytes(), TOKEN);
        assertEquals(400, badJson.statusCode());
        assertTrue(badJson.body().contains("bad JSON"), badJson.body());
        HttpResponse<String> unknown = post("/api/modules/cage1/lpmode", "application/json", "{\"of\": true}".getBytes(), TOKEN);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("of"), unknown.body());
        assertEquals(415, post("/api/modules/cage1/lpmode", "text/plain", "on".getBytes(), TOKEN).statusCode(), "a form's type");
        assertEquals(415, post("/api/modules/cage1/firmware", "application/json", "{}".getBytes(), TOKEN).statusCode());
        // an oversized body is refused from its Content-Length, before it is read: the server answers and closes while
        // a client that sends it anyway is still writing (a broken pipe there is the refusal, not a failure), so the
        // careless client sends only the head, and a polite one asks first (Expect: 100-continue)
        String careless = raw(server, "POST /api/modules/cage1/lpmode HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: "
            + 128 * 1024 + "\r\n\r\n");
        assertTrue(careless.startsWith("HTTP/1.1 413") && careless.contains("larger than 65,536 bytes"), careless);
        HttpResponse<String> polite = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/modules/cage1/lpmode"))
            .expectContinue(true).header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[128 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, polite.statusCode(), polite.body());
        HttpResponse<String> notImage = post("/api/modules/cage1/firmware", "application/octet-stream", new byte[100], TOKEN);
        assertEquals(400, notImage.statusCode());
        assertTrue(notImage.body().contains("not a firmware image"), notImage.body());
    }

    @Test
    void unknownRoutesAndMethodsAreNamed() throws Exception {
        assertTrue(get(server, "/api/nothing").startsWith("HTTP/1.1 404"));
        assertTrue(get(server, "/api/modules/cage1/reset").startsWith("HTTP/1.1 405"));
        assertTrue(get(server, "/api/modules/no-such").contains("no module named 'no-such'"));
        assertEquals(405, post("/metrics", "application/json", "{}".getBytes(), TOKEN).statusCode());
        assertTrue(raw(server, "BREW / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
            .matches("(?s)HTTP/1.1 40[015].*"), "an unknown method");
    }
}
