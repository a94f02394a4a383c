package org.openxpo.emulator.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.openxpo.emulator.grpc.proto.MonitorResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open Monitor streams, and the fan-out of each executed access to the ones that watch its cage. */
final class AccessMonitor {
    /** Accesses one stream may have queued before it is dropped. */
    static final int STREAM_CAPACITY = 4096;
    /** Monitor streams open at once; more are refused with RESOURCE_EXHAUSTED. */
    static final int MAX_STREAMS = 64;

    private final List<MonitorStream> streams = new CopyOnWriteArrayList<>();
    private final int capacity;

    AccessMonitor(int capacity) { this.capacity = capacity; }

    /** Opens a stream for {@code cage} (0: every cage). */
    void open(ServerCallStreamObserver<MonitorResponse> call, int cage) {
        MonitorStream[] self = new MonitorStream[1];
        MonitorStream stream = new MonitorStream(call, cage, capacity, () -> streams.remove(self[0]));
        self[0] = stream;
        synchronized (streams) {
            if (streams.size() >= MAX_STREAMS) {
                throw Status.RESOURCE_EXHAUSTED.withDescription("this server serves at most " + MAX_STREAMS
                    + " Monitor streams at once; close one (or watch every index from a single stream)")
                    .asRuntimeException();
            }
            streams.add(stream);
        }
        stream.attach();
    }

    /** True when some stream watches {@code cage}: the caller builds the message only then. */
    boolean watched(int cage) {
        for (MonitorStream s : streams) if (s.watches(cage)) return true;
        return false;
    }

    void publish(int cage, MonitorResponse access) {
        for (MonitorStream s : streams) if (s.watches(cage)) s.offer(access);
    }

    /** Ends every stream cleanly (the server is closing). */
    void completeAll() {
        for (MonitorStream s : streams) s.complete();
    }

    /** Streams open now. */
    int streams() { return streams.size(); }
}
