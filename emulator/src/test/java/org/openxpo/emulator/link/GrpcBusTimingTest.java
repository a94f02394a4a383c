package org.openxpo.emulator.link;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.GrpcServer;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.protocol.connector.I2cMessage;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With bus timing on, a gRPC Read is answered no earlier than its transfers would take on the real bus. */
class GrpcBusTimingTest extends LinkFixture {
    private static final int MODULE = LinkTestClient.MODULE;

    @Override
    BusTiming timing() { return BusTiming.parse("100k"); }

    @Test
    void anUpperPageReadTakesTheBusTimeOfItsSelectReadBackAndRead() throws Exception {
        GrpcServer grpc = GrpcServer.start(chassis, server::i2cBatch,
            new GrpcServer.Options(new InetSocketAddress("127.0.0.1", 0), 0, null, null, null, true));
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(),
            InsecureChannelCredentials.create()).build();
        try {
            var stub = SfpEmulatorServiceGrpc.newBlockingStub(channel);
            ReadRequest read = ReadRequest.newBuilder().setIndex(0).setPage(1).setOffset(128).setLength(128).build();
            stub.read(read);   // the connection is up
            long busNanos = timing().transferNanos(List.of(I2cMessage.write(MODULE, (byte) 126, (byte) 0, (byte) 1)))
                + timing().transferNanos(List.of(I2cMessage.write(MODULE, (byte) 126), I2cMessage.read(MODULE, 2)))
                + timing().transferNanos(List.of(I2cMessage.write(MODULE, (byte) 128), I2cMessage.read(MODULE, 128)));
            long start = System.nanoTime();
            assertEquals(128, stub.read(read).getData().size());
            long took = System.nanoTime() - start;
            assertTrue(took >= busNanos, "answered after " + took / 1000 + " µs, the bus takes " + busNanos / 1000 + " µs");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            grpc.close();
        }
    }
}
