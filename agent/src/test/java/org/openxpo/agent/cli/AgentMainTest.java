package org.openxpo.agent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxpo.agent.testing.EmulatedBench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The command line: targets or a config file in, a serving agent or one clear line and exit code 2 out. */
class AgentMainTest {
    EmulatedBench bench = new EmulatedBench(2);
    StringWriter out = new StringWriter(), err = new StringWriter();
    RunningAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) agent.close();
        bench.close();
    }

    int run(String... args) {
        return AgentMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), a -> agent = a);
    }

    /** Runs the agent in the background until the test closes it; returns its exit code's future. */
    CompletableFuture<Integer> start(String... args) {
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run(args));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent != null || code.isDone());
        return code;
    }

    @Test
    void targetsOnTheCommandLineAreServed() throws Exception {
        CompletableFuture<Integer> code = start("--target", bench.target(1), "--target", "right=" + bench.target(2), "--http-port", "0");
        assertNotNull(agent, err.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("watching 2 modules"));
        assertTrue(out.toString().contains("controls off"), out.toString());
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agent.http().url() + "/api/modules")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(body.contains("\"name\":\"cage1\"") && body.contains("\"name\":\"right\""), body);
        agent.close();
        assertEquals(AgentMain.OK, code.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aYamlConfigNamesModulesIntervalsAndTheToken(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), "  s3cret-token\n");
        Path config = Files.writeString(dir.resolve("agent.yaml"), """
            modules:
              - name: left
                target: %s
            poll:
              snapshotSeconds: 0.5
              vdmStatisticsSeconds: 30
            http:
              port: 0
            tokenFile: token
            """.formatted(bench.target(1)));
        start("--config", config.toString());
        assertNotNull(agent, err.toString());
        assertEquals(java.time.Duration.ofMillis(500), agent.registry().options().snapshotInterval());
        assertEquals(java.time.Duration.ofSeconds(30), agent.registry().options().vdmStatisticsInterval());
        assertTrue(agent.registry().module("left").isPresent());
        assertFalse(out.toString().contains("s3cret"), "the token is never printed");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        assertEquals(AgentMain.USAGE, run());
        assertTrue(err.toString().contains("no modules to watch"), err.toString());

        assertUsage("unknown kind", "--target", "ftp://x");
        assertUsage("two modules are named 'cage1'", "--target", bench.target(1), "--target", "tcp://127.0.0.2:9450/1");
        assertUsage("not loopback", "--target", bench.target(1), "--bind", "0.0.0.0", "--http-port", "0");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "modules:\n  - target: " + bench.target(1) + "\npol:\n  snapshotSeconds: 1\n");
        assertUsage("pol", "--config", typo.toString());
        Path secret = Files.writeString(dir.resolve("token"), "");
        assertUsage("is empty", "--target", bench.target(1), "--token-file", secret.toString());
        assertUsage("must be more than 0", "--target", bench.target(1), "--poll-interval", "0");
        Path noStatistics = Files.writeString(dir.resolve("vdm.yaml"), "modules:\n  - target: " + bench.target(1)
            + "\npoll:\n  vdmStatisticsSeconds: 0\n");
        assertUsage("poll.vdmStatisticsSeconds must be more than 0", "--config", noStatistics.toString());
        assertFalse(err.toString().contains("Exception\n\tat"), "no stack traces");
    }

    void assertUsage(String message, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(AgentMain.USAGE, run(args), err.toString());
        assertTrue(err.toString().startsWith("xpo-agent: ") && err.toString().contains(message), err.toString());
    }
}
