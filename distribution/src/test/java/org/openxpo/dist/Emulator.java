package org.openxpo.dist;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The emulator the docs' examples talk to: the built jar on free ports, started the way docs/emulator-server.md tells
 * a CI job to. The docs write the default ports (`localhost:9451`, `tcp://127.0.0.1:9450/1`); {@link #substitute}
 * maps them to the ports this one got, in commands and expected output alike.
 */
final class Emulator implements AutoCloseable {
    /** What the examples expect: two cages, 1 ms state transitions, the default seed. */
    static final List<String> FLAGS = List.of("--cages", "2", "--timing", "fast");
    private static final Pattern LINK_PORT = Pattern.compile("(?<=:)9450\\b");
    private static final Pattern CONTROL_PORT = Pattern.compile("(?<=:)9451\\b");

    private final Process process;
    private final int linkPort;
    private final int controlPort;

    private Emulator(Process process, int linkPort, int controlPort) {
        this.process = process;
        this.linkPort = linkPort;
        this.controlPort = controlPort;
    }

    static Emulator start(Path root, Path scratch) throws IOException {
        Path ready = scratch.resolve("emulator-ready.json");
        Path log = scratch.resolve("emulator.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar",
            root.resolve("emulator/target/xpo-emulator.jar").toString(),
            "--port", "0", "--control-port", "0", "--ready-file", ready.toString()));
        command.addAll(FLAGS);
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        try {
            await("the emulator's ready file").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) throw new IllegalStateException("the emulator ended: " + Files.readString(log));
                    return Files.isRegularFile(ready);              // written aside, then moved into place
                });
            JsonNode endpoints = JsonMapper.builder().build().readTree(ready.toFile());
            return new Emulator(process, endpoints.get("linkPort").asInt(), endpoints.get("controlPort").asInt());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The docs' ports 9450 (link) and 9451 (control API), written after a ':', become this emulator's. */
    String substitute(String text) {
        String linked = LINK_PORT.matcher(text).replaceAll(Integer.toString(linkPort));
        return CONTROL_PORT.matcher(linked).replaceAll(Integer.toString(controlPort));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
