package org.openxpo.emulator.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.openxpo.emulator.grpc.proto.MonitorResponse;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * One Monitor call: the accesses it wants, sent as fast as gRPC flow control lets them go ({@code isReady}, drained
 * again from the on-ready handler). What the client has not taken waits in a bounded queue; when that is full the
 * stream is ended with RESOURCE_EXHAUSTED, so a slow reader never holds up the bus, the accessing client or the other
 * streams.
 */
final class MonitorStream {
    private final ServerCallStreamObserver<MonitorResponse> call;
    /** The cage watched, 0 for every cage. */
    private final int cage;
    private final ArrayBlockingQueue<MonitorResponse> pending;
    private final int capacity;
    private final Runnable onEnd;
    /** Guarded by {@code this}, like every call of {@link #call}. */
    private boolean ended;

    MonitorStream(ServerCallStreamObserver<MonitorResponse> call, int cage, int capacity, Runnable onEnd) {
        this.call = call;
        this.cage = cage;
        this.pending = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.onEnd = onEnd;
    }

    /** Hooks the stream to its call's flow control and cancellation; called once, in the Monitor handler. */
    void attach() {
        call.setOnReadyHandler(this::drain);
        call.setOnCancelHandler(this::cancelled);
    }

    boolean watches(int accessedCage) { return cage == 0 || cage == accessedCage; }

    /** Queues {@code access} and sends what flow control allows; a full queue ends the stream. */
    void offer(MonitorResponse access) {
        if (pending.offer(access)) drain();
        else overflow();
    }

    /** Sends queued accesses while the transport is ready for more. */
    synchronized void drain() {
        if (ended) return;
        MonitorResponse next;
        while (call.isReady() && (next = pending.poll()) != null) call.onNext(next);
    }

    private synchronized void overflow() {
        if (ended) return;
        end();
        call.onError(Status.RESOURCE_EXHAUSTED.withDescription("Monitor stream dropped: the client fell "
            + capacity + " accesses behind (read the stream faster, or watch one "
            + "index instead of all)").asRuntimeException());
    }

    /** The server is closing: end the stream cleanly. */
    synchronized void complete() {
        if (ended) return;
        end();
        call.onCompleted();
    }

    private synchronized void cancelled() {
        if (!ended) end();
    }

    private void end() {
        ended = true;
        pending.clear();
        onEnd.run();
    }
}
