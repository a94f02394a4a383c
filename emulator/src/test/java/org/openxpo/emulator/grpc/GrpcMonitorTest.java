package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.grpc.proto.MonitorRequest;
import org.openxpo.emulator.grpc.proto.MonitorResponse;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.grpc.proto.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monitor: every access after it ran, for one index or all; a reader that falls behind is dropped, nobody waits. */
class GrpcMonitorTest extends GrpcFixture {
    @Test
    void aStreamSeesEveryReadAndWriteWithWhatWasReadOrWritten() throws Exception {
        Watcher one = watch(channel, 2);
        Watcher all = watch(channel, 0);
        soon().until(() -> grpc.monitorStreams() == 2);
        byte[] config = {0x10, 0x12};
        stub.write(WriteRequest.newBuilder().setIndex(2).setBank(5).setPage(0x10).setOffset(145)
            .setData(ByteString.copyFrom(config)).build());
        byte[] id = readBytes(2, 0, 0, 0, 1);
        readBytes(1, 0, 0, 0, 1);
        soon().until(() -> all.seen.size() == 3 && one.seen.size() == 2);
        MonitorResponse w = one.seen.poll(), r = one.seen.poll();
        assertTrue(w.getWrite() && w.getPresent());
        assertEquals(2, w.getIndex());
        assertEquals(5, w.getBank());
        assertEquals(0x10, w.getPage());
        assertEquals(145, w.getOffset());
        assertEquals(2, w.getLength());
        assertArrayEquals(config, w.getData().toByteArray());
        assertFalse(r.getWrite());
        assertArrayEquals(id, r.getData().toByteArray());
        assertTrue(all.seen.stream().anyMatch(m -> m.getIndex() == 1), "index 0 watches every module");
    }

    @Test
    void underLoadFromSeveralClientsEveryAccessArrives() throws Exception {
        Watcher all = watch(channel(), 0);
        soon().until(() -> grpc.monitorStreams() == 1);
        int perClient = 300;
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            int i = index;
            var client = SfpEmulatorServiceGrpc.newBlockingStub(channel());
            clients.add(CompletableFuture.runAsync(() -> {
                for (int k = 0; k < perClient; k++) client.read(read(i, 0, 0x11, 128, 128));
            }));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        soon().until(() -> all.seen.size() == 4 * perClient);
        for (int index = 0; index < 4; index++) {
            int i = index;
            assertEquals(perClient, all.seen.stream().filter(m -> m.getIndex() == i).count());
        }
        assertEquals(null, all.error.get());
    }

    @Test
    void aStreamWhoseReaderStopsIsDroppedWhileReadsAndOtherStreamsGoOn() throws Exception {
        ManagedChannel slowChannel = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext()
            .flowControlWindow(64 * 1024).build();
        try {
            AtomicReference<Throwable> slowEnd = new AtomicReference<>();
            AtomicReference<ClientCallStreamObserver<MonitorRequest>> slowCall = new AtomicReference<>();
            SfpEmulatorServiceGrpc.newStub(slowChannel).monitor(MonitorRequest.getDefaultInstance(),
                new ClientResponseObserver<MonitorRequest, MonitorResponse>() {
                    public void beforeStart(ClientCallStreamObserver<MonitorRequest> call) {
                        call.disableAutoRequestWithInitial(0);   // takes nothing: the server's queue for it fills
                        slowCall.set(call);
                    }
                    public void onNext(MonitorResponse value) {}
                    public void onError(Throwable t) { slowEnd.set(t); }
                    public void onCompleted() {}
                });
            Watcher fast = watch(channel(), 0);
            soon().until(() -> grpc.monitorStreams() == 2);
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Integer>> readers = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                int i = index;
                var client = SfpEmulatorServiceGrpc.newBlockingStub(channel());
                readers.add(CompletableFuture.supplyAsync(() -> {
                    int n = 0;
                    while (!stop.get() && n < 50_000) {
                        client.read(read(i, 0, 0x11, 0, 256));
                        n++;
                    }
                    return n;
                }));
            }
            soon().atMost(java.time.Duration.ofSeconds(60)).until(() -> grpc.monitorStreams() == 1);
            stop.set(true);
            int reads = 0;
            for (CompletableFuture<Integer> r : readers) reads += r.get(30, TimeUnit.SECONDS);
            slowCall.get().request(Integer.MAX_VALUE);   // the client reads again: what was sent, then the status
            soon().until(() -> slowEnd.get() != null);
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, Status.fromThrowable(slowEnd.get()).getCode(),
                slowEnd.get()::toString);
            int total = reads;
            soon().until(() -> fast.seen.size() == total);
            assertEquals(null, fast.error.get(), "the fast stream was not dropped with the slow one");
            assertEquals(1, grpc.monitorStreams());
        } finally {
            slowChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** A stream that takes everything it is sent. */
    static final class Watcher implements StreamObserver<MonitorResponse> {
        final ConcurrentLinkedQueue<MonitorResponse> seen = new ConcurrentLinkedQueue<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        public void onNext(MonitorResponse value) { seen.add(value); }
        public void onError(Throwable t) { error.set(t); }
        public void onCompleted() {}
    }

    static Watcher watch(ManagedChannel on, int index) {
        Watcher w = new Watcher();
        SfpEmulatorServiceGrpc.newStub(on).monitor(MonitorRequest.newBuilder().setIndex(index).build(), w);
        return w;
    }
}
