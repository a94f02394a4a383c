package org.openxpo.agent.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.http.AgentHttpServer;
import org.openxpo.agent.http.HttpOptions;
import org.openxpo.agent.testing.EmulatedBench;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus}, which .ci/run installs) scrapes the agent serving an emulated
 * chassis; PromQL through Prometheus's HTTP API sees the emulated values and, after a fault injected through the
 * emulator's control API, the alarm.
 */
class RealPrometheusTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    EmulatedBench bench = new EmulatedBench(2);
    ModuleRegistry registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(500))
        .withAlarmInterval(Duration.ofMillis(200)), VdmSource.NONE);
    AgentHttpServer agent;
    Process prometheus;
    HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) prometheus.destroyForcibly();
        }
        if (agent != null) agent.close();
        registry.close();
        bench.close();
        http.close();
    }

    static Path prometheusBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "prometheus");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void promQlSeesTheEmulatedValuesAndAnInjectedAlarm(@TempDir Path dir) throws Exception {
        Path binary = prometheusBinary();
        // skipped on a developer's machine without it; on CI (.ci/run sets CI and installs it) a missing one fails
        if (System.getenv("CI") != null) assertNotNull(binary, "CI must have Debian's prometheus (.ci/run installs it)");
        assumeTrue(binary != null, "Debian's prometheus is not installed (.ci/run installs it)");
        registry.add(new ModuleSpec("cage1", bench.target(1)));
        registry.add(new ModuleSpec("cage2", bench.target(2)));
        agent = AgentHttpServer.start(HttpOptions.loopback(0, null), registry, new ModuleControls(registry));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: xpo-agent
                static_configs:
                  - targets: ['127.0.0.1:%d']
            """.formatted(agent.port()));
        int port = freePort();
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";

        // the emulated input power of cage 2, as the agent read it, is what PromQL returns
        JsonNode power = await("Prometheus scraped the agent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .until(() -> query(api, "xpo_module_input_power_watts{module=\"cage2\"}"), r -> r != null && r.size() == 1);
        double promWatts = power.get(0).get("value").get(1).asDouble();
        double agentWatts = registry.module("cage2").orElseThrow().view().snapshot().power().inputPowerW();
        assertEquals(agentWatts, promWatts, agentWatts * 0.1, "the emulated module's input power");
        JsonNode lanes = query(api, "count(xpo_lane_rx_power_dbm{module=\"cage1\"})");
        assertEquals(64, lanes.get(0).get("value").get(1).asInt(), "one Rx power series per lane");
        JsonNode info = query(api, "xpo_module_info{module=\"cage1\"}");
        assertEquals("XPO0000001", info.get(0).get("metric").get("serial").asString());

        HttpResponse<String> injected = http.send(HttpRequest.newBuilder(URI.create(bench.controlUrl() + "/api/cages/1/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"laser-failure\",\"lanes\":[9]}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, injected.statusCode(), injected.body());

        JsonNode alarm = await("the alarm in Prometheus").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
            .until(() -> query(api, "xpo_lane_flag{module=\"cage1\",flag=\"TxFailure\"} == 1"), r -> r != null && r.size() == 1);
        assertEquals("9", alarm.get(0).get("metric").get("lane").asString());
        assertEquals("1", alarm.get(0).get("metric").get("bank").asString());
        JsonNode healthy = query(api, "xpo_lane_flag{module=\"cage2\",flag=\"TxFailure\"} == 1");
        assertEquals(0, healthy.size(), "the other module has no such alarm");
    }

    /** The result vector of an instant query (null while Prometheus is not answering yet). */
    JsonNode query(String api, String promql) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return null;
            JsonNode body = JSON.readTree(r.body());
            return "success".equals(body.get("status").asString()) ? body.get("data").get("result") : null;
        } catch (Exception notYet) {
            return null;
        }
    }
}
