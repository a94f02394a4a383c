package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.PrbsPattern;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code xpoctl diag}: its commands, their errors and their JSON, against a module that advertises diagnostics. */
class DiagCliTest {
    private static final String TARGET = "tcp://127.0.0.1:9450/1";

    private static PlainCmisModule module() {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 3).set(AdminPages.DIAG_PAGES_SUPPORTED, 0, 0, 1);
        m.page(Pages.DIAGNOSTICS_FIRST, 0)[DiagnosticsPages.MEDIA_OUTPUT_LOOPBACK_SUPPORTED.offset()
            - ManagementInterface.UPPER_PAGE_START] = 0x3F;
        for (var f : List.of(DiagnosticsPages.MEDIA_GENERATOR_PATTERNS_SUPPORTED, DiagnosticsPages.MEDIA_CHECKER_PATTERNS_SUPPORTED)) {
            m.set(f, 0, PrbsPattern.PRBS31Q.code(), 1);
        }
        return m;
    }

    @Test
    void loopbackSetsAndShowsLanes() {
        PlainCmisModule m = module();
        CliRun set = CliRun.run(t -> m, "--target", TARGET, "diag", "loopback", "host-input", "on", "--lanes", "1-8");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().contains("host-input    on lanes 1-8"), set.out());
        JsonNode n = XpoCtlTest.json(CliRun.run(t -> m, "--target", TARGET, "diag", "loopback", "--json"));
        assertEquals("openxpo.diag/1", n.get("schema").asString());
        assertEquals(8, n.get("loopbacks").get("hostInput").size());
        assertEquals(0, n.get("loopbacks").get("mediaOutput").size());
        CliRun none = CliRun.run(t -> m, "--target", TARGET, "diag", "loopback", "none");
        assertTrue(none.out().contains("host-input    off"), none.toString());
    }

    @Test
    void prbsAndBerTalkInTheModulesTerms() {
        PlainCmisModule m = module();
        CliRun start = CliRun.run(t -> m, "--target", TARGET, "diag", "prbs", "start", "--pattern", "prbs31q", "--lanes",
            "1-8", "--side", "media");
        assertEquals(0, start.code(), start.toString());
        assertEquals("PRBS PRBS31Q started on the media side, lanes 1-8\n", start.out());
        CliRun ber = CliRun.run(t -> m, "--target", TARGET, "diag", "ber", "--lanes", "1-2", "--watch", "--count", "2",
            "--interval", "1ms", "--json");
        assertEquals(0, ber.code(), ber.toString());
        List<String> lines = ber.out().lines().toList();
        assertEquals(2, lines.size(), "one line per reading: " + ber.out());
        JsonNode first = XpoJson.mapper().readTree(lines.getFirst());
        assertEquals("ber", first.get("command").asString());
        assertEquals("PRBS31Q", first.get("results").get(0).get("pattern").asString());
        assertTrue(first.get("results").get(0).get("locked").asBoolean());
    }

    @Test
    void mistakesAreOneLineErrors() {
        PlainCmisModule m = module();
        XpoCtlTest.assertOneLineError(CliRun.run(t -> m, "--target", TARGET, "diag", "prbs", "start", "--lanes", "1-8"),
            2, "prbs start needs --pattern");
        XpoCtlTest.assertOneLineError(CliRun.run(t -> m, "--target", TARGET, "diag", "prbs", "start", "--pattern",
            "PRBS7", "--lanes", "1-8"), 2, "does not support PRBS7 (13h:134 supports PRBS31Q)");
        XpoCtlTest.assertOneLineError(CliRun.run(t -> m, "--target", TARGET, "diag", "prbs", "start", "--pattern",
            "PRBS99", "--lanes", "1-8"), 2, "unknown PRBS pattern 'PRBS99'");
        XpoCtlTest.assertOneLineError(CliRun.run(t -> m, "--target", TARGET, "diag", "ber", "--lanes", "3"), 1,
            "the media checker is off on lanes 3: start it with prbs start");
        XpoCtlTest.assertOneLineError(CliRun.run(t -> m, "--target", TARGET, "diag", "loopback", "sideways", "on"), 2,
            "'sideways' is not a loopback");
        PlainCmisModule plain = new PlainCmisModule();
        XpoCtlTest.assertOneLineError(CliRun.run(t -> plain, "--target", TARGET, "diag", "loopback"), 2,
            "does not advertise the diagnostics pages");
    }
}
