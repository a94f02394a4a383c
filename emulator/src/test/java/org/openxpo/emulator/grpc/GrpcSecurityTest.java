package org.openxpo.emulator.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.grpc.proto.ListRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token and bind rules: loopback by default, a bearer token as metadata, TLS whenever it listens further. */
class GrpcSecurityTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path dir;

    private EmulatedChassis chassis;
    private LinkServer link;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() {
        chassis = EmulatedChassis.of(1, EmulatorClock.system());
        link = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
        link.close();
        chassis.close();
    }

    @Test
    void withATokenACallWithoutItOrWithAWrongOneIsUnauthenticated() {
        GrpcServer server = start(new InetSocketAddress("127.0.0.1", 0), TOKEN, null);
        ManagedChannel channel = plain(server);
        var stub = SfpEmulatorServiceGrpc.newBlockingStub(channel);
        Status none = GrpcFixture.fails(Status.Code.UNAUTHENTICATED, () -> stub.list(ListRequest.getDefaultInstance()));
        assertTrue(none.getDescription().contains("authorization: Bearer"), none::toString);
        GrpcFixture.fails(Status.Code.UNAUTHENTICATED, () -> withToken(stub, "wrong").list(ListRequest.getDefaultInstance()));
        assertEquals(1, withToken(stub, TOKEN).list(ListRequest.getDefaultInstance()).getInfosCount());
    }

    @Test
    void offLoopbackItRefusesToStartWithoutTlsAndAToken() {
        InetSocketAddress any = new InetSocketAddress("0.0.0.0", 0);
        Path[] tls = {dir.resolve("cert.pem"), dir.resolve("key.pem")};   // refused before they are read
        IllegalArgumentException noTls = assertThrows(IllegalArgumentException.class,
            () -> GrpcServer.start(chassis, link::i2cBatch, new GrpcServer.Options(any, 0, TOKEN, null, null, false)));
        assertTrue(noTls.getMessage().contains("TLS"), noTls.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> GrpcServer.start(chassis, link::i2cBatch, new GrpcServer.Options(any, 0, null, tls[0], tls[1], false)));
    }

    @Test
    void overTlsWithTheTokenAClientThatTrustsTheCertificateGetsIn() throws Exception {
        Path[] tls = selfSignedCertificate();
        GrpcServer server = start(new InetSocketAddress("0.0.0.0", 0), TOKEN, tls);
        ManagedChannel secure = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(),
            TlsChannelCredentials.newBuilder().trustManager(tls[0].toFile()).build()).build();
        closing.add(() -> secure.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        var stub = SfpEmulatorServiceGrpc.newBlockingStub(secure);
        assertEquals(1, withToken(stub, TOKEN).list(ListRequest.getDefaultInstance()).getInfosCount());
        GrpcFixture.fails(Status.Code.UNAVAILABLE, () -> withToken(SfpEmulatorServiceGrpc.newBlockingStub(plain(server)),
            TOKEN).list(ListRequest.getDefaultInstance()));   // a plaintext client cannot talk to it
    }

    private GrpcServer start(InetSocketAddress bind, String token, Path[] tls) {
        GrpcServer s = GrpcServer.start(chassis, link::i2cBatch, new GrpcServer.Options(bind, 0, token,
            tls == null ? null : tls[0], tls == null ? null : tls[1], false));
        closing.add(s);
        return s;
    }

    private ManagedChannel plain(GrpcServer server) {
        ManagedChannel c = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
            .build();
        closing.add(() -> c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        return c;
    }

    private static SfpEmulatorServiceGrpc.SfpEmulatorServiceBlockingStub withToken(
            SfpEmulatorServiceGrpc.SfpEmulatorServiceBlockingStub stub, String token) {
        Metadata headers = new Metadata();
        headers.put(BearerTokenInterceptor.AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** {cert.pem, key.pem} for 127.0.0.1, made by the JDK's keytool (no other tool needed). */
    private Path[] selfSignedCertificate() throws IOException, InterruptedException {
        return TestCertificates.selfSigned(dir);
    }
}
