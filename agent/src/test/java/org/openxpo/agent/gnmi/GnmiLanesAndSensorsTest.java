package org.openxpo.agent.gnmi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.agent.gnmi.GnmiClient.list;
import static org.openxpo.agent.gnmi.GnmiClient.sub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.GetRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.SubscriptionList;
import org.openxpo.agent.gnmi.proto.SubscriptionMode;
import org.openxpo.agent.gnmi.proto.TypedValue;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.emulator.fault.Fault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel flags and their counters, host lanes, transceiver-level aggregates, the cooling SENSOR components and
 * the XPO thresholds, with a grpc-java client against the agent serving two emulated modules over the link.
 */
class GnmiLanesAndSensorsTest {
    static final String A = "/components/component[name=a]";
    static final String CHANNEL_4 = A + "/transceiver/physical-channels/channel[index=4]/state";
    static final String HOST_LANE_5 = A + "/transceiver/host-lanes/lane[lane-number=5]/state";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final GnmiChassis chassis = new GnmiChassis(2, GnmiServerTest.FAST, VdmSource.NONE).awaitPolled()
        .serve(GnmiOptions.loopback(0, GnmiServerTest.FAST.snapshotInterval()), null);

    @AfterEach
    void stop() { chassis.close(); }

    /** One Get of several paths (one scope, so values agree), leaf path → value. */
    Map<String, TypedValue> get(Encoding enc, String... paths) {
        GetRequest.Builder r = GetRequest.newBuilder().setEncoding(enc);
        for (String p : paths) r.addPath(PathStrings.parse(p));
        return chassis.client.blocking.get(r.build()).getNotificationList().stream().flatMap(n -> n.getUpdateList().stream())
            .collect(Collectors.toMap(u -> PathStrings.format(u.getPath()), Update::getVal, (x, y) -> x,
                java.util.LinkedHashMap::new));
    }

    TypedValue leaf(Encoding enc, String path) { return get(enc, path).get(path); }

    static boolean sent(SubscribeResponse r, String path, Function<TypedValue, Boolean> value) {
        return r.getUpdate().getUpdateList().stream().anyMatch(u -> PathStrings.format(u.getPath()).equals(path)
            && value.apply(u.getVal()));
    }

    @Test
    void anRxLosOnLane5TurnsChannel4TrueBumpsItsCounterAndLeavesTheHostLaneClear() {
        long before = leaf(Encoding.PROTO, CHANNEL_4 + "/counters/rx-los-count").getUintVal();
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.PROTO,
            sub(CHANNEL_4 + "/rx-los", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO),
            sub(CHANNEL_4 + "/counters", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO),
            sub(HOST_LANE_5, SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO)));
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        assertTrue(s.responses.stream().anyMatch(r -> sent(r, HOST_LANE_5 + "/lane-number", v -> v.getUintVal() == 5)),
            "host lane 5 is keyed 1-based: " + s.responses);

        var fault = chassis.bench.cage(1).module().inject(new Fault.RxLossOfSignal(Set.of(5)));
        s.awaitResponse("rx-los true on channel 4 (host lane 5)", r -> sent(r, CHANNEL_4 + "/rx-los", TypedValue::getBoolVal));
        s.awaitResponse("rx-los-count bumped", r -> sent(r, CHANNEL_4 + "/counters/rx-los-count",
            v -> v.getUintVal() == before + 1));
        Map<String, TypedValue> now = get(Encoding.PROTO, CHANNEL_4 + "/rx-los", HOST_LANE_5, A + "/transceiver/host-lanes");
        assertTrue(now.get(CHANNEL_4 + "/rx-los").getBoolVal());
        assertFalse(now.get(HOST_LANE_5 + "/tx-los").getBoolVal(), "an Rx LOS is the media side: the host lane's Tx input is fine");
        assertFalse(now.get(HOST_LANE_5 + "/tx-cdr-lol").getBoolVal());
        assertEquals(64 * 4, now.keySet().stream().filter(k -> k.contains("/host-lanes/")).count(),
            "64 host lanes, each with lane-number, state/lane-number, tx-los, tx-cdr-lol");

        chassis.bench.cage(1).module().clearFault(fault.id());
        s.awaitResponse("rx-los false again", r -> sent(r, CHANNEL_4 + "/rx-los", v -> !v.getBoolVal()));
        assertEquals(before + 1, leaf(Encoding.PROTO, CHANNEL_4 + "/counters/rx-los-count").getUintVal(),
            "a clear is not another loss of signal");
        s.cancel();
    }

    @Test
    void aHostSideCdrLossOfLockShowsOnTheHostLaneAndCountsOnTheChannel() {
        var fault = chassis.bench.cage(1).module().inject(new Fault.CdrLossOfLock(Set.of(5), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> leaf(Encoding.PROTO, HOST_LANE_5 + "/tx-cdr-lol").getBoolVal());
        assertEquals(1, leaf(Encoding.PROTO, CHANNEL_4 + "/counters/tx-lol-count").getUintVal());
        assertEquals(0, leaf(Encoding.PROTO, CHANNEL_4 + "/counters/rx-lol-count").getUintVal());
        assertFalse(leaf(Encoding.PROTO, CHANNEL_4 + "/rx-cdr-lol").getBoolVal());
        assertEquals("\"1\"", leaf(Encoding.JSON_IETF, CHANNEL_4 + "/counters/tx-lol-count").getJsonIetfVal().toStringUtf8(),
            "RFC 7951 writes a counter64 as a string");
        assertEquals("1", leaf(Encoding.JSON, CHANNEL_4 + "/counters/tx-lol-count").getJsonVal().toStringUtf8());
        Map<String, TypedValue> all = get(Encoding.PROTO,
            "/components/component[name=*]/transceiver/host-lanes/lane[lane-number=*]/state/tx-cdr-lol");
        assertEquals(128, all.size(), "64 host lanes × 2 modules; sensors have no transceiver");
        assertEquals(List.of(HOST_LANE_5 + "/tx-cdr-lol"),
            all.entrySet().stream().filter(e -> e.getValue().getBoolVal()).map(Map.Entry::getKey).toList());
        chassis.bench.cage(1).module().clearFault(fault.id());
    }

    @Test
    void theTransceiverTotalsAreTheSumsOfItsChannels() {
        String channels = A + "/transceiver/physical-channels/channel[index=*]/state";
        Map<String, TypedValue> v = get(Encoding.PROTO, A + "/transceiver/state", channels + "/output-power/instant",
            channels + "/laser-bias-current/instant");
        double mw = 0, ma = 0;
        for (var e : v.entrySet()) {
            if (!e.getKey().contains("/channel[")) continue;
            if (e.getKey().endsWith("output-power/instant")) mw += Math.pow(10, e.getValue().getDoubleVal() / 10);
            else ma += e.getValue().getDoubleVal();
        }
        assertTrue(mw > 0 && ma > 0, "lanes are lit: " + mw + " mW, " + ma + " mA");
        double total = v.get(A + "/transceiver/state/output-power/instant").getDoubleVal();
        assertEquals(10 * Math.log10(mw), total, 0.05, "the total Tx power is the channels' mW summed, in dBm");
        assertTrue(total > 10, "64 lit lanes add up to well above one lane's power: " + total + " dBm");
        assertEquals(ma, v.get(A + "/transceiver/state/laser-bias-current/instant").getDoubleVal(), 0.01 * 64,
            "the total bias is the channels' mA summed");
        assertNotNull(v.get(A + "/transceiver/state/input-power/instant"));
    }

    @Test
    void coolingTemperaturesAreSensorComponentsOfTheirModule() throws Exception {
        String inlet = "/components/component[name=a/coolant-inlet]";
        Map<String, TypedValue> v = get(Encoding.PROTO, inlet + "/state",
            A + "/transceiver/openxpo-platform-ext:xpo/state/coolant-inlet-temperature");
        assertEquals("SENSOR", v.get(inlet + "/state/type").getStringVal());
        assertEquals("a", v.get(inlet + "/state/parent").getStringVal());
        assertEquals("a/coolant-inlet", v.get(inlet + "/state/name").getStringVal());
        double instant = v.get(inlet + "/state/temperature/instant").getDoubleVal();
        assertEquals(v.get(A + "/transceiver/xpo/state/coolant-inlet-temperature").getDoubleVal(), instant,
            "the sensor reads what the augmentation reads");
        double snapshot = chassis.registry.module("a").orElseThrow().view().snapshot().cooling().inletTempC();
        assertEquals(snapshot, instant, 0.5, "the module's coolant inlet temperature (°C)");
        assertFalse(v.get(inlet + "/state/temperature/alarm-status").getBoolVal());
        assertFalse(v.keySet().stream().anyMatch(k -> k.contains("serial-no") || k.contains("removable")),
            "a sensor has no transceiver leaves: " + v.keySet());

        Map<String, TypedValue> types = get(Encoding.JSON, "/components/component[name=*]/state/type");
        assertEquals(List.of("a", "a/coolant-inlet", "a/coolant-outlet", "a/cold-plate",
                "b", "b/coolant-inlet", "b/coolant-outlet", "b/cold-plate"),
            types.keySet().stream().map(k -> PathStrings.parse(k).getElem(1).getKeyMap().get("name")).toList(),
            "the wildcard matches each module and then its sensors");
        assertEquals(2, types.values().stream().filter(t -> t.getJsonVal().toStringUtf8().equals("\"TRANSCEIVER\"")).count());

        JsonNode a = JSON.readTree(chassis.client.blocking.get(GetRequest.newBuilder().addPath(PathStrings.parse(A))
            .setEncoding(Encoding.JSON).build()).getNotification(0).getUpdate(0).getVal().getJsonVal().toStringUtf8());
        assertEquals(List.of("a/coolant-inlet", "a/coolant-outlet", "a/cold-plate"),
            a.at("/subcomponents/subcomponent").valueStream().map(n -> n.at("/state/name").asString()).toList());
        JsonNode sensor = JSON.readTree(chassis.client.blocking.get(GetRequest.newBuilder().addPath(PathStrings.parse(inlet))
            .setEncoding(Encoding.JSON).build()).getNotification(0).getUpdate(0).getVal().getJsonVal().toStringUtf8());
        assertNull(sensor.get("transceiver"), "no transceiver subtree in a sensor: " + sensor);
    }

    @Test
    void aRemovedModulesSensorComponentsAreDeletedWithIt() {
        var s = chassis.client.subscribe(list(SubscriptionList.Mode.STREAM, Encoding.JSON,
            sub("/components/component[name=*]/state/name", SubscriptionMode.ON_CHANGE, Duration.ZERO, Duration.ZERO)));
        s.awaitResponse("sync", SubscribeResponse::getSyncResponse);
        chassis.registry.remove("b");
        SubscribeResponse gone = s.awaitResponse("b deleted", r -> !r.getUpdate().getDeleteList().isEmpty());
        assertEquals(List.of("/components/component[name=b]", "/components/component[name=b/coolant-inlet]",
                "/components/component[name=b/coolant-outlet]", "/components/component[name=b/cold-plate]"),
            gone.getUpdate().getDeleteList().stream().map(PathStrings::format).toList());
        s.cancel();
    }

    @Test
    void theXpoThresholdsAreServedPerSeverityInTheAugmentation() throws Exception {
        String t = A + "/transceiver/thresholds/threshold[severity=%s]/state/xpo-thresholds/";
        Thresholds limits = chassis.registry.module("a").orElseThrow().view().thresholds();
        Thresholds.Set volts = limits.of("InputVoltage").orElseThrow();
        Map<String, TypedValue> v = get(Encoding.PROTO, t.formatted("CRITICAL"), t.formatted("WARNING"));
        assertEquals(volts.highAlarm(), v.get(t.formatted("CRITICAL") + "input-voltage-upper").getDoubleVal(), 0.0005);
        assertEquals(volts.lowWarning(), v.get(t.formatted("WARNING") + "input-voltage-lower").getDoubleVal(), 0.0005);
        assertEquals(limits.of("CoolantFlow").orElseThrow().lowAlarm(),
            v.get(t.formatted("CRITICAL") + "coolant-flow-lower").getDoubleVal(), 0.0005, "L/min");
        assertEquals(14, v.keySet().stream().filter(k -> k.contains("severity=CRITICAL")).count(),
            "upper and lower of the 50 V input's voltage, current and power, both coolant temperatures, flow, cold plate");

        JsonNode state = JSON.readTree(chassis.client.blocking.get(GetRequest.newBuilder()
            .addPath(PathStrings.parse(A + "/transceiver/thresholds/threshold[severity=WARNING]/state"))
            .setEncoding(Encoding.JSON_IETF).build()).getNotification(0).getUpdate(0).getVal().getJsonIetfVal().toStringUtf8());
        assertTrue(state.at("/openxpo-platform-ext:xpo-thresholds/coolant-inlet-temperature-upper").isString(),
            "the augmentation is qualified and its decimal64 is a string: " + state);
    }
}
