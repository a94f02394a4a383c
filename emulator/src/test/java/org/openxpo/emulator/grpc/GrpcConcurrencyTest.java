package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.GetInfoRequest;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.grpc.proto.UpdateInfoRequest;
import org.openxpo.emulator.grpc.proto.WriteRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients on several cages at once, each on its own connection, while another module is plugged and pulled: every
 * client reads back exactly what it wrote (page selects of one never leak into another's access, even on one cage).
 */
class GrpcConcurrencyTest extends GrpcFixture {
    @Test
    void concurrentClientsOnSeveralCagesReadBackWhatTheyWroteWhileAModuleIsPluggedAndPulled() throws Exception {
        int rounds = 150;
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int client = 0; client < 6; client++) {
            int index = client % 3, bank = client;   // two clients per cage, on different banks
            var stub = SfpEmulatorServiceGrpc.newBlockingStub(channel());
            clients.add(CompletableFuture.runAsync(() -> {
                for (int k = 0; k < rounds; k++) {
                    byte[] config = new byte[8];
                    Arrays.fill(config, (byte) (0x10 | ((k + bank) % 8) << 1));
                    stub.write(WriteRequest.newBuilder().setIndex(index).setBank(bank).setPage(0x10).setOffset(145)
                        .setData(ByteString.copyFrom(config)).build());
                    byte[] back = stub.read(read(index, bank, 0x10, 145, 8)).getData().toByteArray();
                    assertArrayEquals(config, back, "cage " + (index + 1) + " bank " + bank + " round " + k);
                }
            }));
        }
        var plugger = SfpEmulatorServiceGrpc.newBlockingStub(channel());
        clients.add(CompletableFuture.runAsync(() -> {
            for (int k = 0; k < 20; k++) {
                boolean present = k % 2 == 1;
                plugger.updateInfo(UpdateInfoRequest.newBuilder().setIndex(3).setPresent(present).build());
                assertEquals(present, plugger.getInfo(GetInfoRequest.newBuilder().setIndex(3).build()).getPresent());
            }
        }));
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        assertEquals(true, chassis.cage(4).present(), "plugged last");
    }
}
