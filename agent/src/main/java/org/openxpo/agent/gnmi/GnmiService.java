package org.openxpo.agent.gnmi;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openxpo.agent.gnmi.encoding.ValueEncoder;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.path.RequestPaths;
import org.openxpo.agent.gnmi.proto.CapabilityRequest;
import org.openxpo.agent.gnmi.proto.CapabilityResponse;
import org.openxpo.agent.gnmi.proto.GetRequest;
import org.openxpo.agent.gnmi.proto.GetResponse;
import org.openxpo.agent.gnmi.proto.GnmiProto;
import org.openxpo.agent.gnmi.proto.ModelData;
import org.openxpo.agent.gnmi.proto.Notification;
import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.proto.SetRequest;
import org.openxpo.agent.gnmi.proto.SetResponse;
import org.openxpo.agent.gnmi.proto.SubscribeRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.gnmi.proto.gNMIGrpc;
import org.openxpo.agent.gnmi.tree.Scope;
import org.openxpo.agent.gnmi.tree.TreeQuery;
import org.openxpo.agent.gnmi.tree.YangModule;

/** The gNMI service of a telemetry-only target: Capabilities, Get and Subscribe over the agent's model; no Set. */
final class GnmiService extends gNMIGrpc.gNMIImplBase {
    /** The gNMI version this service implements, as its .proto declares it (the gnmi_service file option). */
    static final String VERSION = GnmiProto.getDescriptor().getOptions().getExtension(GnmiProto.gnmiService);

    private final ChassisData data;
    private final ScheduledExecutorService timers;
    private final GnmiOptions options;

    GnmiService(ChassisData data, ScheduledExecutorService timers, GnmiOptions options) {
        this.data = data;
        this.timers = timers;
        this.options = options;
    }

    @Override
    public void capabilities(CapabilityRequest request, StreamObserver<CapabilityResponse> out) {
        CapabilityResponse.Builder r = CapabilityResponse.newBuilder().setGNMIVersion(VERSION)
            .addAllSupportedEncodings(ValueEncoder.SUPPORTED);
        for (YangModule m : YangModule.values()) {
            if (m.served()) r.addSupportedModels(ModelData.newBuilder().setName(m.yangName())
                .setOrganization(m.organization()).setVersion(m.version()));
        }
        out.onNext(r.build());
        out.onCompleted();
    }

    @Override
    public void get(GetRequest request, StreamObserver<GetResponse> out) {
        try {
            out.onNext(answer(request));
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(GnmiErrors.of(e));
        }
    }

    private GetResponse answer(GetRequest request) {
        ValueEncoder encoder = ValueEncoder.of(request.getEncoding());
        if (request.getType() == GetRequest.DataType.CONFIG) {
            throw GnmiErrors.unimplemented("the agent serves state only: there is no config data to get");
        }
        List<Path> asked = request.getPathCount() == 0 ? List.of(Path.getDefaultInstance()) : request.getPathList();
        Scope scope = data.all();
        long now = nanos(Instant.now());
        GetResponse.Builder r = GetResponse.newBuilder();
        for (Path p : asked) {
            Path path = RequestPaths.join(request.getPrefix(), p);
            TreeQuery.checkServed(path);
            Notification.Builder n = Notification.newBuilder().setTimestamp(now);
            for (TreeQuery.Node node : TreeQuery.find(path, scope)) add(n, node, encoder);
            if (n.getUpdateCount() == 0) throw GnmiErrors.notFound("no data at " + PathStrings.format(path));
            r.addNotification(n);
        }
        return r.build();
    }

    /** A leaf as its value; a subtree as one JSON object, or with PROTO leaf by leaf. */
    private static void add(Notification.Builder n, TreeQuery.Node node, ValueEncoder encoder) {
        if (node.schema() instanceof org.openxpo.agent.gnmi.tree.SchemaNode.Leaf || !encoder.carriesSubtrees()) {
            TreeQuery.leaves(node, l -> n.addUpdate(Update.newBuilder().setPath(l.path()).setVal(encoder.leaf(l.value()))));
            return;
        }
        List<TreeQuery.LeafData> any = new java.util.ArrayList<>(1);
        TreeQuery.leaves(node, l -> { if (any.isEmpty()) any.add(l); });
        if (!any.isEmpty()) n.addUpdate(Update.newBuilder().setPath(node.path()).setVal(encoder.subtree(node)));
    }

    @Override
    public void set(SetRequest request, StreamObserver<SetResponse> out) {
        out.onError(GnmiErrors.unimplemented("the agent is telemetry only: Set is not implemented; "
            + "use the REST control operations"));
    }

    @Override
    public StreamObserver<SubscribeRequest> subscribe(StreamObserver<SubscribeResponse> out) {
        return new SubscribeSession(data, timers, options, (ServerCallStreamObserver<SubscribeResponse>) out);
    }

    static long nanos(Instant t) { return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano(); }
}
