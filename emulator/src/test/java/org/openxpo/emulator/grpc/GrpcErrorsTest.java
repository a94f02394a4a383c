package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.CreateRequest;
import org.openxpo.emulator.grpc.proto.DeleteRequest;
import org.openxpo.emulator.grpc.proto.MonitorRequest;
import org.openxpo.emulator.grpc.proto.UpdateInfoRequest;
import org.openxpo.emulator.grpc.proto.WriteRequest;
import org.openxpo.protocol.connector.Pin;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refusal of the service: the gRPC code a client can branch on, and a message that says what to do. */
class GrpcErrorsTest extends GrpcFixture {
    @Override
    int cageCount() { return 2; }

    @Override
    Set<Integer> emptyCages() { return Set.of(2); }

    @Test
    void anIndexWithoutACageOrWithoutAModuleIsNotFound() {
        assertTrue(fails(Status.Code.NOT_FOUND, () -> stub.getInfo(GrpcServiceTest.info(2))).getDescription()
            .contains("indexes 0-1"));
        fails(Status.Code.NOT_FOUND, () -> stub.getInfo(GrpcServiceTest.info(-1)));   // uint32 4294967295
        assertTrue(fails(Status.Code.NOT_FOUND, () -> stub.read(read(1, 0, 0, 0, 1))).getDescription()
            .contains("Create it first"));
        fails(Status.Code.NOT_FOUND, () -> stub.delete(DeleteRequest.newBuilder().setIndex(1).build()));
        fails(Status.Code.NOT_FOUND, () -> stub.updateInfo(UpdateInfoRequest.newBuilder().setIndex(1).setPresent(true).build()));
        fails(Status.Code.NOT_FOUND, () -> stub.monitor(MonitorRequest.newBuilder().setIndex(7).build()).hasNext());
    }

    @Test
    void creatingAnExistingModuleOrAnUnknownTypeIsRefused() {
        fails(Status.Code.ALREADY_EXISTS, () -> stub.create(CreateRequest.newBuilder().setIndex(0).build()));
        stub.create(CreateRequest.newBuilder().setIndex(1).build());
        fails(Status.Code.ALREADY_EXISTS, () -> stub.create(CreateRequest.newBuilder().setIndex(1).build()));
        Status s = fails(Status.Code.INVALID_ARGUMENT,
            () -> stub.create(CreateRequest.newBuilder().setIndex(1).setType("QSFP28").build()));
        assertTrue(s.getDescription().contains("XPO"), s::toString);
    }

    @Test
    void accessesOutsideTheWindowOrWithImpossibleNumbersAreInvalid() {
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, 0, 256, 1)));
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, 0, -1, 1)));
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, 0, 0, 0)));
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, 0, 0, -1)));
        Status past = fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, 0, 200, 128)));
        assertTrue(past.getDescription().contains("at most 56 bytes"), past::toString);
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 1, 256 + 0x10, 128, 1)));   // bank given twice
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 256, 0x10, 128, 1)));
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.read(read(0, 0, -1, 128, 1)));   // page 4294967295: bank 16777215
        fails(Status.Code.INVALID_ARGUMENT, () -> stub.write(write(0, 0x10, 145, 2).setLength(3).build()));
    }

    @Test
    void aPageOrBankTheModuleDoesNotHaveIsNamedInsteadOfReadingAnotherPage() {
        Status page = fails(Status.Code.FAILED_PRECONDITION, () -> stub.read(read(0, 0, 0x42, 128, 4)));
        assertTrue(page.getDescription().contains("page 42h"), page::toString);
        Status bank = fails(Status.Code.FAILED_PRECONDITION, () -> stub.read(read(0, 9, 0x10, 128, 4)));
        assertTrue(bank.getDescription().contains("bank 9"), bank::toString);
    }

    @Test
    void aWriteLongerThanTheModuleTakesIsRefusedAsTheModuleNacksIt() {
        byte[] before = readBytes(0, 0, 0x10, 145, 9);
        Status s = fails(Status.Code.FAILED_PRECONDITION, () -> stub.write(write(0, 0x10, 145, 9).build()));
        assertTrue(s.getDescription().contains("NACKed byte 9 of a 9-byte write") && s.getDescription().contains("split"),
            s::toString);
        assertArrayEquals(before, readBytes(0, 0, 0x10, 145, 9), "the module applied none of it");
        stub.write(write(0, 0x10, 145, 8).build());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, readBytes(0, 0, 0x10, 145, 8), "8 bytes are taken");
    }

    @Test
    void writingToAnEmptyCageFailsAndAModuleInResetIsUnavailable() {
        stub.create(CreateRequest.newBuilder().setIndex(1).build());
        fails(Status.Code.FAILED_PRECONDITION, () -> stub.write(write(1, 0x10, 145, 1).build()));
        chassis.cage(1).writePin(Pin.RESET_L, false);
        Status s = fails(Status.Code.UNAVAILABLE, () -> stub.read(read(0, 0, 0, 0, 1)));
        assertTrue(s.getDescription().contains("retry"), s::toString);
    }

    @Test
    void moreMonitorStreamsThanTheServerServesAreRefused() {
        var async = org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc.newStub(channel);
        for (int i = 0; i < AccessMonitor.MAX_STREAMS; i++)
            async.monitor(MonitorRequest.getDefaultInstance(), new io.grpc.stub.StreamObserver<>() {
                public void onNext(org.openxpo.emulator.grpc.proto.MonitorResponse v) {}
                public void onError(Throwable t) {}
                public void onCompleted() {}
            });
        soon().until(() -> grpc.monitorStreams() == AccessMonitor.MAX_STREAMS);
        fails(Status.Code.RESOURCE_EXHAUSTED, () -> stub.monitor(MonitorRequest.getDefaultInstance()).hasNext());
    }

    /** A write of {@code n} bytes 1, 2, … to bank 0 of {@code page} at {@code offset}. */
    static WriteRequest.Builder write(int index, int page, int offset, int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) data[i] = (byte) (i + 1);
        return WriteRequest.newBuilder().setIndex(index).setPage(page).setOffset(offset).setData(ByteString.copyFrom(data));
    }
}
