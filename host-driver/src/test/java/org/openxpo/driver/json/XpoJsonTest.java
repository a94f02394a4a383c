package org.openxpo.driver.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Severity;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XpoJsonTest {
    static EmulatedModule em;
    static XpoModuleClient client;

    @BeforeAll
    static void start() {
        em = EmulatedModule.ready();
        client = em.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        em.close();
    }

    static JsonNode parse(String json) { return XpoJson.mapper().readTree(json); }

    static List<String> keys(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.propertyNames().iterator(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void theModuleDocumentHasTheDocumentedMembers() {
        JsonNode n = parse(XpoJson.pretty(XpoJson.module("embedded", client.identity(), client.snapshot())));
        assertEquals("openxpo.module/1", n.get("schema").asString());
        assertEquals(List.of("schema", "target", "identity", "time", "moduleState", "faultCause", "interruptAsserted",
            "temperatureC", "supplyVoltageV", "power", "cooling", "lanes", "flagsRead", "alarms"), keys(n));
        JsonNode id = n.get("identity");
        for (String k : List.of("vendor", "partNumber", "serialNumber", "firmwareVersion")) assertTrue(id.hasNonNull(k), k);
        assertEquals("XPO0000001", id.get("serialNumber").asString());
        assertEquals("ModuleReady", n.get("moduleState").asString());
        assertTrue(n.get("faultCause").isNull());
        for (String k : List.of("inputVoltageV", "inputCurrentA", "inputPowerW")) assertTrue(n.get("power").get(k).isNumber(), k);
        for (String k : List.of("inletTempC", "outletTempC", "flowLpm")) assertTrue(n.get("cooling").get(k).isNumber(), k);
        assertTrue(n.get("cooling").get("leak").isBoolean());
        assertEquals(64, n.get("lanes").size());
        JsonNode lane = n.get("lanes").get(0);
        assertEquals(1, lane.get("lane").asInt());
        assertEquals("DPActivated", lane.get("dataPathState").asString());
        for (String k : List.of("txPowerMw", "rxPowerMw", "biasMa")) assertTrue(lane.get(k).isNumber(), k);
        assertTrue(n.get("alarms").size() > 0, "the boot's flags are reported");
        JsonNode moduleAlarm = n.get("alarms").get(0);
        assertEquals("ModuleStateChanged", moduleAlarm.get("name").asString());
        assertEquals("info", moduleAlarm.get("severity").asString());
        assertFalse(moduleAlarm.has("lane"), "lane only where it applies");
        assertTrue(n.get("alarms").get(1).get("lane").isInt());
    }

    @Test
    void minusInfinityDbmIsNull() {
        LaneStatus dark = new LaneStatus(5, DataPathState.INITIALIZED, 1, 1, false, true, 0, 1.2, 0, List.of());
        ModuleSnapshot s = new ModuleSnapshot(Instant.EPOCH, ModuleState.READY, 0, false, 40, 3.3, null, null,
            List.of(dark), true, List.of());
        JsonNode lane = parse(XpoJson.compact(XpoJson.lanes("x", s))).get("lanes").get(0);
        assertTrue(lane.get("txPowerDbm").isNull());
        assertEquals(0.0, lane.get("txPowerMw").asDouble());
        assertEquals(0.79, lane.get("rxPowerDbm").asDouble(), 0.001);
        JsonNode module = parse(XpoJson.compact(XpoJson.module("x", client.identity(), s)));
        assertTrue(module.get("power").isNull(), "a module without XPO pages has no power member value");
    }

    @Test
    void eventsCarryOnlyTheirOwnMembers() {
        Alarm a = new Alarm("TxFailure", Severity.ALARM, Alarm.Source.LANE, 3, "Tx failure (laser fault)");
        JsonNode alarm = parse(XpoJson.compact(XpoJson.event(new MonitorEvent.AlarmEvent(Instant.EPOCH, a, true))));
        assertEquals(List.of("schema", "type", "time", "name", "severity", "source", "lane", "raised", "description"), keys(alarm));
        assertEquals("alarm", alarm.get("type").asString());
        assertEquals(3, alarm.get("lane").asInt());
        assertEquals("lane", alarm.get("source").asString());

        JsonNode first = parse(XpoJson.compact(XpoJson.event(
            new MonitorEvent.ModuleStateEvent(Instant.EPOCH, null, ModuleState.READY))));
        assertEquals(List.of("schema", "type", "time", "current"), keys(first));
        JsonNode link = parse(XpoJson.compact(XpoJson.event(new MonitorEvent.LinkEvent(Instant.EPOCH, false, "dropped"))));
        assertFalse(link.get("up").asBoolean());
        JsonNode snap = parse(XpoJson.compact(XpoJson.event(new MonitorEvent.SnapshotEvent(Instant.EPOCH, client.status()))));
        assertEquals(64, snap.get("snapshot").get("lanes").size());
        assertFalse(snap.get("snapshot").get("flagsRead").asBoolean());
    }

    @Test
    void thresholdsAndAlarmsDocuments() {
        JsonNode t = parse(XpoJson.compact(XpoJson.thresholds("embedded", client.thresholds())));
        assertEquals("openxpo.thresholds/1", t.get("schema").asString());
        JsonNode first = t.get("thresholds").get(0);
        assertEquals(List.of("monitor", "source", "unit", "highAlarm", "highWarning", "lowWarning", "lowAlarm"), keys(first));
        var r = client.readFlags();
        JsonNode al = parse(XpoJson.compact(XpoJson.alarms("embedded", r.time(), r.moduleState(), r.alarms())));
        assertEquals(List.of("schema", "target", "time", "moduleState", "alarms"), keys(al));
    }
}
