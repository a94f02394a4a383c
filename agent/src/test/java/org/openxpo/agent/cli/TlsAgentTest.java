package org.openxpo.agent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxpo.agent.testing.EmulatedBench;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The agent behind TLS, as any bind but loopback requires: HTTPS with the given certificate, controls with the token. */
class TlsAgentTest {
    EmulatedBench bench = new EmulatedBench(1);
    RunningAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) agent.close();
        bench.close();
    }

    /** A self-signed certificate for 127.0.0.1 and its PKCS#8 key, made by openssl (as an operator would). */
    static boolean selfSigned(Path cert, Path key) throws Exception {
        try {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException noOpenssl) {
            return false;
        }
    }

    static HttpClient trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("agent", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void httpsServesTheApiAndTheTokenOpensTheControls(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("agent.crt"), key = dir.resolve("agent.key");
        assumeTrue(selfSigned(cert, key), "openssl is needed to make a certificate");
        Path token = Files.writeString(dir.resolve("token"), "tls-token-9\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> AgentMain.run(new String[] {
            "--target", bench.target(1), "--http-port", "0", "--tls-cert", cert.toString(), "--tls-key", key.toString(),
            "--token-file", token.toString()}, new PrintWriter(out, true), new PrintWriter(err, true), a -> agent = a));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent != null || code.isDone());
        assertNotNull(agent, err.toString());
        String url = agent.http().url();
        assertTrue(url.startsWith("https://127.0.0.1:"), url);

        try (HttpClient https = trusting(cert)) {
            HttpResponse<String> modules = https.send(HttpRequest.newBuilder(URI.create(url + "/api/modules")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, modules.statusCode());
            assertTrue(modules.body().contains("\"name\":\"cage1\""));
            await().atMost(Duration.ofSeconds(10)).until(() -> agent.registry().module("cage1").orElseThrow().client().isPresent());
            HttpResponse<String> control = https.send(HttpRequest.newBuilder(URI.create(url + "/api/modules/cage1/lpmode"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer tls-token-9")
                .header("Origin", url).POST(HttpRequest.BodyPublishers.ofString("{\"on\": false}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, control.statusCode(), control.body());
        }
        try (HttpClient plain = HttpClient.newHttpClient()) {
            String cleartext = url.replace("https://", "http://");
            assertThrows(java.io.IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create(cleartext + "/api/modules"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()), "no cleartext on the TLS port");
        }
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("agent.crt"), "not a certificate");
        StringWriter err = new StringWriter();
        int code = AgentMain.run(new String[] {"--target", bench.target(1), "--tls-cert", cert.toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), a -> agent = a);
        assertEquals(AgentMain.USAGE, code);
        assertTrue(err.toString().contains("both a certificate and a key"), err.toString());
        Path key = Files.writeString(dir.resolve("agent.key"), "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n");
        err.getBuffer().setLength(0);
        assertEquals(AgentMain.USAGE, AgentMain.run(new String[] {"--target", bench.target(1), "--tls-cert", cert.toString(),
            "--tls-key", key.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), a -> agent = a));
        assertTrue(err.toString().contains("cannot use TLS certificate"), err.toString());
        assertFalse(err.toString().contains("c2VjcmV0"), "the key's content never appears");
    }
}
