package org.openxpo.agent.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxpo.agent.gnmi.proto.CapabilityRequest;
import org.openxpo.agent.gnmi.proto.gNMIGrpc;
import org.openxpo.agent.testing.EmulatedBench;

/** xpo-agent's gNMI flags: --gnmi-port (or gnmi.port in the config) starts the face with the agent's token. */
class GnmiCommandLineTest {
    EmulatedBench bench = new EmulatedBench(1);
    StringWriter out = new StringWriter(), err = new StringWriter();
    RunningAgent agent;
    ManagedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) channel.shutdownNow();
        if (agent != null) agent.close();
        bench.close();
    }

    CompletableFuture<Integer> start(String... args) {
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() ->
            AgentMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), a -> agent = a));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent != null || code.isDone());
        return code;
    }

    gNMIGrpc.gNMIBlockingStub stub(String token) {
        if (channel == null) channel = NettyChannelBuilder.forAddress("127.0.0.1", agent.gnmi().port()).usePlaintext().build();
        gNMIGrpc.gNMIBlockingStub s = gNMIGrpc.newBlockingStub(channel);
        if (token == null) return s;
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return s.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
    }

    @Test
    void gnmiPortServesCapabilitiesBehindTheAgentsToken(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), "gnmi-secret\n");
        start("--target", bench.target(1), "--http-port", "0", "--gnmi-port", "0", "--token-file", dir.resolve("token").toString());
        assertNotNull(agent, err.toString());
        assertNotNull(agent.gnmi(), "--gnmi-port starts the gNMI face");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("gNMI 127.0.0.1:" + agent.gnmi().port()));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> stub(null).capabilities(CapabilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals("0.10.0", stub("gnmi-secret").capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
        assertFalse(out.toString().contains("gnmi-secret"), "the token is never printed");
    }

    /** Off loopback: TLS with the operator's certificate, and the token on every call. */
    @Test
    void gnmiOverTlsWithTheAgentsCertificate(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("agent.crt"), key = dir.resolve("agent.key");
        org.junit.jupiter.api.Assumptions.assumeTrue(TlsAgentTest.selfSigned(cert, key), "openssl is needed to make a certificate");
        Files.writeString(dir.resolve("token"), "gnmi-secret\n");
        start("--target", bench.target(1), "--http-port", "0", "--gnmi-port", "0", "--token-file", dir.resolve("token").toString(),
            "--tls-cert", cert.toString(), "--tls-key", key.toString());
        assertNotNull(agent, err.toString());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", agent.gnmi().port())
            .sslContext(io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.forClient().trustManager(cert.toFile()).build())
            .build();
        assertEquals("0.10.0", stub("gnmi-secret").capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
        ManagedChannel plain = NettyChannelBuilder.forAddress("127.0.0.1", agent.gnmi().port()).usePlaintext().build();
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> gNMIGrpc.newBlockingStub(plain)
                .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS).capabilities(CapabilityRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), "no cleartext on the TLS port");
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void theConfigFileCanAskForGnmiAndWithoutItThereIsNone(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("agent.yaml"), """
            modules:
              - name: left
                target: %s
            http:
              port: 0
            gnmi:
              port: 0
            """.formatted(bench.target(1)));
        start("--config", config.toString());
        assertNotNull(agent, err.toString());
        assertEquals("0.10.0", stub(null).capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
        agent.close();
        agent = null;
        start("--target", bench.target(1), "--http-port", "0");
        assertNull(agent.gnmi(), "no gNMI face unless asked for");
    }

    @Test
    void aBadGnmiPortIsOneLineAndExitCodeTwo() {
        int code = AgentMain.run(new String[] {"--target", bench.target(1), "--http-port", "0", "--gnmi-port", "70000"},
            new PrintWriter(out, true), new PrintWriter(err, true), a -> agent = a);
        assertEquals(2, code);
        assertTrue(err.toString().contains("gNMI port 70000"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
