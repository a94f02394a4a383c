package org.openxpo.emulator.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can be wrong, and the status and message it gets. */
class ControlServerErrorsTest {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    ControlServer server;
    Http http;

    static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @BeforeEach
    void start() {
        chassis = EmulatedChassis.of(2, clock);
        server = ControlServer.start(chassis, LOOPBACK, null, null);
        http = new Http(server.port(), null);
    }

    @AfterEach
    void stop() {
        server.close();
        chassis.close();
    }

    private static void assertError(int status, String fragment, Http.Reply r) {
        assertEquals(status, r.status(), r.body());
        assertEquals(status, r.json().get("status").asInt());
        assertTrue(r.error().contains(fragment), "'" + r.error() + "' should mention '" + fragment + "'");
    }

    @Test
    void unknownCageIs404() {
        assertError(404, "no cage 9 (cages are 1-2)", http.get("/api/cages/9"));
        assertError(404, "no cage x", http.get("/api/cages/x/faults"));
        assertError(404, "no cage 0", http.post("/api/cages/0/plug", null));
    }

    @Test
    void unknownPathIs404() {
        assertError(404, "no such endpoint: /api/cagez", http.get("/api/cagez"));
        assertError(404, "no such endpoint", http.get("/"));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Reply r = http.send("PUT", "/api/cages/1/faults", "{}");
        assertError(405, "PUT is not allowed", r);
        assertEquals("DELETE, GET, POST", r.headers().firstValue("allow").orElseThrow());
        assertError(405, "allowed: POST", http.get("/api/cages/1/plug"));
    }

    @Test
    void badJsonIs400() {
        assertError(400, "bad JSON at line 1", http.post("/api/cages/1/faults", "{\"kind\": "));
        assertError(400, "empty", http.post("/api/cages/1/faults", ""));
        assertError(400, "the document must be an object", http.post("/api/cages/1/faults", "[1]"));
        assertError(400, "bad JSON", http.post("/api/scenario", "not json"));
    }

    @Test
    void unknownFaultKindIs400() {
        assertError(400, "unknown fault kind 'meteor' (known: laser-failure",
            http.post("/api/cages/1/faults", "{\"kind\":\"meteor\"}"));
        assertError(400, "a fault needs a \"kind\"", http.post("/api/cages/1/faults", "{\"lanes\":[1]}"));
    }

    @Test
    void badFaultFieldsAre400() {
        assertError(400, "unknown field 'lane'", http.post("/api/cages/1/faults", "{\"kind\":\"laser-failure\",\"lane\":[1]}"));
        assertError(400, "field 'fraction' does not apply to a laser-failure fault",
            http.post("/api/cages/1/faults", "{\"kind\":\"laser-failure\",\"lanes\":[1],\"fraction\":1}"));
        assertError(400, "needs field 'lanes'", http.post("/api/cages/1/faults", "{\"kind\":\"rx-los\"}"));
        assertError(400, "lane 99 is outside 1-64", http.post("/api/cages/1/faults", "{\"kind\":\"rx-los\",\"lanes\":[99]}"));
        assertError(400, "field 'volts': expected a number",
            http.post("/api/cages/1/faults", "{\"kind\":\"input-voltage\",\"volts\":\"high\"}"));
        assertError(400, "field 'resetL': expected true or false", http.post("/api/cages/1/pins", "{\"resetL\":1}"));
        assertError(400, "unknown field 'intL'", http.post("/api/cages/1/pins", "{\"intL\":true}"));
    }

    /** Issue 20, defect 1: this brown-out was accepted (201) and then killed the firmware thread. */
    @Test
    void aBrownOutBeyondADayIs400WithTheRange() {
        assertError(400, "durationMs must be 1–86,400,000 (24 h), got 9300000000000",
            http.post("/api/cages/1/faults", "{\"kind\":\"brown-out\",\"durationMs\":9300000000000}"));
        assertEquals(0, http.get("/api/cages/1/faults").json().size(), "nothing was injected");
    }

    @Test
    void deletingAnUnknownFaultIs404() {
        assertError(404, "no active fault f42 on cage 1", http.delete("/api/cages/1/faults/f42"));
        assertError(404, "no active fault f42", http.get("/api/cages/1/faults/f42"));
    }

    @Test
    void plugConflictsAre409() {
        assertError(409, "cage 1 already holds a module", http.post("/api/cages/1/plug", null));
        assertEquals(200, http.post("/api/cages/1/unplug", null).status());
        assertError(409, "cage 1 is already empty", http.post("/api/cages/1/unplug", null));
        assertError(409, "cage 1 is empty", http.post("/api/cages/1/faults", "{\"kind\":\"stuck-bus\"}"));
        assertError(409, "cage 1 is empty", http.get("/api/cages/1/faults"));
    }

    @Test
    void badScenarioIs400NamingTheField() {
        assertError(400, "unknown field 'cages.1.identity.colour'",
            http.post("/api/scenario", "{\"cages\": {\"1\": {\"identity\": {\"colour\": \"red\"}}}}"));
        assertError(400, "the scenario names cage 5 but the chassis has 2 cages",
            http.post("/api/scenario", "{\"cages\": {\"5\": {}}}"));
    }

    @Test
    void aTokenIsRequiredWhenConfigured() {
        try (ControlServer guarded = ControlServer.start(chassis, LOOPBACK, "s3cret", null)) {
            Http.Reply none = new Http(guarded.port(), null).get("/api/cages");
            assertError(401, "missing or wrong bearer token", none);
            assertEquals("Bearer realm=\"xpo-emulator\"", none.headers().firstValue("www-authenticate").orElseThrow());
            assertError(401, "bearer token", new Http(guarded.port(), "guess").get("/api/cages"));
            assertEquals(200, new Http(guarded.port(), "s3cret").get("/api/cages").status());
        }
    }

    @Test
    void offLoopbackWithoutATokenRefusesToStart() throws Exception {
        InetSocketAddress wildcard = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);
        String m = assertThrows(IllegalArgumentException.class, () -> ControlServer.start(chassis, wildcard, null, null))
            .getMessage();
        assertEquals("the control API would listen on 0.0.0.0, which is not loopback: give it a bearer token "
            + "(--token, --token-file or XPO_EMULATOR_TOKEN)", m);
    }

    @Test
    void aBusyPortIsABindException() {
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ControlServer.start(chassis, taken, null, null));
        assertInstanceOf(BindException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("127.0.0.1:" + server.port()), e.getCause().getMessage());
    }
}
