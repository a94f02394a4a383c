package org.openxpo.emulator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executable's main logic, in-process: flags, failures as one line and exit codes, a clean start and stop. */
class EmulatorMainTest {
    @TempDir
    Path dir;

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
        assertEquals("xpo-emulator: --cages must be 1–1,024, got 0 (see --help)", errLine());
    }

    @Test
    void aNegativeSeedIsRefusedAsInAScenario() {
        assertEquals(2, run("--seed", "-1"));
        assertEquals("xpo-emulator: --seed must be 0 or more (as a scenario's seed), not -1 (see --help)", errLine());
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

    /** Issue 20, defect 6: this started the link server on every interface, then failed with a Java exception, exit 1. */
    @Test
    void aBlankTokenIsAUsageErrorBeforeAnythingListens() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            port = probe.getLocalPort();
        }
        AtomicReference<RunningEmulator> started = new AtomicReference<>();
        int code = EmulatorMain.run(new String[] {"--bind", "0.0.0.0", "--token", "   ", "--port", String.valueOf(port),
            "--control-port", "0"}, new PrintWriter(out), new PrintWriter(err), started::set);
        assertEquals(EmulatorMain.USAGE, code);
        assertEquals("xpo-emulator: --token is blank: a bearer token needs visible characters (see --help)", errLine());
        assertEquals(null, started.get(), "no emulator was started");
        new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0")).close();   // and the link port is free
    }

    @Test
    void theTokenComesFromAFileAndStaysOutOfTheCommandLine() throws Exception {
        Path f = dir.resolve("token.txt");
        Files.writeString(f, "s3cret-from-file\n");
        AtomicReference<String> answers = new AtomicReference<>();
        int code = EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0", "--token-file", f.toString()},
            new PrintWriter(out), new PrintWriter(err), emulator -> {
                try {
                    URI uri = URI.create("http://127.0.0.1:" + emulator.controlPort() + "/api/health");
                    HttpClient c = HttpClient.newHttpClient();
                    int without = c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    int with = c.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer s3cret-from-file").build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                    answers.set(without + " " + with);
                } catch (Exception e) {
                    answers.set(e.toString());
                } finally {
                    emulator.close();
                }
            });
        assertEquals(0, code, err.toString());
        assertEquals("401 200", answers.get(), "the file's token, without its newline, is required");
    }

    @Test
    void aTokenFileMustHoldAToken() throws IOException {
        Path f = dir.resolve("token.txt");
        Files.writeString(f, " \n");
        assertEquals(2, run("--token-file", f.toString()));
        assertEquals("xpo-emulator: --token-file " + f + " is empty (see --help)", errLine());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--token-file", f + ".missing"));
        assertEquals("xpo-emulator: --token-file: cannot read " + f + ".missing (no such file) (see --help)", errLine());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--token-file", f.toString(), "--token", "x"));
        assertEquals("xpo-emulator: give the token by --token or by --token-file, not both (see --help)", errLine());
        err.getBuffer().setLength(0);
        Files.writeString(f, "two words");
        assertEquals(2, run("--token-file", f.toString()));
        assertTrue(errLine().contains("a bearer token is printable ASCII without spaces"), errLine());
    }

    @Test
    void aBlankTokenInTheEnvironmentIsRefusedAndAnEmptyOneMeansNone() {
        EmulatorCommand blank = new EmulatorCommand(e -> { }, Map.of("XPO_EMULATOR_TOKEN", "  ")::get);
        new CommandLine(blank).parseArgs();
        assertEquals("XPO_EMULATOR_TOKEN is blank: a bearer token needs visible characters",
            assertThrows(CommandLine.ParameterException.class, blank::settings).getMessage());
        EmulatorCommand fromEnv = new EmulatorCommand(e -> { }, Map.of("XPO_EMULATOR_TOKEN", "s3cret")::get);
        new CommandLine(fromEnv).parseArgs();
        assertEquals("s3cret", fromEnv.settings().token());
        EmulatorCommand empty = new EmulatorCommand(e -> { }, Map.of("XPO_EMULATOR_TOKEN", "")::get);
        new CommandLine(empty).parseArgs();
        assertNull(empty.settings().token());
    }

    @Test
    void aHostNameIsAPlainName() {
        assertEquals(2, run("--host-name", "http://bench7:9451"));
        assertEquals("xpo-emulator: --host-name: 'http://bench7:9451' is not a host name (letters, digits, '-' and '.') (see --help)",
            errLine());
    }

    @Test
    void aBadScenarioNamesTheFileAndField() throws IOException {
        Path f = dir.resolve("bad-scenario.json");
        Files.writeString(f, "{\"cages\": {\"1\": {\"presnt\": false}}}");
        assertEquals(2, run("--scenario", f.toString(), "--port", "0", "--control-port", "0"));
        assertTrue(errLine().contains("unknown field 'cages.1.presnt'"), errLine());
        assertTrue(errLine().contains(f.toString()), errLine());
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
    void theEndpointsLineComesOutOnceBothServersListen() {
        AtomicReference<String> ports = new AtomicReference<>();
        assertEquals(0, EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0"}, new PrintWriter(out),
            new PrintWriter(err), emulator -> {
                ports.set(emulator.linkPort() + "/" + emulator.controlPort());
                Thread.ofVirtual().start(() -> {   // stops it once the line is out
                    org.awaitility.Awaitility.await().until(() -> out.toString().endsWith("\n"));
                    emulator.close();
                });
            }));
        String[] p = ports.get().split("/");
        assertEquals("{\"link\":\"tcp://127.0.0.1:" + p[0] + "\",\"linkPort\":" + p[0] + ",\"control\":\"http://127.0.0.1:"
            + p[1] + "/api\",\"controlPort\":" + p[1] + ",\"cages\":1,\"pid\":" + ProcessHandle.current().pid() + "}",
            out.toString().strip(), "one line of JSON on stdout");
    }

    @Test
    void aReadyFileInAMissingDirectoryIsAUsageError() {
        assertEquals(2, run("--ready-file", "/no/such/dir/ready.json", "--port", "0", "--control-port", "0"));
        assertEquals("xpo-emulator: --ready-file /no/such/dir/ready.json: no such directory /no/such/dir (see --help)", errLine());
    }

    @Test
    void theShutdownHookClosesARunningEmulatorAndExits0ButLeavesAnExitOfTheProgramsOwn() {
        AtomicReference<Integer> halted = new AtomicReference<>();
        AtomicReference<RunningEmulator> running = new AtomicReference<>();
        assertEquals(0, EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0"}, new PrintWriter(out),
            new PrintWriter(err), emulator -> {
                running.set(emulator);
                new CleanShutdown(emulator, halted::set).run();   // as on SIGTERM while it runs
            }));
        assertTrue(running.get().isClosed());
        assertEquals(0, halted.get(), "the process ends with 0, not 143");
        halted.set(null);
        new CleanShutdown(running.get(), halted::set).run();    // as on System.exit after a close
        assertNull(halted.get(), "an exit with the program's own code stays as it is");
    }

    @Test
    void aClockRateOutOfRangeSaysTheRange() {
        assertEquals(2, run("--clock-rate", "0"));
        assertEquals("xpo-emulator: --clock-rate must be 1-1000, not 0 (see --help)", errLine());
    }

    /** At --clock-rate 200 the scenario's step at 60 s runs 0.3 s after the start instead of a minute later. */
    @Test
    void aClockRatePlaysAScenarioFasterThanTheWallClock() throws IOException {
        Path f = dir.resolve("minute.json");
        Files.writeString(f, "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 60000, \"fault\": {\"kind\": \"stuck-bus\"}}]}}}");
        AtomicReference<Integer> faults = new AtomicReference<>();
        assertEquals(0, EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0", "--clock-rate", "200",
            "--scenario", f.toString()}, new PrintWriter(out), new PrintWriter(err), emulator -> {
                try {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                        .until(() -> emulator.chassis().cage(1).module().activeFaults().size() == 1);
                    faults.set(emulator.chassis().cage(1).module().activeFaults().size());
                } finally {
                    emulator.close();
                }
            }));
        assertEquals(1, faults.get(), "the minute-long wait took well under 20 s of wall-clock time");
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--bus-speed=SPEED"), out.toString());
        assertTrue(out.toString().contains("XPO_EMULATOR_TOKEN"), out.toString());
        assertTrue(out.toString().contains("--token-file=FILE"), out.toString());
        assertTrue(out.toString().contains("'ps'"), "the help warns that --token shows in ps");
    }
}
