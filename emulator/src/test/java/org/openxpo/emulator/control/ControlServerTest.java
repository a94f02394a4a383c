package org.openxpo.emulator.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.Pin;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control API over real HTTP: every endpoint's happy path. Errors are in {@link ControlServerErrorsTest}. */
class ControlServerTest {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    LinkServer link;
    ControlServer server;
    Http http;

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(2, clock, i -> ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i))
            .seed(i).timing(ModuleConfig.Timing.fast()).build());
        clock.advanceMillis(1000);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        link = LinkServer.start(chassis, loopback, BusTiming.OFF);
        server = ControlServer.start(chassis, loopback, null, link);
        http = new Http(server.port(), null);
    }

    @AfterEach
    void stop() {
        server.close();
        link.close();
        chassis.close();
    }

    @Test
    void listsTheCages() {
        Http.Reply r = http.get("/api/cages");
        assertEquals(200, r.status());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        JsonNode cages = r.json();
        assertEquals(2, cages.size());
        assertEquals(1, cages.get(0).get("cage").asInt());
        assertTrue(cages.get(0).get("present").asBoolean());
        assertEquals("ModuleReady", cages.get(0).get("moduleState").asString());
        assertEquals("XPO0000002", cages.get(1).get("serial").asString());
    }

    @Test
    void describesOneCageAsTheEmulatorKnowsIt() {
        JsonNode c = http.get("/api/cages/1").json();
        assertEquals("ModuleReady", c.get("module").get("state").asString());
        assertEquals("NONE", c.get("module").get("faultCause").asString());
        assertEquals(List.of("8x1.6T", "16x800G", "32x400G", "64x200G"),
            c.get("module").get("applications").valueStream().map(JsonNode::asString).toList());
        JsonNode power = c.get("power");
        assertEquals(50, power.get("inputVoltageV").asDouble(), 1.5);
        assertTrue(power.get("inputPowerW").asDouble() > 0);
        assertTrue(power.get("inputCurrentA").asDouble() > 0);
        assertTrue(power.get("powerGood").asBoolean());
        JsonNode cooling = c.get("cooling");
        assertTrue(cooling.get("flowLpm").asDouble() > 0.3, cooling.toString());
        assertTrue(cooling.get("inletC").asDouble() > 20, cooling.toString());
        assertFalse(cooling.get("leakDetected").asBoolean());
        assertTrue(cooling.get("matingCycles").asInt() > 0);
        assertEquals("1.0", c.get("firmware").get("running").asString());
        assertEquals("1.0", c.get("firmware").get("committed").asString());
        JsonNode lanes = c.get("lanes");
        assertEquals(64, lanes.size());
        JsonNode lane1 = lanes.get(0);
        assertEquals(1, lane1.get("lane").asInt());
        assertEquals("DPActivated", lane1.get("dataPathState").asString());
        assertTrue(lane1.get("txPowerMw").asDouble() > 0.5, lane1.toString());
        assertTrue(lane1.get("rxPowerMw").asDouble() > 0.5, lane1.toString());
        assertTrue(lane1.get("biasMa").asDouble() > 10, lane1.toString());
        assertTrue(lane1.get("outputTx").asBoolean());
        assertEquals(0, c.get("faults").size());
        assertTrue(c.get("pins").get("resetL").asBoolean());
    }

    @Test
    void injectsListsAndClearsFaults() {
        Http.Reply created = http.post("/api/cages/1/faults", "{\"kind\":\"laser-failure\",\"lanes\":[1,2]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asString();
        assertEquals("laser-failure", created.json().get("kind").asString());
        assertEquals("/api/cages/1/faults/" + id, created.headers().firstValue("location").orElseThrow());

        JsonNode list = http.get("/api/cages/1/faults").json();
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asString());
        assertEquals(List.of(1, 2), list.get(0).get("lanes").valueStream().map(JsonNode::asInt).toList());
        assertEquals(200, http.get("/api/cages/1/faults/" + id).status());

        JsonNode lane1 = http.get("/api/cages/1").json().get("lanes").get(0);
        assertFalse(lane1.get("outputTx").asBoolean(), "a failed laser has no valid output");

        Http.Reply deleted = http.delete("/api/cages/1/faults/" + id);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
        assertEquals(0, http.get("/api/cages/1/faults").json().size());
    }

    @Test
    void acceptsEveryFaultKind() {
        List<String> faults = List.of(
            "{\"kind\":\"laser-failure\",\"lanes\":[1,2]}",
            "{\"kind\":\"coolant-flow\",\"fraction\":0.2}",
            "{\"kind\":\"input-voltage\",\"volts\":41.5}",
            "{\"kind\":\"brown-out\",\"durationMs\":500}",
            "{\"kind\":\"inlet-temperature\",\"celsius\":45}",
            "{\"kind\":\"optics-degradation\",\"lanes\":[3],\"dbPerHour\":2}",
            "{\"kind\":\"cdr-lol\",\"lanes\":[5],\"rx\":true}",
            "{\"kind\":\"rx-los\",\"lanes\":[6,7]}",
            "{\"kind\":\"coolant-leak\"}",
            "{\"kind\":\"leak-sensor-fault\"}",
            "{\"kind\":\"stuck-bus\"}",
            "{\"kind\":\"firmware-fault\"}");
        for (String f : faults) {
            Http.Reply r = http.post("/api/cages/2/faults", f);
            assertEquals(201, r.status(), f + " -> " + r.body());
        }
        assertEquals(faults.size(), http.get("/api/cages/2/faults").json().size());
        JsonNode brownOut = http.get("/api/cages/2/faults").json().get(3);
        assertEquals(500, brownOut.get("durationMs").asInt());
    }

    @Test
    void unplugsAndPlugsTheSameModuleBackIn() {
        int cyclesBefore = http.get("/api/cages/2").json().get("cooling").get("matingCycles").asInt();
        Http.Reply out = http.post("/api/cages/2/unplug", null);
        assertEquals(200, out.status(), out.body());
        assertFalse(out.json().get("present").asBoolean());
        JsonNode empty = http.get("/api/cages/2").json();
        assertFalse(empty.get("present").asBoolean());
        assertTrue(empty.get("pins").get("modPrsL").asBoolean(), "ModPrsL is high when the cage is empty");

        Http.Reply in = http.post("/api/cages/2/plug", null);
        assertEquals(200, in.status(), in.body());
        assertEquals("XPO0000002", in.json().get("serial").asString());
        clock.advanceMillis(1000);
        assertEquals(cyclesBefore + 1, http.get("/api/cages/2").json().get("cooling").get("matingCycles").asInt());
    }

    @Test
    void drivesPins() {
        Http.Reply r = http.post("/api/cages/1/pins", "{\"lpMode\":true}");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("lpMode").asBoolean());
        assertTrue(r.json().get("powerEnable").asBoolean());
        assertTrue(chassis.cage(1).readPin(Pin.LP_MODE));
        r = http.post("/api/cages/1/pins", "{\"resetL\":false,\"lpMode\":false,\"powerEnable\":true}");
        assertFalse(r.json().get("resetL").asBoolean());
        assertFalse(http.get("/api/cages/1/pins").json().get("lpMode").asBoolean());
        assertEquals(200, http.post("/api/cages/1/pins", "{}").status());
    }

    @Test
    void reportsBusStatisticsOfTheModuleAndTheLink() {
        chassis.cage(1).i2c(List.of(I2cMessage.write(0x50, (byte) 0), I2cMessage.read(0x50, 4)));
        JsonNode s = http.get("/api/cages/1/bus-stats").json();
        assertEquals(1, s.get("cage").asInt());
        assertEquals(1, s.get("module").get("transfers").asLong());
        assertEquals(4, s.get("module").get("bytesRead").asLong());
        assertTrue(s.get("link").has("transfers"), s.toString());
    }

    @Test
    void appliesAScenario() {
        Http.Reply r = http.post("/api/scenario", """
            {"cages": {"2": {"identity": {"vendor": "ACME", "serialNumber": "ACME02"},
                             "script": [{"atMs": 100, "fault": {"kind": "stuck-bus"}}]}}}""");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("scriptSteps").asInt());
        assertEquals("ACME02", http.get("/api/cages").json().get(1).get("serial").asString());
        clock.advanceMillis(100);
        assertEquals("stuck-bus", http.get("/api/cages/2/faults").json().get(0).get("kind").asString());
    }

    @Test
    void answersHealth() {
        JsonNode h = http.get("/api/health").json();
        assertEquals("ok", h.get("status").asString());
        assertEquals(2, h.get("cages").asInt());
    }
}
