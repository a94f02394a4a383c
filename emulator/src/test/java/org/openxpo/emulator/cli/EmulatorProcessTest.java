package org.openxpo.emulator.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator as a CI job runs it: its own process, started on free ports, its endpoints read from stdout or the
 * ready file, stopped with a signal. A clean stop exits 0 (not 143 or 130) and removes the ready file.
 */
@DisabledOnOs(OS.WINDOWS)
class EmulatorProcessTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    Process process;

    @AfterEach
    void kill() {
        if (process != null) process.destroyForcibly();
    }

    private Process start(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
            EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return process;
    }

    /** The first line the process prints on stdout, within 30 s. */
    private static JsonNode firstLine(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        return JSON.readTree(line);
    }

    private static int health(JsonNode endpoints) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoints.get("control").asString() + "/health"))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void sigtermStopsCleanlyWithExit0AndRemovesTheReadyFile() throws Exception {
        Path ready = Files.createTempDirectory("xpo").resolve("ready.json");
        Process p = start("--port", "0", "--control-port", "0", "--cages", "2", "--ready-file", ready.toString());
        JsonNode endpoints = firstLine(p);
        assertEquals(endpoints, JSON.readTree(Files.readString(ready)), "the ready file holds what stdout says");
        assertTrue(endpoints.get("linkPort").asInt() > 0 && endpoints.get("controlPort").asInt() > 0, endpoints.toString());
        assertEquals("tcp://127.0.0.1:" + endpoints.get("linkPort").asInt(), endpoints.get("link").asString());
        assertEquals(2, endpoints.get("cages").asInt());
        assertEquals(p.pid(), endpoints.get("pid").asLong());
        assertEquals(200, health(endpoints), "the control API listens once the line is out");

        p.destroy();   // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
        assertEquals(0, p.exitValue(), "a clean shutdown exits 0");
        assertFalse(Files.exists(ready), "the ready file is gone");
    }

    @Test
    void sigintStopsCleanlyWithExit0() throws Exception {
        Process p = start("--port", "0", "--control-port", "0");
        firstLine(p);
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
        assertEquals(0, p.exitValue(), "Ctrl-C is a clean shutdown too");
    }
}
