package org.openxpo.agent.gnmi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.agent.gnmi.GnmiClient.list;
import static org.openxpo.agent.gnmi.GnmiClient.sub;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.proto.CapabilityRequest;
import org.openxpo.agent.gnmi.proto.CapabilityResponse;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.GetRequest;
import org.openxpo.agent.gnmi.proto.GetResponse;
import org.openxpo.agent.gnmi.proto.ModelData;
import org.openxpo.agent.gnmi.proto.SetRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.SubscriptionList;
import org.openxpo.agent.gnmi.proto.SubscriptionMode;
import org.openxpo.agent.gnmi.proto.TypedValue;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.emulator.fault.Fault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A grpc-java gNMI client against the agent serving an emulated chassis of two modules over the emulator link. */
class GnmiServerTest {
    static final PollOptions FAST = PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(100))
        .withAlarmInterval(Duration.ofMillis(100));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String A = "/components/component[name=a]";

    final GnmiChassis chassis = new GnmiChassis(2, FAST, VdmSource.NONE).awaitPolled();

    void serve(GnmiOptions options, String clientToken) { chassis.serve(options, clientToken); }

    void serve() { serve(GnmiOptions.loopback(0, FAST.snapshotInterval()), null); }

    @AfterEach
    void stop() { chassis.close(); }

    GetResponse get(String path, Encoding enc) {
        return chassis.client.blocking.get(GetRequest.newBuilder().addPath(PathStrings.parse(path)).setEncoding(enc).build());
    }

    static Status.Code code(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    static List<Update> updates(List<SubscribeResponse> rs) {
        return rs.stream().filter(SubscribeResponse::hasUpdate).flatMap(r -> r.getUpdate().getUpdateList().stream()).toList();
    }

    @Test
    void capabilitiesNameTheModelsWithTheAugmentationAndTheEncodings() {
        serve();
        CapabilityResponse c = chassis.client.blocking.capabilities(CapabilityRequest.getDefaultInstance());
        assertEquals("0.10.0", c.getGNMIVersion());
        assertEquals(Set.of("openconfig-platform", "openconfig-platform-transceiver", "openxpo-platform-ext"),
            Set.copyOf(c.getSupportedModelsList().stream().map(ModelData::getName).toList()));
        assertEquals(List.of(Encoding.JSON, Encoding.JSON_IETF, Encoding.PROTO), c.getSupportedEncodingsList());
    }

    @Test
    void getAnswersALeafInEachEncoding() {
        serve();
        String serial = A + "/state/serial-no";
        assertEquals("\"XPO0000001\"", get(serial, Encoding.JSON).getNotification(0).getUpdate(0).getVal().getJsonVal().toStringUtf8());
        TypedValue volts = get(A + "/transceiver/state/supply-voltage/instant", Encoding.PROTO).getNotification(0).getUpdate(0).getVal();
        assertEquals(3.3, volts.getDoubleVal(), 0.2, "decimal64 goes in double_val");
        String ietf = get(A + "/transceiver/state/supply-voltage/instant", Encoding.JSON_IETF)
            .getNotification(0).getUpdate(0).getVal().getJsonIetfVal().toStringUtf8();
        assertTrue(ietf.matches("\"3\\.\\d\\d\""), "RFC 7951 writes decimal64 as a string: " + ietf);
    }

    @Test
    void getOfASubtreeInJsonIetfQualifiesNamesWhereTheModuleChanges() throws Exception {
        serve();
        GetResponse r = get(A, Encoding.JSON_IETF);
        Update u = r.getNotification(0).getUpdate(0);
        assertEquals(A, PathStrings.format(u.getPath()));
        JsonNode tree = JSON.readTree(u.getVal().getJsonIetfVal().toStringUtf8());
        assertEquals("openconfig-platform-types:TRANSCEIVER", tree.at("/state/type").asString());
        JsonNode transceiver = tree.get("openconfig-platform-transceiver:transceiver");
        assertNotNull(transceiver, "the transceiver augment is qualified: " + tree.propertyNames());
        assertEquals(64, transceiver.at("/physical-channels/channel").size());
        assertTrue(transceiver.at("/physical-channels/channel/0/index").isNumber(), "RFC 7951: uint16 is a number");
        assertEquals(0, transceiver.at("/physical-channels/channel/0/index").asInt());
        assertTrue(transceiver.at("/state/supply-voltage/instant").isString(), "RFC 7951: decimal64 is a string");
    }

    @Test
    void thresholdsAreServedPerSeverityWithPowersInDbm() {
        serve();
        String t = A + "/transceiver/thresholds/threshold[severity=%s]/state/%s";
        double critical = get(t.formatted("CRITICAL", "module-temperature-upper"), Encoding.PROTO)
            .getNotification(0).getUpdate(0).getVal().getDoubleVal();
        double warning = get(t.formatted("WARNING", "module-temperature-upper"), Encoding.PROTO)
            .getNotification(0).getUpdate(0).getVal().getDoubleVal();
        assertTrue(warning < critical, "the warning bound comes first: " + warning + " < " + critical);
        double rxLow = get(t.formatted("CRITICAL", "input-power-lower"), Encoding.PROTO)
            .getNotification(0).getUpdate(0).getVal().getDoubleVal();
        assertTrue(rxLow < 0 && rxLow >= -40, "Rx power low alarm in dBm: " + rxLow);
        assertEquals("\"CRITICAL\"", get(A + "/transceiver/thresholds/threshold[severity=CRITICAL]/severity", Encoding.JSON)
            .getNotification(0).getUpdate(0).getVal().getJsonVal().toStringUtf8());
    }

    @Test
    void onceWithAChannelWildcardSendsEveryLaneOfEveryModuleThenSyncAndCloses() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.ONCE, Encoding.JSON,
            sub("/components/component/transceiver/physical-channels/channel[index=*]/state/output-power/instant",
                SubscriptionMode.TARGET_DEFINED, Duration.ZERO, Duration.ZERO)));
        s.awaitEnd();
        assertNull(s.error);
        assertEquals(128, updates(s.responses).size(), "64 lanes × 2 modules");
        assertTrue(s.responses.getLast().getSyncResponse(), "sync_response last");
        assertTrue(updates(s.responses).stream().allMatch(u -> Double.parseDouble(u.getVal().getJsonVal().toStringUtf8()) > -40));
    }

    @Test
    void pollAnswersEachPollWithValuesThenSync() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.POLL, Encoding.PROTO,
            sub(A + "/state/temperature/instant", SubscriptionMode.TARGET_DEFINED, Duration.ZERO, Duration.ZERO)));
        s.poll();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.syncs() == 1);
        s.poll();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.syncs() == 2);
        assertEquals(2, updates(s.responses).size());
        assertTrue(updates(s.responses).getFirst().getVal().getDoubleVal() > 0, "module temperature in °C");
        s.cancel();
    }

    @Test
    void streamSampleResendsAtTheInterval() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON,
            sub(A + "/state/serial-no", SubscriptionMode.SAMPLE, Duration.ofMillis(100), Duration.ZERO)));
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        await().atMost(Duration.ofSeconds(10)).until(() -> updates(s.responses).size() >= 3);
        assertTrue(updates(s.responses).stream().allMatch(u -> u.getVal().getJsonVal().toStringUtf8().equals("\"XPO0000001\"")));
        s.cancel();
    }

    @Test
    void updatesOnlyStartsWithTheSyncAndHeartbeatsResendUnchangedValues() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON,
            sub(A + "/state/serial-no", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ofMillis(150))).toBuilder()
            .setUpdatesOnly(true).build());
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        assertTrue(s.responses.getFirst().getSyncResponse(), "updates_only: the sync comes first");
        await().atMost(Duration.ofSeconds(10)).until(() -> updates(s.responses).size() >= 2);
        s.cancel();
    }

    @Test
    void onChangeReportsAnInjectedLaserFailureAndDeletesItsAlarmWhenCleared() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON_IETF,
            sub(A + "/transceiver/physical-channels/channel[index=8]/state/tx-failure", SubscriptionMode.ON_CHANGE,
                Duration.ZERO, Duration.ZERO),
            sub(A + "/transceiver/openxpo-platform-ext:xpo/alarms", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO)));
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        var fault = chassis.bench.cage(1).module().inject(new Fault.LaserFailure(Set.of(9)));
        s.awaitResponse("tx-failure true on channel 8 (host lane 9)", r -> r.getUpdate().getUpdateList().stream()
            .anyMatch(u -> PathStrings.format(u.getPath()).endsWith("channel[index=8]/state/tx-failure")
                && u.getVal().getJsonIetfVal().toStringUtf8().equals("true")));
        s.awaitResponse("the alarm entry", r -> r.getUpdate().getUpdateList().stream()
            .anyMatch(u -> PathStrings.format(u.getPath()).endsWith("alarm[name=TxFailure@9]/state/severity")));
        chassis.bench.cage(1).module().clearFault(fault.id());
        s.awaitResponse("the alarm deleted", r -> r.getUpdate().getDeleteList().stream()
            .anyMatch(p -> PathStrings.format(p).endsWith("alarm[name=TxFailure@9]/state/severity")));
        s.cancel();
    }

    @Test
    void aRemovedModuleIsDeletedFromStreams() {
        serve();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON,
            sub("/components/component[name=b]/state/serial-no", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO)));
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        chassis.registry.remove("b");
        s.awaitResponse("component b deleted", r -> r.getUpdate().getDeleteList().stream()
            .anyMatch(p -> PathStrings.format(p).equals("/components/component[name=b]")));
        s.cancel();
    }

    /** A client that reads nothing: its stream is dropped once its queue is full, and polling goes on. */
    @Test
    void aSubscriberThatDoesNotReadIsDroppedAndPollingGoesOn() {
        serve(GnmiOptions.loopback(0, FAST.snapshotInterval()).withMaxQueuedResponses(4), null);
        var stalled = new io.grpc.stub.ClientResponseObserver<org.openxpo.agent.gnmi.proto.SubscribeRequest, SubscribeResponse>() {
            volatile io.grpc.stub.ClientCallStreamObserver<org.openxpo.agent.gnmi.proto.SubscribeRequest> call;
            volatile Throwable error;
            @Override public void beforeStart(io.grpc.stub.ClientCallStreamObserver<org.openxpo.agent.gnmi.proto.SubscribeRequest> c) {
                call = c;
                c.disableAutoRequestWithInitial(0);
            }
            @Override public void onNext(SubscribeResponse r) { }
            @Override public void onError(Throwable t) { error = t; }
            @Override public void onCompleted() { }
        };
        var requests = chassis.client.async.subscribe(stalled);
        requests.onNext(org.openxpo.agent.gnmi.proto.SubscribeRequest.newBuilder().setSubscribe(list(
            SubscriptionList.Mode.STREAM, Encoding.JSON, sub("/...", SubscriptionMode.SAMPLE, Duration.ofMillis(100),
                Duration.ZERO))).build());
        long polls = chassis.registry.module("a").orElseThrow().view().health().polls();
        await().atMost(Duration.ofSeconds(20)).until(() -> chassis.registry.module("a").orElseThrow().view().health().polls() > polls + 20);
        stalled.call.request(Integer.MAX_VALUE);
        await().atMost(Duration.ofSeconds(20)).until(() -> stalled.error != null);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, Status.fromThrowable(stalled.error).getCode());
        assertTrue(Status.fromThrowable(stalled.error).getDescription().contains("too slow"));
    }

    @Test
    void badRequestsGetTheStatusGnmiNames() {
        serve();
        assertEquals(Status.Code.UNIMPLEMENTED, code(() -> get("/components/component/nosuch", Encoding.JSON)));
        assertEquals(Status.Code.UNIMPLEMENTED, code(() -> get("/interfaces", Encoding.JSON)));
        assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> get("/components/component/state[x=1]", Encoding.JSON)));
        assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> get("/components/component[id=1]", Encoding.JSON)));
        assertEquals(Status.Code.NOT_FOUND, code(() -> get("/components/component[name=nosuch]", Encoding.JSON)));
        assertEquals(Status.Code.UNIMPLEMENTED, code(() -> get(A, Encoding.ASCII)));
        assertEquals(Status.Code.UNIMPLEMENTED, code(() -> get("other:" + A, Encoding.JSON)));
        assertEquals(Status.Code.UNIMPLEMENTED, code(() -> chassis.client.blocking.set(SetRequest.getDefaultInstance())));
        var tooFast = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON,
            sub(A + "/state/serial-no", SubscriptionMode.SAMPLE, Duration.ofNanos(1), Duration.ZERO)));
        tooFast.awaitEnd();
        assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(tooFast.error).getCode());
        assertTrue(Status.fromThrowable(tooFast.error).getDescription().contains("sample_interval"));
    }

    @Test
    void aTokenIsRequiredWhenConfiguredAndOtherAddressesNeedTlsAndAToken() {
        serve(GnmiOptions.loopback(0, FAST.snapshotInterval()).withToken("s3cret"), null);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> chassis.client.blocking.capabilities(CapabilityRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertFalse(e.getMessage().contains("s3cret"));
        try (GnmiClient ok = new GnmiClient(chassis.server.port(), "s3cret")) {
            assertEquals("0.10.0", ok.blocking.capabilities(CapabilityRequest.getDefaultInstance()).getGNMIVersion());
        }
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> new GnmiOptions(
            new InetSocketAddress("0.0.0.0", 0), null, null, "t", Duration.ofMillis(100), Duration.ofSeconds(1), 10));
        assertTrue(open.getMessage().contains("TLS"));
    }
}
