package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.CreateRequest;
import org.openxpo.emulator.grpc.proto.DeleteRequest;
import org.openxpo.emulator.grpc.proto.GetInfoRequest;
import org.openxpo.emulator.grpc.proto.ListRequest;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.UpdateInfoRequest;
import org.openxpo.emulator.grpc.proto.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RPC sequences of docs/emulator-server.md ("xcvr-emu gRPC service"), as their clients make them: SONiC's VS
 * platform (presence by GetInfo, optoe linear offsets turned into page/offset without a bank) and an xcvr-emu-based
 * test suite (Create, UpdateInfo, GetInfo, Read, Write, Delete).
 */
class VsPlatformSequenceTest extends GrpcFixture {
    @Override
    int cageCount() { return 2; }

    @Override
    Set<Integer> emptyCages() { return Set.of(2); }

    /** What the VS platform's Sfp sends for an optoe linear offset: page = offset / 128 - 1, offset = 128 + offset % 128. */
    private byte[] readEeprom(int index, int optoeOffset, int n) {
        ReadRequest.Builder r = ReadRequest.newBuilder().setIndex(index).setLength(n);
        if (optoeOffset < 128) r.setOffset(optoeOffset);
        else r.setPage(optoeOffset / 128 - 1).setOffset(128 + optoeOffset % 128);
        return stub.read(r.build()).getData().toByteArray();
    }

    private void writeEeprom(int index, int optoeOffset, byte[] data) {
        WriteRequest.Builder w = WriteRequest.newBuilder().setIndex(index).setData(ByteString.copyFrom(data))
            .setLength(data.length);
        if (optoeOffset < 128) w.setOffset(optoeOffset);
        else w.setPage(optoeOffset / 128 - 1).setOffset(128 + optoeOffset % 128);
        stub.write(w.build());
    }

    @Test
    void theVsPlatformSeesPresenceIdentityAndEveryBankThroughOptoeOffsets() {
        assertTrue(stub.getInfo(GetInfoRequest.newBuilder().setIndex(0).build()).getPresent(), "get_presence()");
        assertEquals(0x19, readEeprom(0, 0, 1)[0] & 0xFF, "identifier: a CMIS module (OSFP)");
        assertEquals("OPENXPO", new String(readEeprom(0, 129, 16), StandardCharsets.US_ASCII).strip(), "vendor name");
        // bank 1, page 10h, byte 145 (SCS0 DPConfigLane of lane 9) is optoe offset ((1 * 256 + 0x10) + 1) * 128 + 17
        int bank1Page10h = ((256 + 0x10) + 1) * 128 + (145 - 128);
        writeEeprom(0, bank1Page10h, new byte[] {0x12});
        assertArrayEquals(new byte[] {0x12}, readEeprom(0, bank1Page10h, 1));
        assertArrayEquals(new byte[] {0x12}, readBytes(0, 1, 0x10, 145, 1), "the same byte, addressed with a bank");
    }

    @Test
    void anXcvrEmuTestSuiteCreatesPlugsDrivesAndDeletesAModule() {
        stub.create(CreateRequest.newBuilder().setIndex(1).build());
        assertEquals(2, stub.list(ListRequest.getDefaultInstance()).getInfosCount());
        assertFalse(stub.getInfo(GetInfoRequest.newBuilder().setIndex(1).build()).getPresent());
        stub.updateInfo(UpdateInfoRequest.newBuilder().setIndex(1).setPresent(true).build());
        awaitReady(2);
        soon().until(() -> "ModuleReady".equals(stub.getInfo(GetInfoRequest.newBuilder().setIndex(1).build())
            .getMsm().getState()));
        assertEquals(3, (readBytes(1, 0, 0, 3, 1)[0] >> 1) & 7, "ModuleState (00h:3 bits 3-1): ModuleReady");
        stub.write(WriteRequest.newBuilder().setIndex(1).setOffset(26).setData(ByteString.copyFrom(new byte[] {0x10}))
            .build());   // LowPwrRequestSW
        soon().until(() -> "ModuleLowPwr".equals(stub.getInfo(GetInfoRequest.newBuilder().setIndex(1).build())
            .getMsm().getState()));
        assertEquals(1, (readBytes(1, 0, 0, 3, 1)[0] >> 1) & 7, "ModuleState: ModuleLowPwr");
        stub.delete(DeleteRequest.newBuilder().setIndex(1).build());
        assertEquals(1, stub.list(ListRequest.getDefaultInstance()).getInfosCount());
    }
}
