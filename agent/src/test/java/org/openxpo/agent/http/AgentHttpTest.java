package org.openxpo.agent.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.types.ModuleState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The REST API, the event stream and /metrics, through a real HTTP client against an emulated chassis. */
class AgentHttpTest {
    static final String TOKEN = "bench-token-7";
    static final JsonMapper JSON = JsonMapper.builder().build();

    EmulatedBench bench = new EmulatedBench(2);
    ModuleRegistry registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(200))
        .withAlarmInterval(Duration.ofMillis(100)), VdmSource.NONE);
    AgentHttpServer server;
    HttpClient http = HttpClient.newHttpClient();

    AgentHttpTest() {
        registry.add(new ModuleSpec("cage1", bench.target(1)));
        registry.add(new ModuleSpec("cage2", bench.target(2)));
        server = AgentHttpServer.start(HttpOptions.loopback(0, TOKEN), registry, new ModuleControls(registry));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
        bench.close();
        http.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) { return JSON.readTree(r.body()); }

    /** Until a snapshot shows the module Ready with all 64 lanes up (lit: their powers are exported). */
    void awaitReady(String module) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var v = registry.module(module).orElseThrow().view();
            return v.state() == ModuleState.READY && v.snapshot() != null
                && v.snapshot().lanesIn(org.openxpo.protocol.types.DataPathState.ACTIVATED) == 64;
        });
    }

    @Test
    void theModuleListAndAModuleInFull() throws Exception {
        awaitReady("cage1");
        awaitReady("cage2");
        HttpResponse<String> r = get("/api/modules");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode list = json(r);
        assertEquals("openxpo.agent.modules/1", list.get("schema").asString());
        assertEquals(2, list.get("modules").size());
        JsonNode first = list.get("modules").get(0);
        assertEquals("cage1", first.get("name").asString());
        assertEquals("ModuleReady", first.get("state").asString());
        assertTrue(first.get("present").asBoolean() && first.get("reachable").asBoolean());
        assertTrue(first.get("inputPowerW").asDouble() > 0);
        assertTrue(first.get("coolantOutletC").asDouble() > 0);
        assertEquals(0, first.get("activeAlarms").asInt());

        JsonNode one = json(get("/api/modules/cage2"));
        assertEquals("openxpo.module/1", one.get("snapshot").get("schema").asString());
        assertEquals("XPO0000002", one.get("snapshot").get("identity").get("serialNumber").asString());
        assertEquals(64, one.get("snapshot").get("lanes").size());
        assertTrue(one.get("thresholds").get("thresholds").size() > 0);
        assertEquals(404, get("/api/modules/cage9").statusCode());
    }

    @Test
    void anInjectedFaultReachesTheStreamTheAlarmLogAndTheMetrics() throws Exception {
        awaitReady("cage1");
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/events?module=cage1")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event: ")) event = line.substring(7);
                    else if (line.startsWith("data: ")) events.add(event + " " + line.substring(6));
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        assertTrue(events.poll(10, TimeUnit.SECONDS).startsWith("modules "), "a stream starts with the current state");

        bench.cage(1).module().inject(new Fault.LaserFailure(Set.of(9)));
        String alarm = null;
        boolean snapshot = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((alarm == null || !snapshot) && System.nanoTime() < deadline) {
            String e = events.poll(1, TimeUnit.SECONDS);
            if (e == null) continue;
            if (e.startsWith("alarm ") && e.contains("\"TxFailure\"")) alarm = e;
            if (e.startsWith("snapshot ")) snapshot = true;
        }
        assertNotNull(alarm, "the alarm arrives on the stream");
        assertTrue(snapshot, "the module asked for with ?module= also streams its snapshots");
        JsonNode entry = JSON.readTree(alarm.substring("alarm ".length()));
        assertEquals(9, entry.get("lane").asInt());
        assertTrue(entry.get("active").asBoolean());

        JsonNode log = json(get("/api/modules/cage1/alarms"));
        assertTrue(log.get("alarms").valueStream().anyMatch(a -> a.get("name").asString().equals("TxFailure")
            && a.get("lane").asInt() == 9 && a.get("raised") != null));

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/metrics").body()
            .contains("xpo_lane_flag{bank=\"1\",flag=\"TxFailure\",lane=\"9\",module=\"cage1\"} 1"));
        reader.interrupt();
    }

    @Test
    void metricsCarryTheReferenceNamesUnitsAndLabels() throws Exception {
        awaitReady("cage1");
        awaitReady("cage2");
        // a lane's power is exported once its light is up (a dark lane's −∞ dBm is left out)
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/metrics").body()
            .contains("xpo_lane_rx_power_dbm{bank=\"7\",lane=\"64\",module=\"cage1\"}"));
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        String text = r.body();
        assertTrue(text.contains("# TYPE xpo_lane_rx_power_dbm gauge"), text.substring(0, Math.min(2000, text.length())));
        assertTrue(text.contains("xpo_lane_rx_power_dbm{bank=\"7\",lane=\"64\",module=\"cage1\"}"));
        assertTrue(text.contains("xpo_module_info{firmware="));
        assertTrue(text.contains("xpo_module_input_power_watts{module=\"cage2\"}"));
        assertTrue(text.contains("xpo_coolant_temperature_celsius{module=\"cage1\",position=\"outlet\"}"));
        assertTrue(text.contains("xpo_lane_rx_power_threshold_dbm{bound=\"high\",module=\"cage1\",severity=\"alarm\"}"));
        assertTrue(text.contains("xpo_polls_total{module=\"cage1\"}"));
        assertFalse(text.contains("DataPathStateChanged"), "state-change events are the alarm log's, not flags");
        // the agent's own process, for sizing it from its own /metrics
        assertTrue(java.util.regex.Pattern.compile("(?m)^process_cpu_seconds_total [0-9.eE+-]+$").matcher(text).find(), "process CPU");
        assertTrue(java.util.regex.Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"} [1-9]").matcher(text).find(), "heap in use");

        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
            .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        String unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes(),
            StandardCharsets.UTF_8);
        assertTrue(unzipped.contains("xpo_lane_rx_power_dbm{bank=\"7\",lane=\"64\",module=\"cage1\"}"));
        assertTrue(gz.body().length * 3 < unzipped.length(), "compressed");

        HttpResponse<String> om = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
            .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(om.headers().firstValue("Content-Type").orElseThrow().startsWith("application/openmetrics-text"));
        assertTrue(om.body().contains("# UNIT xpo_lane_rx_power_dbm dbm"));
        assertTrue(om.body().endsWith("# EOF\n"));
    }

    @Test
    void historyGrowsWithPolls() throws Exception {
        awaitReady("cage1");
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/modules/cage1/history")).get("samples").size() >= 2);
        JsonNode h = json(get("/api/modules/cage1/history"));
        assertEquals(900, h.get("windowSeconds").asInt());
        JsonNode samples = h.get("samples");
        assertTrue(samples.get(samples.size() - 1).get("inputVoltageV").asDouble() > 40, "the 50 V rail, powered");
    }

    @Test
    void controlsNeedTheTokenAndThenAct() throws Exception {
        awaitReady("cage1");
        HttpResponse<String> refused = post("/api/modules/cage1/lpmode", "{\"on\": true}", null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertFalse(refused.body().contains(TOKEN));
        assertEquals(401, post("/api/modules/cage1/lpmode", "{\"on\": true}", "guess").statusCode());

        HttpResponse<String> ok = post("/api/modules/cage1/lpmode", "{\"on\": true}", TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.module("cage1").orElseThrow().view().state() == ModuleState.LOW_PWR);

        HttpResponse<String> tx = post("/api/modules/cage2/tx", "{\"lanes\": [3], \"disabled\": true}", TOKEN);
        assertEquals(200, tx.statusCode(), tx.body());
        assertEquals(400, post("/api/modules/cage2/tx", "{\"lanes\": [65], \"disabled\": true}", TOKEN).statusCode());
        assertEquals(400, post("/api/modules/cage2/reset", "{\"method\": \"hammer\"}", TOKEN).statusCode());
    }

    @Test
    void applyOverHttpRunsTheDataPathSequenceAndRefusesAnApplicationTheLanesCannotTake() throws Exception {
        awaitReady("cage1");
        // AppSel 2 is 800GAUI-4: four lanes starting on lane 1 or 5 of a bank
        HttpResponse<String> applied = post("/api/modules/cage1/apply", "{\"appSel\": 2, \"lanes\": [1, 2, 3, 4]}", TOKEN);
        assertEquals(200, applied.statusCode(), applied.body());
        assertEquals("apply", json(applied).get("operation").asString());
        JsonNode lanes = json(get("/api/modules/cage1")).get("snapshot").get("lanes");
        for (int i = 0; i < 4; i++) {
            assertEquals(2, lanes.get(i).get("appSel").asInt(), "lane " + (i + 1));
            assertEquals(1, lanes.get(i).get("firstLane").asInt(), "lane " + (i + 1));
        }
        // the 1.6T data path of lanes 1-8 is split: lanes 5-8 are left without one, lane 9 keeps its own
        assertEquals(0, lanes.get(4).get("appSel").asInt(), "lane 5 leaves the 8-lane data path");
        assertEquals(1, lanes.get(8).get("appSel").asInt(), "lane 9 keeps its application");
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/modules/cage1")).get("snapshot").get("lanes")
            .valueStream().limit(4).allMatch(l -> l.get("dataPathState").asString().equals("DPActivated")));

        HttpResponse<String> misaligned = post("/api/modules/cage1/apply", "{\"appSel\": 2, \"lanes\": [2, 3, 4, 5]}", TOKEN);
        assertTrue(misaligned.statusCode() == 400 || misaligned.statusCode() == 409, misaligned.body());
        assertTrue(json(misaligned).get("error").asString().length() > 10, "a reason: " + misaligned.body());
        assertEquals(400, post("/api/modules/cage1/apply", "{\"appSel\": 2, \"lanes\": [0]}", TOKEN).statusCode());
        assertEquals(401, post("/api/modules/cage1/apply", "{\"appSel\": 2}", null).statusCode());
        assertEquals(2, json(get("/api/modules/cage1")).get("snapshot").get("lanes").get(0).get("appSel").asInt(),
            "a refused apply changes nothing");
    }

    @Test
    void aFirmwareUpdateReportsItsProgressOnTheStreamUntilDone() throws Exception {
        awaitReady("cage2");
        FirmwareFeed feed = new FirmwareFeed();
        BlockingQueue<String> events = feed.events;
        byte[] image = org.openxpo.protocol.cdb.FirmwareImageFormat.pack(2, 1, 7,
            org.openxpo.protocol.cdb.FirmwareImageFormat.samplePayload(16 * 1024, 21));
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/modules/cage2/firmware"))
            .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());

        java.util.List<JsonNode> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && (seen.isEmpty() || !seen.getLast().get("finished").asBoolean())) {
            String e = events.poll(1, TimeUnit.SECONDS);
            if (e != null) seen.add(JSON.readTree(e));
        }
        feed.close();
        assertFalse(seen.isEmpty(), "firmware events on the stream");
        JsonNode last = seen.getLast();
        assertEquals("cage2", last.get("module").asString());
        assertEquals("done", last.get("phase").asString(), last.toString());
        assertEquals("2.1", last.get("running").asString());
        assertTrue(seen.stream().anyMatch(e -> !e.get("finished").asBoolean() && e.get("done").asLong() > 0
            && e.get("done").asLong() < e.get("total").asLong()), "progress between start and end: " + seen.size() + " events");
        assertEquals(last.get("phase").asString(), json(get("/api/modules/cage2/firmware")).get("phase").asString());

        // a client that was away at the end (a dashboard whose slow stream was cut) learns it when it reconnects
        JsonNode replayed = JSON.readTree(firstFirmwareEventOfANewStream());
        assertEquals("done", replayed.get("phase").asString(), replayed.toString());
        assertEquals(last.get("time").asString(), replayed.get("time").asString());
    }

    /** The data of the first {@code firmware} event a newly opened event stream sends, within 5 s. */
    String firstFirmwareEventOfANewStream() throws Exception {
        try (FirmwareFeed feed = new FirmwareFeed()) {
            String data = feed.events.poll(5, TimeUnit.SECONDS);
            assertNotNull(data, "a new stream sends the latest firmware status");
            return data;
        }
    }

    /** A new event stream of the agent, its {@code firmware} events' data gathered as they come. */
    final class FirmwareFeed implements AutoCloseable {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final HttpResponse<InputStream> stream;
        private final Thread reader;

        FirmwareFeed() throws Exception {
            stream = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    String event = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event: ")) event = line.substring(7);
                        else if (line.startsWith("data: ") && "firmware".equals(event)) events.add(line.substring(6));
                    }
                } catch (Exception closed) {
                    // closed below
                }
            });
        }

        @Override
        public void close() throws Exception {
            stream.body().close();
            reader.interrupt();
        }
    }
}
