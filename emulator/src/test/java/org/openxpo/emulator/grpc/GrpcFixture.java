package org.openxpo.emulator.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A chassis of fast-timed modules on wall-clock time, its link server and the gRPC service on free loopback ports,
 * and a real grpc-java client over TCP.
 */
abstract class GrpcFixture {
    EmulatedChassis chassis;
    LinkServer link;
    GrpcServer grpc;
    ManagedChannel channel;
    SfpEmulatorServiceGrpc.SfpEmulatorServiceBlockingStub stub;
    private final List<ManagedChannel> channels = new ArrayList<>();

    int cageCount() { return 4; }

    /** Cages listed here start empty. */
    Set<Integer> emptyCages() { return Set.of(); }

    long indexBase() { return 0; }

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(cageCount(), EmulatorClock.system(), i -> emptyCages().contains(i) ? null
            : ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i)).seed(i).timing(ModuleConfig.Timing.fast())
                .build());
        link = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        grpc = GrpcServer.start(chassis, link::i2cBatch,
            new GrpcServer.Options(new InetSocketAddress("127.0.0.1", 0), indexBase(), null, null, null, false));
        channel = channel();
        stub = SfpEmulatorServiceGrpc.newBlockingStub(channel);
        for (int n : chassis.cages()) awaitReady(n);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ManagedChannel c : channels) c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
        link.close();
        chassis.close();
    }

    /** Another client connection (its own TCP connection), closed after the test. */
    ManagedChannel channel() {
        ManagedChannel c = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create())
            .build();
        channels.add(c);
        return c;
    }

    /** Waits until the module in {@code cage} (if any) answers on its bus. */
    void awaitReady(int cage) {
        Cage c = chassis.cage(cage);
        if (c.present()) soon().until(() -> c.module() == null || c.module().responsive());
    }

    static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    /** The status {@code call} fails with, which must have {@code code}. */
    static Status fails(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus()::toString);
        return e.getStatus();
    }

    static ReadRequest read(int index, int bank, int page, int offset, int length) {
        return ReadRequest.newBuilder().setIndex(index).setBank(bank).setPage(page).setOffset(offset).setLength(length)
            .build();
    }

    byte[] readBytes(int index, int bank, int page, int offset, int length) {
        return stub.read(read(index, bank, page, offset, length)).getData().toByteArray();
    }
}
