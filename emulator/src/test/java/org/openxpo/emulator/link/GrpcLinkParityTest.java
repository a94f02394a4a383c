package org.openxpo.emulator.link;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.GrpcServer;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.grpc.proto.WriteRequest;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gRPC service's Read and Write are a host's transfers on the same bus as the link's: the same bytes, and the
 * side effects one face's access has are what the other face sees (latched flags cleared on read, a CDB command
 * written over gRPC and answered to a link host). Raw CMIS bytes on purpose: an independent host.
 */
class GrpcLinkParityTest extends LinkFixture {
    private GrpcServer grpc;
    private ManagedChannel channel;
    private SfpEmulatorServiceGrpc.SfpEmulatorServiceBlockingStub stub;
    private LinkTestClient host;

    @BeforeEach
    void startGrpc() {
        grpc = GrpcServer.start(chassis, server::i2cBatch,
            new GrpcServer.Options(new InetSocketAddress("127.0.0.1", 0), 0, null, null, null, false));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        stub = SfpEmulatorServiceGrpc.newBlockingStub(channel);
        host = LinkTestClient.open(server);
    }

    @AfterEach
    void stopGrpc() throws InterruptedException {
        host.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
    }

    @Test
    void anUpperPageReadsTheSameOverBothFaces() {
        assertArrayEquals(host.readPage(1, 0x00), read(0, 0x00, 128, 128));
        assertArrayEquals(host.readPage(2, 0x01), read(1, 0x01, 128, 128));
    }

    @Test
    void aLatchedFlagReadOverOneFaceIsClearedForTheOther() {
        awaitModuleStateChangedLatched();
        assertEquals(1, read(0, 0, 8, 1)[0] & 1, "ModuleStateChangedFlag latched after power-up");
        assertEquals(0, linkByte(8) & 1, "the gRPC read cleared it");

        chassis.cage(1).writePin(Pin.RESET_L, false);
        chassis.cage(1).writePin(Pin.RESET_L, true);
        awaitModuleStateChangedLatched();
        assertEquals(1, linkByte(8) & 1);
        assertEquals(0, read(0, 0, 8, 1)[0] & 1, "the link read cleared it");
    }

    @Test
    void aCdbCommandWrittenOverGrpcIsAnsweredToALinkHost() {
        int cmd = 0x0041;   // Firmware Management Features: no payload in, a reply out
        byte[] page = new byte[256];
        page[128] = (byte) (cmd >> 8);
        page[129] = (byte) cmd;
        byte check = (byte) CdbCommand.checkCode(page, 0);
        write(0x9F, 130, new byte[] {0, 0, 0, check});          // EPL length, LPL length, check code
        write(0x9F, 128, new byte[] {(byte) (cmd >> 8), (byte) cmd});   // CMDID last: it starts the command
        soon().until(() -> {
            List<I2cResult> r = host.i2c(1, I2cMessage.write(LinkTestClient.MODULE, (byte) 37),
                I2cMessage.read(LinkTestClient.MODULE, 1));
            return r.get(1).ok() && (r.get(1).data()[0] & 0x80) == 0;
        });
        assertEquals(0x01, linkByte(37), "CdbStatus: success");
        assertTrue((host.readPage(1, 0x9F)[134 - 128] & 0xFF) > 0, "RPLLength of the features reply");
    }

    private void awaitModuleStateChangedLatched() {
        soon().until(() -> chassis.cage(1).module() != null && chassis.cage(1).module().responsive()
            && "ModuleReady".equals(chassis.cage(1).module().moduleState().cmisName()));
    }

    private int linkByte(int offset) {
        List<I2cResult> r = host.i2c(1, I2cMessage.write(LinkTestClient.MODULE, (byte) offset),
            I2cMessage.read(LinkTestClient.MODULE, 1));
        assertTrue(r.get(1).ok(), r::toString);
        return r.get(1).data()[0] & 0xFF;
    }

    private byte[] read(int index, int page, int offset, int length) {
        return stub.read(ReadRequest.newBuilder().setIndex(index).setPage(page).setOffset(offset).setLength(length)
            .build()).getData().toByteArray();
    }

    private void write(int page, int offset, byte[] data) {
        stub.write(WriteRequest.newBuilder().setIndex(0).setPage(page).setOffset(offset).setData(ByteString.copyFrom(data))
            .build());
    }
}
