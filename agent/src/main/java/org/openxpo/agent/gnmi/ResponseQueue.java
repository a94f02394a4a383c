package org.openxpo.agent.gnmi;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;

/**
 * The responses of one Subscribe stream waiting for the client, sent as fast as gRPC's flow control lets them go
 * (the transport's onReady signal). The queue is bounded: a subscriber that falls {@code limit} responses behind is
 * dropped with RESOURCE_EXHAUSTED, so a slow client costs memory up to the bound and never holds up the agent.
 */
final class ResponseQueue {
    private static final Object COMPLETE = new Object();

    private final ServerCallStreamObserver<SubscribeResponse> out;
    private final int limit;
    private final Runnable onClose;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    ResponseQueue(ServerCallStreamObserver<SubscribeResponse> out, int limit, Runnable onClose) {
        this.out = out;
        this.limit = limit;
        this.onClose = onClose;
        out.setOnReadyHandler(this::drain);
        out.setOnCancelHandler(this::cancelled);
    }

    /** Queues one response; false once the stream is closed (or just closed for being too far behind). */
    boolean offer(SubscribeResponse r) {
        if (closed) return false;
        if (pending.incrementAndGet() > limit) {
            fail(Status.RESOURCE_EXHAUSTED.withDescription("subscriber too slow: " + limit
                + " responses were waiting; the subscription is dropped").asRuntimeException());
            return false;
        }
        queue.add(r);
        drain();
        return true;
    }

    /** Ends the stream normally once every queued response has gone. */
    void complete() { terminate(COMPLETE); }

    /** Ends the stream with {@code error}; queued responses are dropped. */
    void fail(StatusRuntimeException error) {
        queue.clear();
        terminate(error);
    }

    boolean closed() { return closed; }

    private void terminate(Object how) {
        if (closed) return;
        closed = true;
        queue.add(how);
        drain();
        onClose.run();
    }

    private synchronized void drain() {
        if (out.isCancelled()) return;
        for (Object next = queue.peek(); next != null; next = queue.peek()) {
            if (next == COMPLETE || next instanceof StatusRuntimeException) {
                queue.clear();
                if (next == COMPLETE) out.onCompleted();
                else out.onError((StatusRuntimeException) next);
                return;
            }
            if (!out.isReady()) return;
            queue.poll();
            pending.decrementAndGet();
            out.onNext((SubscribeResponse) next);
        }
    }

    private void cancelled() {
        closed = true;
        queue.clear();
        onClose.run();
    }
}
