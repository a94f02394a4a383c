package org.openxpo.driver.cli;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.ConfigRejectedException;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.ResetMethod;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.EventLogAccess;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** Every xpoctl command in-process: output, exit code, and what it did to the module. */
class XpoCtlTest {
    static final String FAST = "embedded?timing=fast";

    static JsonNode json(CliRun r) {
        assertEquals(0, r.code(), r.toString());
        return XpoJson.mapper().readTree(r.out());
    }

    static void assertOneLineError(CliRun r, int code, String text) {
        assertEquals(code, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().startsWith("xpoctl: "), r.toString());
        assertTrue(r.err().contains(text), r.toString());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
    }

    static void assertFits80Columns(String text) {
        for (String line : text.lines().toList()) {
            assertTrue(line.replace("\t", "        ").length() <= 80, "longer than 80 columns: " + line);
        }
    }

    @Test
    void showWaitsForTheEmbeddedModuleToBoot() {
        CliRun r = CliRun.run("show");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("State         ModuleReady"), r.out());
        assertTrue(r.out().contains("DPActivated   1-64"), r.out());
        assertTrue(r.out().contains("Power         4"), "the 50 V input is measured: " + r.out());
        assertFalse(r.out().contains("-inf"), "every lit lane reports light: " + r.out());
        assertFits80Columns(r.out());
    }

    @Test
    void showJsonHasTheDocumentedMembers() {
        JsonNode n = json(CliRun.run("--target", FAST, "show", "--json"));
        assertEquals("openxpo.module/1", n.get("schema").asString());
        assertEquals(FAST, n.get("target").asString());
        for (String k : List.of("vendor", "partNumber", "serialNumber", "firmwareVersion")) {
            assertFalse(n.get("identity").get(k).asString().isBlank(), k);
        }
        assertEquals("ModuleReady", n.get("moduleState").asString());
        for (String k : List.of("inputVoltageV", "inputCurrentA", "inputPowerW")) assertTrue(n.get("power").get(k).isNumber());
        for (String k : List.of("inletTempC", "outletTempC", "flowLpm")) assertTrue(n.get("cooling").get(k).isNumber());
        assertTrue(n.get("cooling").get("leak").isBoolean());
        assertEquals(64, n.get("lanes").size());
        for (JsonNode lane : n.get("lanes")) {
            for (String k : List.of("lane", "dataPathState", "txPowerMw", "rxPowerMw", "biasMa")) assertTrue(lane.has(k), k);
        }
        for (JsonNode a : n.get("alarms")) assertTrue(a.has("name") && a.has("severity"));
    }

    @Test
    void lanesShowsSixtyFourCompactRows() {
        CliRun r = CliRun.run("--target", FAST, "lanes");
        assertEquals(0, r.code(), r.toString());
        List<String> rows = r.out().lines().filter(l -> l.matches("^\\s*\\d+\\s+\\d+\\s+DP\\w+.*")).toList();
        assertEquals(64, rows.size(), r.out());
        assertTrue(rows.getFirst().trim().startsWith("1   1 DPActivated"), rows.getFirst());
        assertTrue(r.out().contains("bank 7 (lanes 57-64)"));
        assertFits80Columns(r.out());

        JsonNode n = json(CliRun.run("lanes", "--json", "--target", FAST));
        assertEquals("openxpo.lanes/1", n.get("schema").asString());
        assertEquals(64, n.get("lanes").size());
        assertEquals(64, n.get("lanes").get(63).get("lane").asInt());
    }

    @Test
    void thresholds() {
        CliRun r = CliRun.run("--target", FAST, "thresholds");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("TxPower ") && l.endsWith("mW")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("InputVoltage ") && l.endsWith(" V")), r.out());
        assertFits80Columns(r.out());
        JsonNode n = json(CliRun.run("--target", FAST, "thresholds", "--json"));
        assertEquals(16, n.get("thresholds").size());
    }

    @Test
    void aLaserFailureBecomesAnEventAndShowsInAlarms() {
        try (EmulatedModule em = EmulatedModule.ready(); XpoModuleClient client = em.client()) {
            var events = EventLogAccess.monitor(client);
            em.module().inject(new Fault.LaserFailure(Set.of(3)));
            events.awaitRaised("TxFailure", 3);
            events.close();  // the monitor reads every flag as soon as it latches; xpoctl reads them now

            await().atMost(Duration.ofSeconds(5)).until(() -> em.module().peek(LaneStatusPage.FAILURE_FLAG_TX, 0, 2) == 1);
            CliRun text = CliRun.run(t -> em.transport, "alarms");
            assertEquals(0, text.code(), text.toString());
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith("alarm") && l.contains("TxFailure")
                && l.contains("lane 3")), text.out());

            await().atMost(Duration.ofSeconds(5)).until(() -> em.module().peek(LaneStatusPage.FAILURE_FLAG_TX, 0, 2) == 1);
            JsonNode n = json(CliRun.run(t -> em.transport, "alarms", "--json"));
            assertEquals("openxpo.alarms/1", n.get("schema").asString());
            boolean found = false;
            for (JsonNode a : n.get("alarms")) {
                found |= a.get("name").asString().equals("TxFailure") && a.get("lane").asInt() == 3
                    && a.get("severity").asString().equals("alarm") && a.get("source").asString().equals("lane");
            }
            assertTrue(found, n.toString());
        }
    }

    @Test
    void dumpLooksLikeEthtoolHex() {
        CliRun r = CliRun.run("--target", FAST, "dump");
        assertEquals(0, r.code(), r.toString());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("0x")).toList();
        assertEquals(16, rows.size(), r.out());
        assertTrue(rows.getFirst().startsWith("0x0000:\t\t19 53 "), rows.getFirst());
        assertTrue(rows.get(15).startsWith("0x00f0:\t\t"));
        assertTrue(rows.stream().allMatch(l -> l.split("\t\t")[1].split(" ").length == 16));
        assertFits80Columns(r.out());

        CliRun hex = CliRun.run("--target", FAST, "dump", "--page", "0x11", "--bank", "2");
        CliRun suffix = CliRun.run("--target", FAST, "dump", "--page", "11h", "--bank", "2");
        for (CliRun d : List.of(hex, suffix)) {
            assertEquals(0, d.code(), d.toString());
            assertTrue(d.out().startsWith("Page 11h bank 2"), d.out());
            List<String> page = d.out().lines().filter(l -> l.startsWith("0x")).toList();
            assertEquals(8, page.size());
            assertTrue(page.getFirst().startsWith("0x0080:\t\t44 44 44 44 "), "DPActivated in every lane: " + page.getFirst());
        }
    }

    @Test
    void dumpRefusesPagesAndBanksTheModuleDoesNotAdvertise() {
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "12h"), 2, "page 12h is not advertised by the module");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "16h"), 2,
            "page 16h is not advertised by the module (01h:142 NetworkPathPagesSupported is 0)");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "0x10", "--bank", "9"), 2, "banks 0-7, not 9");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "01h", "--bank", "1"), 2, "not banked");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "zz"), 2, "is not a page");
    }

    @Test
    void dumpAddressesBytesLikeEthtool() {
        CliRun one = CliRun.run("--target", FAST, "dump", "--page", "1", "--offset", "0x8e", "--length", "1");
        assertEquals(0, one.code(), one.toString());
        List<String> rows = one.out().lines().filter(l -> l.startsWith("0x")).toList();
        assertEquals(1, rows.size(), one.out());
        assertTrue(rows.getFirst().matches("0x008e:\t\t[0-9a-f]{2}"), one.out());
        assertEquals(3, Integer.parseInt(rows.getFirst().substring(rows.getFirst().length() - 2), 16) & 3,
            "01h:142 BanksSupported: 8 banks: " + one.out());

        CliRun lower = CliRun.run("--target", FAST, "dump", "--offset", "0", "--length", "20");
        List<String> lowerRows = lower.out().lines().filter(l -> l.startsWith("0x")).toList();
        assertEquals(2, lowerRows.size(), lower.out());
        assertEquals(4, lowerRows.get(1).split("\t\t")[1].split(" ").length, "16 + 4 bytes: " + lower.out());

        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "11h", "--offset", "3"), 2,
            "bytes 0-127 are lower memory");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--page", "11h", "--offset", "200", "--length", "57"), 2,
            "goes past byte 255 (at most 56)");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--offset", "300"), 2, "not a byte address");
        assertOneLineError(CliRun.run("--target", FAST, "dump", "--raw", "--json"), 2, "choose one");
    }

    @Test
    void dumpRawAndJsonCarryTheSameBytesAsTheHexDump() {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = XpoCtl.execute(new XpoCtl().rawOutput(raw), new java.io.PrintWriter(out), new java.io.PrintWriter(err),
            "--target", FAST, "dump", "--page", "0", "--offset", "129", "--length", "16", "--raw");
        assertEquals(0, code, err.toString());
        assertEquals("", out.toString());
        assertEquals("OPENXPO         ", new String(raw.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII),
            "00h:129-144 is VendorName");

        JsonNode n = json(CliRun.run("--target", FAST, "dump", "--page", "0", "--offset", "129", "--length", "3", "--json"));
        assertEquals("openxpo.dump/1", n.get("schema").asString());
        assertEquals(0, n.get("page").asInt());
        assertEquals(129, n.get("offset").asInt());
        assertEquals(3, n.get("length").asInt());
        assertEquals(List.of((int) 'O', (int) 'P', (int) 'E'), n.get("bytes").valueStream().map(JsonNode::asInt).toList());
    }

    @Test
    void monitorPrintsEventsAndSnapshots() {
        CliRun r = CliRun.run("--target", FAST, "monitor", "--json", "--count", "2", "--interval", "200ms");
        assertEquals(0, r.code(), r.toString());
        List<JsonNode> events = r.out().lines().map(l -> XpoJson.mapper().readTree(l)).toList();
        assertTrue(events.stream().allMatch(e -> e.get("schema").asString().equals("openxpo.event/1")));
        assertEquals(2, events.stream().filter(e -> e.get("type").asString().equals("snapshot")).count(), r.out());
        assertTrue(events.stream().anyMatch(e -> e.get("type").asString().equals("moduleState")
            && e.get("current").asString().equals("ModuleReady")));

        CliRun text = CliRun.run("--target", FAST, "monitor", "--count", "1", "--interval", "0.2s");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().lines().anyMatch(l -> l.contains("snapshot ModuleReady 64/64 up ")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.contains("DataPathStateChanged") && l.endsWith("lanes 1-64")),
            "one line for the 64 lanes of one reading: " + text.out());
        assertFits80Columns(text.out());
        assertOneLineError(CliRun.run("--target", FAST, "monitor", "--interval", "soon"), 2, "not a duration");
    }

    static long snapshotLines(String out) { return out.lines().filter(l -> l.contains("snapshot ")).count(); }

    @Test
    void monitorWithoutCountRunsUntilInterrupted() throws Exception {
        CliInBackground monitor = CliInBackground.start("--target", FAST, "monitor", "--interval", "50ms");
        await().atMost(Duration.ofSeconds(15)).until(() -> snapshotLines(monitor.out()) >= 5 || !monitor.running());
        assertTrue(monitor.running(), "still watching after 5 status lines:\n" + monitor.out());
        CliRun r = monitor.stop();
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("link"), "stopping is not a link failure: " + r.out());
    }

    @Test
    void monitorGroupsTheAlarmsAResetClearsAsItGroupsRaisedOnes() throws Exception {
        try (EmulatedModule em = EmulatedModule.ready(); XpoModuleClient host = em.client()) {
            CliInBackground monitor = CliInBackground.start(t -> em.transport, "monitor", "--interval", "200ms");
            em.module().inject(new Fault.LaserFailure(Set.of(1, 2, 3, 4, 5, 6, 7, 8)));
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.out().lines()
                .anyMatch(l -> l.contains(" alarm ") && l.contains("TxFailure") && l.endsWith("lanes 1-8")));
            host.reset(ResetMethod.SOFTWARE);   // the monitor clears every active alarm at once, the fault raises them again
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.out().lines()
                .filter(l -> l.contains("TxFailure") && !l.contains("cleared")).count() >= 2);
            CliRun r = monitor.stop();
            List<String> cleared = r.out().lines().filter(l -> l.contains("cleared") && l.contains("TxFailure")).toList();
            assertEquals(1, cleared.size(), r.out());
            assertTrue(cleared.getFirst().endsWith("lanes 1-8"), r.out());
        }
    }

    @Test
    void resetAndLowPower() {
        CliRun soft = CliRun.run("--target", FAST, "reset");
        assertEquals(0, soft.code(), soft.toString());
        assertTrue(soft.out().startsWith("SoftwareReset: module back in "), soft.out());
        CliRun hard = CliRun.run("--target", FAST, "reset", "--hard");
        assertEquals(0, hard.code(), hard.toString());
        assertTrue(hard.out().startsWith("ResetL pulse: module back in "), hard.out());

        try (EmulatedModule em = EmulatedModule.ready()) {
            CliRun on = CliRun.run(t -> em.transport, "lpmode", "on");
            assertEquals(0, on.code(), on.toString());
            assertTrue(on.out().contains("ModuleLowPwr"), on.out());
            assertOneLineError(CliRun.run(t -> em.transport, "apply", "--app", "4", "--lanes", "1-8"), 1, "ModuleLowPwr");
            CliRun off = CliRun.run(t -> em.transport, "lpmode", "OFF");
            assertEquals(0, off.code(), off.toString());
            assertTrue(off.out().contains("ModuleReady"), off.out());
        }
        assertOneLineError(CliRun.run("--target", FAST, "lpmode", "maybe"), 2, "on|off");
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void controlsReportTheirResultAsJson() {
        try (EmulatedModule em = EmulatedModule.ready()) {
            JsonNode apply = json(CliRun.run(t -> em.transport, "apply", "--app", "2", "--lanes", "1-4", "--json"));
            assertEquals("openxpo.control/1", apply.get("schema").asString());
            assertEquals("apply", apply.get("command").asString());
            assertEquals(2, apply.get("appSel").asInt());
            assertEquals("800GAUI-4 / 800GBASE-DR4", apply.get("application").asString());
            assertEquals(List.of(1, 2, 3, 4), ints(apply.get("lanes")));
            assertEquals(List.of(5, 6, 7, 8), ints(apply.get("released")));
            assertTrue(apply.get("tookMs").isNumber());

            JsonNode tx = json(CliRun.run(t -> em.transport, "tx", "off", "--lanes", "9-10", "--json"));
            assertFalse(tx.get("txEnabled").asBoolean());
            assertEquals(List.of(9, 10), ints(tx.get("lanes")));

            JsonNode low = json(CliRun.run(t -> em.transport, "lpmode", "on", "--json"));
            assertTrue(low.get("lowPower").asBoolean());
            assertEquals("ModuleLowPwr", low.get("moduleState").asString());

            CliRun reset = CliRun.run(t -> em.transport, "reset", "--json", "--compact");
            assertEquals(1, reset.out().lines().count(), reset.toString());
            JsonNode r = json(reset);
            assertEquals("reset", r.get("command").asString());
            assertEquals("software", r.get("method").asString());
        }
    }

    @Test
    void anyJsonOutputCanBeCompact() {
        CliRun show = CliRun.run("--target", FAST, "show", "--json", "--compact");
        assertEquals(1, show.out().lines().count(), show.toString());
        assertEquals("openxpo.module/1", json(show).get("schema").asString());
        CliRun pretty = CliRun.run("--target", FAST, "thresholds", "--json");
        assertTrue(pretty.out().lines().count() > 16, pretty.out());
        assertOneLineError(CliRun.run("--target", FAST, "lanes", "--compact"), 2, "--compact shapes the --json output: add --json");
    }

    @Test
    void applySwitchesBetween64x200GAnd8x1600G() {
        try (EmulatedModule em = EmulatedModule.ready()) {
            CliRun to200 = CliRun.run(t -> em.transport, "apply", "--app", "4", "--lanes", "1-64");
            assertEquals(0, to200.code(), to200.toString());
            assertTrue(to200.out().startsWith("AppSel 4 (200GAUI-1 / 200GBASE-DR1) active on lanes 1-64"), to200.out());
            for (int lane = 1; lane <= 64; lane++) assertEquals(4, acsAppSel(em, lane), "lane " + lane);

            CliRun back = CliRun.run(t -> em.transport, "apply", "--app", "1", "--lanes", "1-64");
            assertEquals(0, back.code(), back.toString());
            for (int lane = 1; lane <= 64; lane++) assertEquals(1, acsAppSel(em, lane), "lane " + lane);

            CliRun part = CliRun.run(t -> em.transport, "apply", "--app", "2", "--lanes", "1-4");
            assertTrue(part.out().contains("released lanes 5-8 (now unused)"), part.out());
        }
    }

    static long acsAppSel(EmulatedModule em, int lane) {
        return em.module().peek(LaneStatusPage.ACS_DP_CONFIG_LANE, (lane - 1) / 8, (lane - 1) % 8) >> 4;
    }

    @Test
    void txOffAndOn() {
        try (EmulatedModule em = EmulatedModule.ready()) {
            CliRun off = CliRun.run(t -> em.transport, "tx", "off", "--lanes", "9-16");
            assertEquals(0, off.code(), off.toString());
            assertEquals("Tx disabled on lanes 9-16", off.out().strip());
            for (int i = 0; i < 8; i++) assertEquals(1, em.module().peek(LaneControlPage.OUTPUT_DISABLE_TX, 1, i));
            assertEquals(0, em.module().peek(LaneControlPage.OUTPUT_DISABLE_TX, 0, 0));
            CliRun on = CliRun.run(t -> em.transport, "tx", "on", "--lanes", "9-16");
            assertEquals(0, on.code(), on.toString());
            for (int i = 0; i < 8; i++) assertEquals(0, em.module().peek(LaneControlPage.OUTPUT_DISABLE_TX, 1, i));
        }
    }

    @Test
    void wrongUsageIsOneLineWithExitCode2() {
        assertOneLineError(CliRun.run("--target", FAST, "tx", "off", "--lanes", "0-70"), 2, "lane 0 is outside 1-64");
        assertOneLineError(CliRun.run("--target", FAST, "apply", "--app", "4", "--lanes", "0-70"), 2, "lane 0 is outside 1-64");
        assertOneLineError(CliRun.run("--target", FAST, "apply", "--app", "9", "--lanes", "1-8"), 2, "AppSel 9 is not advertised");
        assertOneLineError(CliRun.run("--target", FAST, "apply", "--app", "1", "--lanes", "3-10"), 2, "not on lane 3");
        assertOneLineError(CliRun.run("--target", FAST, "apply", "--lanes", "1-8"), 2, "--app");
        assertOneLineError(CliRun.run("--target", FAST, "frobnicate"), 2, "frobnicate");
        assertOneLineError(CliRun.run("--target", "bogus://x", "show"), 2, "invalid target 'bogus://x'");
        assertOneLineError(CliRun.run("--target", "embedded?seed=x", "show"), 2,
            "invalid target 'embedded?seed=x': seed must be a number, not 'x'");
        CliRun none = CliRun.run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Usage: xpoctl"));
    }

    @Test
    void everyFailureTypeHasTheExitCodeTheDocsGiveIt() {
        Map<Class<?>, Integer> documented = Map.ofEntries(
            Map.entry(XpoException.ModuleAbsent.class, 1), Map.entry(XpoException.Nack.class, 1),
            Map.entry(XpoException.BusError.class, 1), Map.entry(XpoException.Timeout.class, 1),
            Map.entry(XpoException.WrongState.class, 1), Map.entry(XpoException.CdbFailed.class, 1),
            Map.entry(XpoException.BadReply.class, 1), Map.entry(XpoException.Aborted.class, 1),
            Map.entry(XpoException.InvalidRequest.class, 2), Map.entry(XpoException.Unsupported.class, 2),
            Map.entry(XpoException.LinkFailure.class, 3));
        for (Class<?> type : XpoException.class.getDeclaredClasses()) {
            assertTrue(documented.containsKey(type), type.getSimpleName() + " has no documented exit code");
        }
        assertEquals(1, XpoCtl.exitCode(new XpoException.ModuleAbsent("cage 1")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.Nack("n")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.BusError("b")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.Timeout("t")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.WrongState("w")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.CdbFailed("commit (010Ah)", 0x46)));
        assertEquals(1, XpoCtl.exitCode(new XpoException.BadReply("r")));
        assertEquals(1, XpoCtl.exitCode(new XpoException.Aborted("a")));
        assertEquals(1, XpoCtl.exitCode(new ConfigRejectedException("c", Map.of())));
        assertEquals(2, XpoCtl.exitCode(new XpoException.InvalidRequest("i")));
        assertEquals(2, XpoCtl.exitCode(new XpoException.Unsupported("u")));
        assertEquals(3, XpoCtl.exitCode(new XpoException.LinkFailure("l")));
        assertEquals(3, XpoCtl.exitCode(new TargetUnreachableException("gone", null)));
        assertEquals(1, XpoCtl.exitCode(new IllegalArgumentException("bad")), "a bug too: bad user input is an InvalidRequest");
        assertTrue(XpoCtl.message(new IllegalArgumentException("bad")).startsWith(
            "internal error: java.lang.IllegalArgumentException: bad"));
        assertEquals(1, XpoCtl.exitCode(new IllegalStateException("a bug")), "an internal error is not the user's fault");
    }

    @Test
    void applyingInLowPowerIsAModuleInTheWrongState() {
        try (EmulatedModule em = EmulatedModule.ready()) {
            assertEquals(0, CliRun.run(t -> em.transport, "lpmode", "on").code());
            assertOneLineError(CliRun.run(t -> em.transport, "apply", "--app", "4", "--lanes", "1-8"), 1,
                "the module is ModuleLowPwr: data paths initialize only in ModuleReady (leave low power first)");
        }
    }

    @Test
    void aHardResetWithoutAWiredResetLIsAUsageError() {
        try (EmulatedModule em = EmulatedModule.ready()) {
            Context ctx = Pi4J.newContextBuilder().noAutoDetect()
                .add(new ConnectorI2CProvider(bus -> bus == 1 ? em.cage : null)).build();
            try {
                assertOneLineError(CliRun.run(t -> Pi4jTransport.open(ctx, TargetUri.parse(t)),
                    "--target", "pi4j://1/0x50", "reset", "--hard"), 2, "is not wired: add resetL=GPIO");
            } finally {
                ctx.shutdown();
            }
        }
    }

    @Test
    void anUnreachableTargetIsExitCode3() {
        assertOneLineError(CliRun.run("--target", "tcp://127.0.0.1:1/1", "show"), 3, "cannot reach the emulator at 127.0.0.1:1");
    }

    @Test
    void helpListsCommandsExitCodesAndTargets() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.code());
        for (String s : List.of("show", "lanes", "thresholds", "alarms", "dump", "monitor", "reset", "lpmode", "apply",
            "tx", "fw", "Exit codes:", "target unreachable", "tcp://HOST:PORT/CAGE")) {
            assertTrue(r.out().contains(s), s);
        }
        assertFits80Columns(r.out());
    }
}
