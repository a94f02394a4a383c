package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.CreateRequest;
import org.openxpo.emulator.grpc.proto.DataPathStateMachine;
import org.openxpo.emulator.grpc.proto.DeleteRequest;
import org.openxpo.emulator.grpc.proto.GetInfoRequest;
import org.openxpo.emulator.grpc.proto.GetInfoResponse;
import org.openxpo.emulator.grpc.proto.ListRequest;
import org.openxpo.emulator.grpc.proto.ListResponse;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.UpdateInfoRequest;
import org.openxpo.emulator.grpc.proto.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every RPC of the xcvr-emu service as SONiC's VS platform and xcvr-emu's own tests call them, over loopback TCP. */
class GrpcServiceTest extends GrpcFixture {
    /** Cage 4 (index 3) starts empty, as a chassis with a free slot. */
    @Override
    Set<Integer> emptyCages() { return Set.of(4); }

    @Test
    void listNamesEveryModuleByItsIndexFromZero() {
        ListResponse list = stub.list(ListRequest.getDefaultInstance());
        assertEquals(3, list.getInfosCount(), list::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, list.getInfos(i).getIndex());
            assertTrue(list.getInfos(i).getPresent());
        }
    }

    @Test
    void getInfoReportsPresenceTheModuleStateTheVendorAndEveryDataPath() {
        soon().until(() -> stub.getInfo(info(0)).getMsm().getState().equals("ModuleReady"));
        GetInfoResponse info = stub.getInfo(info(0));
        assertTrue(info.getPresent());
        assertEquals(0, info.getIndex());
        assertEquals("OPENXPO", info.getMsm().getVendorName());
        // the XPO profile's default: one 8-lane data path (AppSel 1, DataPathID 0) in each of the 8 banks
        assertEquals(8, info.getDpsmsCount(), info::toString);
        for (int bank = 0; bank < 8; bank++) {
            DataPathStateMachine dp = info.getDpsms(bank);
            assertEquals(bank, dp.getBank());
            assertEquals(0, dp.getDpid());
            assertEquals(1, dp.getAppsel());
            assertTrue(dp.getState().startsWith("DP"), dp::toString);
        }
    }

    @Test
    void readReturnsTheModulesBytesFromTheLowerPageAndAnUpperPage() {
        assertEquals(0x19, readBytes(0, 0, 0, 0, 1)[0] & 0xFF, "SFF-8024 identifier OSFP");
        String vendor = new String(readBytes(1, 0, 0, 129, 16), StandardCharsets.US_ASCII).strip();
        assertEquals(stub.getInfo(info(1)).getMsm().getVendorName(), vendor);
        byte[] both = readBytes(0, 0, 0, 0, 256);
        assertEquals(256, both.length);
        assertEquals(vendor, new String(both, 129, 16, StandardCharsets.US_ASCII).strip(), "lower page + page 00h");
    }

    @Test
    void writeChangesWhatTheBankedPageReadsAndABankUnawarePageNumberReachesTheSameBank() {
        byte[] config = {0x10, 0x12, 0x14, 0x16, 0x18, 0x1A, 0x1C, 0x1E};   // SCS0 DPConfigLane 10h:145-152
        stub.write(WriteRequest.newBuilder().setIndex(2).setBank(3).setPage(0x10).setOffset(145)
            .setData(ByteString.copyFrom(config)).setLength(8).build());
        assertArrayEquals(config, readBytes(2, 3, 0x10, 145, 8));
        assertArrayEquals(config, readBytes(2, 0, 3 * 256 + 0x10, 145, 8), "optoe numbering: page = bank * 256 + page");
        assertFalse(java.util.Arrays.equals(config, readBytes(2, 2, 0x10, 145, 8)), "bank 2 is another bank");
        assertFalse(java.util.Arrays.equals(config, readBytes(1, 3, 0x10, 145, 8)), "another module's memory");
    }

    @Test
    void createMakesAnUnpluggedModuleThatUpdateInfoPlugsAndPulls() {
        assertFalse(chassis.cage(4).present());
        stub.create(CreateRequest.newBuilder().setIndex(3).build());
        GetInfoResponse created = stub.getInfo(info(3));
        assertFalse(created.getPresent());
        assertEquals(0, created.getDpsmsCount());
        assertArrayEquals(new byte[4], readBytes(3, 0, 0, 0, 4), "an absent module reads as zeros (xcvr-emu)");
        assertEquals(4, stub.list(ListRequest.getDefaultInstance()).getInfosCount());

        stub.updateInfo(UpdateInfoRequest.newBuilder().setIndex(3).setPresent(true).build());
        assertTrue(stub.getInfo(info(3)).getPresent());
        awaitReady(4);
        assertEquals(0x19, readBytes(3, 0, 0, 0, 1)[0] & 0xFF, "the plugged module boots and answers");
        int cycles = chassis.cage(4).module().matingCycles();

        stub.updateInfo(UpdateInfoRequest.newBuilder().setIndex(3).setPresent(false).build());
        assertFalse(stub.getInfo(info(3)).getPresent());
        assertFalse(chassis.cage(4).present());
        stub.updateInfo(UpdateInfoRequest.newBuilder().setIndex(3).setPresent(true).build());
        assertEquals(cycles + 1, chassis.cage(4).module().matingCycles(), "the same module, one more mating cycle");
    }

    @Test
    void deleteRemovesThePluggedModuleAndItsIndex() {
        stub.delete(DeleteRequest.newBuilder().setIndex(1).build());
        assertFalse(chassis.cage(2).present());
        assertEquals(2, stub.list(ListRequest.getDefaultInstance()).getInfosCount());
        fails(Status.Code.NOT_FOUND, () -> stub.getInfo(info(1)));
        stub.create(CreateRequest.newBuilder().setIndex(1).setType("XPO").build());
        assertFalse(stub.getInfo(info(1)).getPresent(), "created again: not plugged until UpdateInfo");
    }

    @Test
    void forceOnAnEmptyCageIsRefusedBecauseNothingAnswersOnItsBus() {
        stub.create(CreateRequest.newBuilder().setIndex(3).build());
        Status s = fails(Status.Code.FAILED_PRECONDITION,
            () -> stub.read(ReadRequest.newBuilder(read(3, 0, 0, 0, 1)).setForce(true).build()));
        assertTrue(s.getDescription().contains("UpdateInfo present=true"), s::toString);
    }

    static GetInfoRequest info(int index) { return GetInfoRequest.newBuilder().setIndex(index).build(); }
}
