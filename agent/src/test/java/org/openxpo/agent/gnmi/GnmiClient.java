package org.openxpo.agent.gnmi;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.SubscribeRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.Subscription;
import org.openxpo.agent.gnmi.proto.SubscriptionList;
import org.openxpo.agent.gnmi.proto.SubscriptionMode;
import org.openxpo.agent.gnmi.proto.gNMIGrpc;


/** Test fixture: a grpc-java gNMI client on the agent's port, and one recorded Subscribe stream at a time. */
final class GnmiClient implements AutoCloseable {
    final ManagedChannel channel;
    final gNMIGrpc.gNMIBlockingStub blocking;
    final gNMIGrpc.gNMIStub async;

    GnmiClient(int port, String token) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(64 << 20).build();
        gNMIGrpc.gNMIBlockingStub b = gNMIGrpc.newBlockingStub(channel);
        gNMIGrpc.gNMIStub a = gNMIGrpc.newStub(channel);
        if (token != null) {
            Metadata m = new Metadata();
            m.put(TokenInterceptor.AUTHORIZATION, "Bearer " + token);
            b = b.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
            a = a.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
        }
        blocking = b.withDeadlineAfter(30, TimeUnit.SECONDS);
        async = a;
    }

    static Subscription sub(String path, SubscriptionMode mode, Duration sample, Duration heartbeat) {
        return Subscription.newBuilder().setPath(PathStrings.parse(path)).setMode(mode)
            .setSampleInterval(sample.toNanos()).setHeartbeatInterval(heartbeat.toNanos()).build();
    }

    static SubscriptionList list(SubscriptionList.Mode mode, Encoding enc, Subscription... subs) {
        return SubscriptionList.newBuilder().setMode(mode).setEncoding(enc).addAllSubscription(List.of(subs)).build();
    }

    /** Opens a Subscribe stream with {@code list} and records what comes back. */
    Stream subscribe(SubscriptionList list) {
        Stream s = new Stream();
        s.requests = async.subscribe(s);
        s.requests.onNext(SubscribeRequest.newBuilder().setSubscribe(list).build());
        return s;
    }

    static final class Stream implements StreamObserver<SubscribeResponse> {
        final List<SubscribeResponse> responses = new CopyOnWriteArrayList<>();
        volatile Throwable error;
        volatile boolean completed;
        StreamObserver<SubscribeRequest> requests;

        @Override public void onNext(SubscribeResponse r) { responses.add(r); }
        @Override public void onError(Throwable t) { error = t; }
        @Override public void onCompleted() { completed = true; }

        void poll() { requests.onNext(SubscribeRequest.newBuilder().setPoll(org.openxpo.agent.gnmi.proto.Poll.getDefaultInstance()).build()); }

        long syncs() { return responses.stream().filter(SubscribeResponse::getSyncResponse).count(); }

        /** Waits until a response matches. */
        SubscribeResponse awaitResponse(String what, Predicate<SubscribeResponse> p) {
            org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(() -> responses.stream().anyMatch(p) || error != null);
            return responses.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError(what + ": " + error));
        }

        void awaitEnd() { org.awaitility.Awaitility.await("stream end").atMost(Duration.ofSeconds(20)).until(() -> completed || error != null); }

        void cancel() { requests.onError(new RuntimeException("test done")); }
    }

    @Override
    public void close() { channel.shutdownNow(); }
}
