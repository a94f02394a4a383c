package org.openxpo.emulator.cli;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.GetInfoRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.scenario.StrictJson;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --grpc-port and its companions: off unless asked, usage errors named, the endpoints line gives the port. */
class EmulatorGrpcFlagsTest {
    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        return EmulatorMain.run(args, new PrintWriter(out), new PrintWriter(err), RunningEmulator::close);
    }

    @Test
    void theGrpcCompanionFlagsNeedTheGrpcPort() {
        assertEquals(EmulatorMain.USAGE, run("--grpc-index-base", "1"));
        assertTrue(err.toString().contains("need --grpc-port"), err.toString());
    }

    @Test
    void offLoopbackTheGrpcServiceNeedsTlsBesidesTheToken() {
        assertEquals(EmulatorMain.USAGE, run("--bind", "0.0.0.0", "--token", "s3cret", "--grpc-port", "0"));
        assertTrue(err.toString().contains("the gRPC service then needs TLS"), err.toString());
    }

    @Test
    void badGrpcNumbersAreNamed() {
        assertEquals(EmulatorMain.USAGE, run("--grpc-port", "70000"));
        assertTrue(err.toString().contains("--grpc-port must be 0-65535"), err.toString());
        assertEquals(EmulatorMain.USAGE, run("--grpc-port", "0", "--grpc-index-base", "-1"));
        assertTrue(err.toString().contains("--grpc-index-base must be 0-"), err.toString());
        assertEquals(EmulatorMain.USAGE, run("--grpc-port", "0", "--grpc-tls-cert", "/no/such/cert.pem"));
        assertTrue(err.toString().contains("together"), err.toString());
    }

    @Test
    void theEndpointsLineGivesTheGrpcTargetAndTheIndexBaseMapsIndexesToCages() {
        AtomicReference<String> answer = new AtomicReference<>();
        int code = EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0", "--grpc-port", "0",
                "--grpc-index-base", "1", "--cages", "2"}, new PrintWriter(out), new PrintWriter(err), emulator -> {
            ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.grpc().port(),
                InsecureChannelCredentials.create()).build();
            try {
                // index 2 is cage 2 with base 1
                answer.set(SfpEmulatorServiceGrpc.newBlockingStub(channel)
                    .getInfo(GetInfoRequest.newBuilder().setIndex(2).build()).getIndex() + "/" + emulator.grpc().port());
            } finally {
                channel.shutdownNow();
                try {
                    channel.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Thread.ofVirtual().start(() -> {
                org.awaitility.Awaitility.await().until(() -> out.toString().endsWith("\n"));
                emulator.close();
            });
        });
        assertEquals(0, code, err.toString());
        String port = answer.get().split("/")[1];
        assertEquals("2", answer.get().split("/")[0]);
        JsonNode endpoints = StrictJson.MAPPER.readTree(out.toString());
        assertEquals("127.0.0.1:" + port, endpoints.get("grpc").asString());
        assertEquals(Integer.parseInt(port), endpoints.get("grpcPort").asInt());
    }
}
