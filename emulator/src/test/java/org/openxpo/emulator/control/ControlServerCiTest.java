package org.openxpo.emulator.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.protocol.connector.Pin;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a CI job asks of a long-running emulator: readiness, the route list, clearing faults, a reset, scenario progress. */
class ControlServerCiTest {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    ControlServer server;
    Http http;

    private void start(int cages, Scenario startup) {
        chassis = new EmulatedChassis(cages, clock, i -> ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i))
            .seed(i).timing(ModuleConfig.Timing.defaults()).build());
        server = ControlServer.start(chassis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, null,
            List.of(), startup);
        http = new Http(server.port(), null);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (chassis != null) chassis.close();
    }

    @Test
    void readyOnlyOnceEveryPluggedModuleIsUpWhileHealthAnswersAtOnce() {
        start(2, null);
        assertEquals(200, http.get("/api/health").status(), "alive from the start");
        Http.Reply starting = http.get("/api/ready");
        assertEquals(503, starting.status());
        assertFalse(starting.json().get("ready").asBoolean());
        assertEquals(2, starting.json().get("waitingFor").size(), starting.body());
        assertEquals("MgmtInit", starting.json().get("waitingFor").get(0).get("moduleState").asString(), starting.body());

        clock.advanceMillis(5000);
        Http.Reply up = http.get("/api/ready");
        assertEquals(200, up.status(), up.body());
        assertEquals("{\"ready\":true,\"waitingFor\":[]}", up.body());

        chassis.cage(2).writePin(Pin.LP_MODE, true);
        clock.advanceMillis(5000);
        assertEquals(200, http.get("/api/ready").status(), "a module held in low power has finished starting");
        chassis.cage(1).writePin(Pin.RESET_L, false);
        clock.advanceMillis(10);
        Http.Reply reset = http.get("/api/ready");
        assertEquals(503, reset.status(), "a module held in reset is not ready");
        assertEquals(1, reset.json().get("waitingFor").get(0).get("cage").asInt(), reset.body());
    }

    @Test
    void listsEveryEndpointWithWhatItDoes() {
        start(1, null);
        JsonNode routes = http.get("/api").json().get("routes");
        List<String> listed = routes.valueStream().map(r -> r.get("method").asString() + " " + r.get("path").asString()).toList();
        for (String expected : List.of("GET /api/health", "GET /api/ready", "DELETE /api/faults", "POST /api/reset",
            "GET /api/scenario", "POST /api/cages/{cage}/faults", "DELETE /api/cages/{cage}/faults/{id}"))
            assertTrue(listed.contains(expected), expected + " in " + listed);
        routes.valueStream().forEach(r -> assertFalse(r.get("description").asString().isBlank(), r.toString()));
    }

    @Test
    void clearsEveryFaultOfEveryCageOrOfOne() {
        start(2, null);
        clock.advanceMillis(5000);
        chassis.cage(1).module().inject(new Fault.LaserFailure(Set.of(1)));
        chassis.cage(1).module().inject(new Fault.StuckBus());
        chassis.cage(2).module().inject(new Fault.CoolantLeak());
        Http.Reply one = http.delete("/api/cages/2/faults");
        assertEquals(200, one.status(), one.body());
        assertEquals("{\"cleared\":1}", one.body());
        assertEquals(2, chassis.cage(1).module().activeFaults().size(), "cage 1 untouched");
        chassis.cage(2).module().inject(new Fault.LeakSensorFault());
        assertEquals("{\"cleared\":3}", http.delete("/api/faults").body());
        assertEquals(List.of(), chassis.cage(1).module().activeFaults());
        assertEquals(List.of(), chassis.cage(2).module().activeFaults());
    }

    @Test
    void resetPutsTheChassisBackAsItStartedAndReplaysTheStartUpScenario() {
        Scenario startup = Scenario.parse("""
            {"description": "cage 2 starts empty; cage 1 loses a laser at 1 s",
             "cages": {"1": {"script": [{"atMs": 1000, "fault": {"kind": "laser-failure", "lanes": [4]}}]},
                       "2": {"present": false}}}""");
        start(2, startup);
        try (var ignored = org.openxpo.emulator.scenario.ScenarioRunner.start(chassis, startup)) {
            clock.advanceMillis(5000);
            var before = chassis.cage(1).module();
            assertEquals(1, before.activeFaults().size());
            http.post("/api/cages/2/plug", "");
            chassis.cage(1).writePin(Pin.LP_MODE, true);

            Http.Reply r = http.post("/api/reset", "");
            assertEquals(200, r.status(), r.body());
            assertEquals("{\"cages\":[1],\"scenarioRestarted\":true}", r.body());
            assertNotEquals(before, chassis.cage(1).module(), "a fresh module");
            assertEquals(List.of(), chassis.cage(1).module().activeFaults(), "no fault right after the reset");
            assertFalse(chassis.cage(1).readPin(Pin.LP_MODE), "pins at their start levels");
            assertFalse(chassis.cage(2).present(), "cage 2 empty again, as the scenario says");
            JsonNode progress = http.get("/api/scenario").json();
            assertEquals(0, progress.get("done").asInt(), progress.toString());
            assertEquals(1000, progress.get("nextStepAtMs").asLong(), progress.toString());

            clock.advanceMillis(1500);
            assertEquals(1, chassis.cage(1).module().activeFaults().size(), "the script plays again from its start");
        }
    }

    @Test
    void resetWithoutAStartUpScenarioPlugsEveryCageAndStopsAPostedScript() {
        start(2, null);
        clock.advanceMillis(5000);
        http.post("/api/cages/2/unplug", "");
        http.post("/api/scenario", "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1000, \"fault\": {\"kind\": \"stuck-bus\"}}]}}}");
        assertEquals("{\"cages\":[1,2],\"scenarioRestarted\":false}", http.post("/api/reset", "").body());
        assertEquals(404, http.get("/api/scenario").status(), "no scenario plays after the reset");
        clock.advanceMillis(2000);
        assertEquals(List.of(), chassis.cage(1).module().activeFaults(), "the posted script stopped");
        assertEquals("XPO0000002", chassis.cage(2).module().config().serialNumber());
    }

    @Test
    void reportsTheProgressOfThePlayingScenario() {
        start(1, null);
        assertEquals("{\"error\":\"no scenario is playing (POST /api/scenario applies one)\",\"status\":404}",
            http.get("/api/scenario").body());
        http.post("/api/scenario", """
            {"description": "two steps", "cages": {"1": {"script": [
              {"atMs": 1000, "fault": {"kind": "stuck-bus"}}, {"atMs": 3000, "clear": "previous"}]}}}""");
        clock.advanceMillis(1500);
        assertEquals("{\"description\":\"two steps\",\"steps\":2,\"done\":1,\"elapsedMs\":1500,\"nextStepAtMs\":3000,"
            + "\"finished\":false}", http.get("/api/scenario").body());
        clock.advanceMillis(2000);
        JsonNode p = http.get("/api/scenario").json();
        assertEquals(2, p.get("done").asInt());
        assertTrue(p.get("finished").asBoolean());
        assertTrue(p.get("nextStepAtMs").isNull(), p.toString());
    }
}
