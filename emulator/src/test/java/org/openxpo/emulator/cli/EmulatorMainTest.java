package org.openxpo.emulator.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executable's main logic, in-process: flags, failures as one line and exit codes, a clean start and stop. */
class EmulatorMainTest {
    final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        return EmulatorMain.run(args, new PrintWriter(out), new PrintWriter(err), RunningEmulator::close);
    }

    private String errLine() {
        String e = err.toString();
        assertEquals(1, e.lines().count(), "exactly one line on stderr, got:\n" + e);
        assertFalse(e.contains("\tat "), "no stack trace");
        return e.strip();
    }

    @Test
    void anUnknownFlagIsOneLineAndExit2() {
        assertEquals(EmulatorMain.USAGE, run("--cagez", "4"));
        assertTrue(errLine().startsWith("xpo-emulator: Unknown option"), errLine());
        assertTrue(errLine().contains("'--cagez'"), errLine());
    }

    @Test
    void badFlagValuesAreNamed() {
        assertEquals(2, run("--cages", "0"));
        assertEquals("xpo-emulator: --cages must be 1-1024, not 0 (see --help)", errLine());
    }

    @Test
    void aBadBusSpeedListsTheChoices() {
        assertEquals(2, run("--bus-speed", "2m"));
        assertTrue(errLine().contains("use 100k, 400k, 1m, i3c-sdr or off"), errLine());
    }

    @Test
    void aNonNumericPortIsAUsageError() {
        assertEquals(2, run("--port", "http"));
        assertTrue(errLine().contains("--port"), errLine());
    }

    @Test
    void aPublicBindWithoutATokenIsRefused() {
        assertEquals(2, run("--bind", "0.0.0.0", "--token", ""));
        assertTrue(errLine().contains("--bind 0.0.0.0 is not a loopback address"), errLine());
    }

    @Test
    void aBadScenarioNamesTheFileAndField() throws IOException {
        Path f = Files.createTempFile("bad-scenario", ".json");
        try {
            Files.writeString(f, "{\"cages\": {\"1\": {\"presnt\": false}}}");
            assertEquals(2, run("--scenario", f.toString(), "--port", "0", "--control-port", "0"));
            assertTrue(errLine().contains("unknown field 'cages.1.presnt'"), errLine());
            assertTrue(errLine().contains(f.toString()), errLine());
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void aBusyPortIsOneClearLineAndExit1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(EmulatorMain.CANNOT_START, run("--port", String.valueOf(taken.getLocalPort()), "--control-port", "0"));
            assertEquals("xpo-emulator: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                + " (--port): the port is in use or not available", errLine());
            err.getBuffer().setLength(0);
            assertEquals(1, run("--port", "0", "--control-port", String.valueOf(taken.getLocalPort())));
            assertTrue(errLine().contains("(--control-port)"), errLine());
        }
    }

    @Test
    void startsServesAndStopsCleanly() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicReference<Integer> cages = new AtomicReference<>();
        int code = EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0", "--scenario",
                "../examples/scenarios/chassis-mixed.json", "--timing", "fast"}, new PrintWriter(out), new PrintWriter(err),
            emulator -> {
                try {
                    cages.set(emulator.chassis().size());
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + emulator.controlPort() + "/api/cages/5")).build(),
                        HttpResponse.BodyHandlers.ofString());
                    answer.set(r.body());
                } catch (Exception e) {
                    answer.set(e.toString());
                } finally {
                    emulator.close();
                }
            });
        assertEquals(0, code, err.toString());
        assertEquals(8, cages.get(), "the scenario's highest cage sets the chassis size");
        assertTrue(answer.get().contains("\"present\":false"), answer.get());
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--bus-speed=SPEED"), out.toString());
        assertTrue(out.toString().contains("XPO_EMULATOR_TOKEN"), out.toString());
    }
}
