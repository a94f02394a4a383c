package org.openxpo.agent.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.DriverVdmSource;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.driver.diag.Diagnostics;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.types.DataPathState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** VDM values, their thresholds and diagnostics loopbacks through the agent's REST API and /metrics. */
class AgentVdmTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    EmulatedBench bench = new EmulatedBench(1);
    PollOptions poll = PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(200)).withAlarmInterval(Duration.ofMillis(100))
        .withVdmStatisticsInterval(Duration.ofMillis(500));
    ModuleRegistry registry = new ModuleRegistry(poll, new DriverVdmSource(poll.vdmStatisticsInterval(), Clock.systemUTC()));
    AgentHttpServer server;
    HttpClient http = HttpClient.newHttpClient();

    AgentVdmTest() {
        registry.add(new ModuleSpec("cage1", bench.target(1)));
        server = AgentHttpServer.start(HttpOptions.loopback(0, null), registry, new ModuleControls(registry));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
        bench.close();
        http.close();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    void awaitLit() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var v = registry.module("cage1").orElseThrow().view();
            // the module samples its VDM on its own tick: wait for every lane's first sample and a statistics read after it
            return v.snapshot() != null && v.snapshot().lanesIn(DataPathState.ACTIVATED) == 64 && v.vdm() != null
                && v.vdm().lanes().stream().allMatch(l -> l.esnrDb() > 0 && l.preFecBerMax() > 0);
        });
    }

    /** Lane {@code lane}'s VDM object on {@code side} in the module document. */
    JsonNode lane(JsonNode module, int lane, String side) {
        return module.get("vdm").get("lanes").valueStream()
            .filter(l -> l.get("lane").asInt() == lane && l.get("side").asString().equals(side)).findFirst().orElseThrow();
    }

    /** The value of the series {@code series} (name and labels as written) in a scrape; NaN when absent. */
    static double metric(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void lanesCarryVdmValuesWithThresholdsInTheModuleDocument() throws Exception {
        awaitLit();
        JsonNode module = JSON.readTree(get("/api/modules/cage1"));
        assertEquals(128, module.get("vdm").get("lanes").size(), "64 lanes, media and host side");
        JsonNode media = lane(module, 12, "media");
        double esnr = media.get("values").get("esnr").asDouble();
        assertTrue(esnr > 15 && esnr < 40, "a healthy link's eSNR, got " + esnr);
        double ber = media.get("values").get("preFecBer").asDouble();
        assertTrue(ber > 0 && ber < 1e-4, "a healthy link's pre-FEC BER, got " + ber);
        assertTrue(media.get("values").has("laserTemperature"));
        assertTrue(media.get("values").has("preFecBerMax"), "the statistics, read every 500 ms");
        JsonNode limits = media.get("thresholds").get("esnr");
        assertTrue(limits.get("lowAlarm").asDouble() < limits.get("lowWarning").asDouble());
        assertTrue(limits.get("lowWarning").asDouble() < esnr, "a healthy lane sits above its warning");
        assertFalse(lane(module, 12, "host").get("values").has("laserTemperature"), "the laser is the media side's");
        assertNotNull(module.get("vdm").get("statisticsTime").asString());
        assertEquals(0, module.get("loopbacks").size(), "no lane in loopback");
    }

    @Test
    void aDirtyConnectorInjectedThroughTheControlApiMovesEsnrAndBerInTheMetrics() throws Exception {
        awaitLit();
        String esnr = "xpo_lane_esnr_db{bank=\"1\",lane=\"12\",module=\"cage1\",side=\"media\"}";
        String ber = "xpo_lane_pre_fec_ber_ratio{bank=\"1\",lane=\"12\",module=\"cage1\",side=\"media\"}";
        String before = get("/metrics");
        double esnrBefore = metric(before, esnr), berBefore = metric(before, ber);
        assertTrue(esnrBefore > 15, before.lines().filter(l -> l.startsWith("xpo_lane_esnr")).limit(3).toList().toString());
        assertTrue(before.contains("xpo_lane_esnr_threshold_db{bound=\"low\",module=\"cage1\",severity=\"alarm\",side=\"media\"}"),
            "one module-wide threshold set per side (every lane shares it)");
        assertFalse(Double.isNaN(metric(before,
            "xpo_lane_pre_fec_ber_interval_max_ratio{bank=\"1\",lane=\"12\",module=\"cage1\",side=\"media\"}")));

        HttpResponse<String> injected = http.send(HttpRequest.newBuilder(URI.create(bench.controlUrl() + "/api/cages/1/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"dirty-connector\",\"lanes\":[12],\"db\":8}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(injected.statusCode() / 100 == 2, injected.body());

        await().atMost(Duration.ofSeconds(10)).until(() -> metric(get("/metrics"), esnr) < esnrBefore - 4);
        String after = get("/metrics");
        assertTrue(metric(after, ber) > berBefore * 10, "BER " + berBefore + " → " + metric(after, ber));
        assertEquals(esnrBefore, metric(after, "xpo_lane_esnr_db{bank=\"1\",lane=\"11\",module=\"cage1\",side=\"media\"}"), 1.0,
            "the lane beside it keeps its eSNR");
        // 8 dB below a healthy ~21 dB crosses the low alarm threshold: the VDM flag (2Ch) is an alarm like any other
        double lowAlarm = metric(after,
            "xpo_lane_esnr_threshold_db{bound=\"low\",module=\"cage1\",severity=\"alarm\",side=\"media\"}");
        assertTrue(metric(after, esnr) < lowAlarm, metric(after, esnr) + " dB against the low alarm " + lowAlarm);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(get("/metrics"),
            "xpo_lane_flag{bank=\"1\",flag=\"EsnrMediaInputLowAlarm\",lane=\"12\",module=\"cage1\"}") == 1);
    }

    @Test
    void aLaneInLoopbackIsShownAsSuch() throws Exception {
        awaitLit();
        // through the agent's own client: a second host on the bus would leave the agent's page select stale
        XpoModuleClient client = registry.module("cage1").orElseThrow().client().orElseThrow();
        Diagnostics d = new Diagnostics(client.access(), client.clock());
        d.setLoopback(Loopback.MEDIA_OUTPUT, LaneSets.range(5, 5), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get("/api/modules/cage1")).get("loopbacks").size() == 1);
        JsonNode loopbacks = JSON.readTree(get("/api/modules/cage1")).get("loopbacks");
        assertEquals(5, loopbacks.get(0).get("lane").asInt());
        assertEquals("media-output", loopbacks.get(0).get("loopbacks").get(0).asString());

        d.clearLoopbacks(LaneSets.range(5, 5));
        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get("/api/modules/cage1")).get("loopbacks").isEmpty());
    }
}
