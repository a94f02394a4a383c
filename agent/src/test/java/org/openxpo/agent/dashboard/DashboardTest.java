package org.openxpo.agent.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.DriverVdmSource;
import org.openxpo.agent.http.AgentHttpServer;
import org.openxpo.agent.http.HttpOptions;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.driver.diag.Diagnostics;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The dashboard in a real browser (Debian's headless chromium) against the agent serving an emulated chassis: what a
 * bench engineer sees, compared with what the agent's REST API and the emulator report, and faults injected through
 * the emulator's control API as a test rig would. Each test uses its own cage so the order does not matter.
 * <p>
 * {@code -Ddashboard.screenshots=docs} writes the screenshots the README shows ({@code docs/dashboard-chassis.png},
 * {@code docs/dashboard-module.png}; a relative directory is taken from the repository root); without it nothing is
 * written, so a test run leaves the tree clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    static final String TOKEN = "bench-token-17";
    static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    static final JsonMapper JSON = JsonMapper.builder().build();

    EmulatedBench bench;
    ModuleRegistry registry;
    AgentHttpServer agent;
    ChromeDriver browser;
    HttpClient http = HttpClient.newHttpClient();
    String emulatorControl;

    @BeforeAll
    void start() {
        browser = HeadlessChromium.start(1280, 1000);
        bench = new EmulatedBench(4);
        emulatorControl = bench.controlUrl();
        registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(500))
            .withAlarmInterval(Duration.ofMillis(200)), new DriverVdmSource(null, java.time.Clock.systemUTC()));
        for (int cage = 1; cage <= 4; cage++) registry.add(new ModuleSpec("cage" + cage, bench.target(cage)));
        // a bench Pi that is switched off: its target does not answer
        registry.add(new ModuleSpec("bench-pi", "tcp://127.0.0.1:1/1"));
        agent = AgentHttpServer.start(HttpOptions.loopback(0, TOKEN), registry, new ModuleControls(registry));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (agent != null) agent.close();
        if (registry != null) registry.close();
        if (bench != null) bench.close();
        http.close();
    }

    @Test
    void theChassisViewListsEveryModuleWithItsStateAndShowsUnpluggedAndUnreachableOnesAsSuch() throws Exception {
        emulator("POST", "/api/cages/4/unplug", null);
        open("#/");
        await().atMost(FEW_SECONDS).untilAsserted(() -> {
            assertEquals(List.of("cage1", "cage2", "cage3", "cage4", "bench-pi"),
                browser.findElements(By.cssSelector("tr.module")).stream().map(r -> r.getAttribute("data-module")).toList());
            assertEquals("ModuleReady", cell("cage1", "state"));
            assertEquals("unplugged", cell("cage4", "state"));
            assertEquals("unreachable", cell("bench-pi", "state"));
        });
        JsonNode cage1 = agentGet("/api/modules/cage1").get("summary");
        assertEquals(cage1.get("firmware").asString(), cell("cage1", "firmware"));
        assertTrue(cell("cage1", "power").endsWith(" W"), cell("cage1", "power"));
        assertTrue(cell("cage1", "outlet").endsWith(" °C"), cell("cage1", "outlet"));
        assertTrue(cell("cage1", "worst").startsWith("lane "), cell("cage1", "worst"));
        screenshot("dashboard-chassis.png");

        // from the chassis to a module by keyboard-reachable link
        browser.findElement(By.linkText("cage1")).click();
        await().atMost(FEW_SECONDS).until(() -> browser.findElements(By.cssSelector("button.lane")).size() == 64);
        emulator("POST", "/api/cages/4/plug", null);
    }

    @Test
    void theModuleViewShowsTheSixtyFourLanesWithTheValuesTheAgentReports() {
        open("#/module/cage1");
        await().atMost(FEW_SECONDS).until(() -> browser.findElements(By.cssSelector("button.lane")).size() == 64);
        // card A carries banks 0–3 (lanes 1–32), card B banks 4–7 (lanes 33–64), eight lanes a row
        List<WebElement> cards = browser.findElements(By.cssSelector(".lanes"));
        assertEquals("1", cards.get(0).findElements(By.cssSelector("button.lane")).getFirst().getAttribute("data-lane"));
        assertEquals("33", cards.get(1).findElements(By.cssSelector("button.lane")).getFirst().getAttribute("data-lane"));

        for (String[] metric : new String[][] {{"rx", "rxPowerDbm"}, {"tx", "txPowerDbm"}, {"bias", "biasMa"}}) {
            browser.findElement(By.cssSelector("input[name=metric][value=" + metric[0] + "]")).click();
            // the page and the REST API compared on the same snapshot (the page shows when its lanes were read)
            await().atMost(FEW_SECONDS).untilAsserted(() -> {
                JsonNode snapshot = agentGet("/api/modules/cage1").get("snapshot");
                Map<?, ?> shown = shownLanes();
                assertEquals(snapshot.get("time").asString(), shown.get("time"), "the page shows another snapshot");
                for (JsonNode lane : snapshot.get("lanes")) {
                    String text = (String) ((Map<?, ?>) shown.get("values")).get(lane.get("lane").asString());
                    JsonNode expected = lane.get(metric[1]);
                    double tolerance = metric[0].equals("bias") ? 0.051 : 0.0051; // the page's decimals
                    assertEquals(expected.asDouble(), Double.parseDouble(text.split(" ")[0]), tolerance,
                        "lane " + lane.get("lane") + " " + metric[1]);
                }
            });
        }
        // values on hover and focus, in words, for a reader who does not see the colours
        WebElement lane12 = browser.findElement(By.cssSelector("button.lane[data-lane='12']"));
        assertTrue(lane12.getAttribute("aria-label").startsWith("Lane 12 · Bias "), lane12.getAttribute("aria-label"));
        assertEquals(lane12.getAttribute("aria-label"), lane12.getAttribute("title"));
    }

    @Test
    void theEsnrViewShowsTheVdmValuesWithTheirBandsAndALaneInLoopbackIsShownAsSuch() throws Exception {
        open("#/module/cage1");
        await().atMost(FEW_SECONDS).until(() -> browser.findElements(By.cssSelector("button.lane")).size() == 64);
        browser.findElement(By.cssSelector("input[name=metric][value=esnr]")).click();
        await().atMost(FEW_SECONDS).untilAsserted(() -> {
            JsonNode module = agentGet("/api/modules/cage1");
            Map<?, ?> shown = shownLanes();
            assertEquals(module.get("snapshot").get("time").asString(), shown.get("time"), "the page shows another reading");
            int compared = 0;
            for (JsonNode v : module.get("vdm").get("lanes")) {
                if (!v.get("side").asString().equals("media")) continue;
                String text = (String) ((Map<?, ?>) shown.get("values")).get(v.get("lane").asString());
                assertEquals(v.get("values").get("esnr").asDouble(), Double.parseDouble(text.split(" ")[0]), 0.051,
                    "lane " + v.get("lane") + " eSNR");
                compared++;
            }
            assertEquals(64, compared);
        });
        WebElement lane5 = browser.findElement(By.cssSelector("button.lane[data-lane='5']"));
        assertEquals("ok", lane5.getAttribute("data-band"), "a healthy lane's eSNR sits within its VDM thresholds");
        assertTrue(lane5.getAttribute("aria-label").startsWith("Lane 5 · eSNR "), lane5.getAttribute("aria-label"));

        // through the agent's own client: a second host on the bus would leave the agent's page select stale
        XpoModuleClient client = registry.module("cage1").orElseThrow().client().orElseThrow();
        Diagnostics d = new Diagnostics(client.access(), client.clock());
        d.setLoopback(Loopback.MEDIA_OUTPUT, LaneSets.range(5, 5), true);
        try {
            await().atMost(FEW_SECONDS).untilAsserted(() -> {
                assertEquals("loopback", lane5.getAttribute("data-state"));
                assertEquals("LOOP", lane5.findElement(By.cssSelector(".s")).getText());
                assertTrue(lane5.getAttribute("aria-label").contains("in loopback (media-output)"), lane5.getAttribute("aria-label"));
            });
            assertEquals("light", browser.findElement(By.cssSelector("button.lane[data-lane='6']")).getAttribute("data-state"));
        } finally {
            d.clearLoopbacks(LaneSets.range(5, 5));
        }
        await().atMost(FEW_SECONDS).untilAsserted(() -> assertEquals("light", lane5.getAttribute("data-state"),
            lane5.getAttribute("aria-label")));
    }

    @Test
    void aLaserFailureOnLane9TurnsThatLaneDarkAndLogsTheAlarmWithinSeconds() throws Exception {
        open("#/module/cage3");
        WebElement lane9 = await().atMost(FEW_SECONDS).until(
            () -> browser.findElements(By.cssSelector("button.lane[data-lane='9']")), l -> !l.isEmpty()).getFirst();
        await().atMost(FEW_SECONDS).until(() -> "light".equals(lane9.getAttribute("data-state")));

        emulator("POST", "/api/cages/3/faults", "{\"kind\":\"laser-failure\",\"lanes\":[9]}");

        await().atMost(FEW_SECONDS).untilAsserted(() -> {
            assertEquals("dark", lane9.getAttribute("data-state"));
            assertEquals("DARK", lane9.findElement(By.cssSelector(".s")).getText());
            assertFalse(browser.findElements(By.cssSelector(
                ".alarm-log tr[data-alarm='TxFailure'][data-lane='9'][data-active='true']")).isEmpty());
        });
        assertEquals("light", browser.findElement(By.cssSelector("button.lane[data-lane='10']")).getAttribute("data-state"));
        screenshot("dashboard-module.png");

        emulator("DELETE", "/api/cages/3/faults", null);
        await().atMost(FEW_SECONDS).untilAsserted(() -> assertFalse(browser.findElement(By.cssSelector(
            ".alarm-log tr[data-alarm='TxFailure'][data-lane='9']")).getAttribute("data-active").equals("true")));
    }

    @Test
    void aCoolantFlowDropMovesTheCoolantTrend() throws Exception {
        open("#/module/cage2");
        await().atMost(FEW_SECONDS).until(() -> lastOf(trend("coolant", "flow")) > 0);
        double before = lastOf(trend("coolant", "flow"));

        emulator("POST", "/api/cages/2/faults", "{\"kind\":\"coolant-flow\",\"fraction\":0.2}");

        // the chart's data and, drawn in the next animation frame, the latest values written under its title
        await().atMost(FEW_SECONDS).untilAsserted(() -> {
            double flow = lastOf(trend("coolant", "flow"));
            assertTrue(flow < before * 0.5, "flow " + flow + " L/min, before the drop " + before);
            String latest = browser.findElement(By.cssSelector(".latest[data-chart='coolant']")).getText();
            assertTrue(latest.contains(String.format(Locale.ROOT, "flow %.3f L/min", flow)), latest);
        });
        emulator("DELETE", "/api/cages/2/faults", null);
    }

    @Test
    void theControlsAreRefusedWithoutTheTokenAndWorkWithIt() {
        open("#/module/cage4");
        await().atMost(FEW_SECONDS).until(() -> "ModuleReady".equals(agentGet("/api/modules/cage4").get("summary").get("state").asString()));
        WebElement token = browser.findElement(By.name("token"));
        token.clear();
        browser.findElement(By.cssSelector("button[data-action='low power on']")).click();
        WebElement result = browser.findElement(By.cssSelector(".controls output"));
        await().atMost(FEW_SECONDS).until(() -> "refused".equals(result.getAttribute("data-result")));
        assertTrue(result.getText().contains("401"), result.getText());
        assertEquals("ModuleReady", agentGet("/api/modules/cage4").get("summary").get("state").asString());

        token.sendKeys(TOKEN + "\t"); // leaving the field keeps the token for this tab
        browser.findElement(By.cssSelector("button[data-action='low power on']")).click();
        await().atMost(FEW_SECONDS).until(() -> "done".equals(result.getAttribute("data-result")));
        await().atMost(FEW_SECONDS).until(() -> "ModuleLowPwr".equals(agentGet("/api/modules/cage4").get("summary").get("state").asString()));
        browser.findElement(By.cssSelector("button[data-action='low power off']")).click();
        await().atMost(FEW_SECONDS).until(() -> "ModuleReady".equals(agentGet("/api/modules/cage4").get("summary").get("state").asString()));

        // Tx per lane: lane 9 off goes dark, on again carries light
        WebElement lanes = browser.findElement(By.name("lanes"));
        lanes.clear();
        lanes.sendKeys("9");
        WebElement lane9 = browser.findElement(By.cssSelector("button.lane[data-lane='9']"));
        await().atMost(FEW_SECONDS).until(() -> "light".equals(lane9.getAttribute("data-state")));
        browser.findElement(By.cssSelector("button[data-action='tx off']")).click();
        await().atMost(FEW_SECONDS).until(() -> "dark".equals(lane9.getAttribute("data-state")));
        assertEquals("light", browser.findElement(By.cssSelector("button.lane[data-lane='10']")).getAttribute("data-state"));
        browser.findElement(By.cssSelector("button[data-action='tx on']")).click();
        await().atMost(FEW_SECONDS).until(() -> "light".equals(lane9.getAttribute("data-state")));
    }

    @Test
    void aFirmwareUpdateFromThePageShowsItsProgressAndEndsRunningTheNewImage(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("xpo-2.1.img");
        Files.write(image, FirmwareImageFormat.pack(2, 1, 7, FirmwareImageFormat.samplePayload(16 * 1024, 21)));
        open("#/module/cage2");
        await().atMost(FEW_SECONDS).until(() -> "ModuleReady".equals(agentGet("/api/modules/cage2").get("summary").get("state").asString()));
        WebElement token = browser.findElement(By.name("token"));
        token.clear();
        token.sendKeys(TOKEN + "\t");
        browser.findElement(By.name("image")).sendKeys(image.toString());
        browser.findElement(By.cssSelector("button[data-action='update firmware']")).click();

        WebElement result = browser.findElement(By.cssSelector(".controls output"));
        WebElement progress = browser.findElement(By.cssSelector(".controls progress"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertNotEquals("running",
            result.getAttribute("data-result"), "still running: " + result.getText() + "; progress "
                + progress.getAttribute("value") + " of " + progress.getAttribute("max")));
        assertEquals("done", result.getAttribute("data-result"), result.getText());
        assertTrue(result.getText().contains("running 2.1"), result.getText());
        assertTrue(progress.isDisplayed());
        assertEquals(progress.getAttribute("max"), progress.getAttribute("value"));
        await().atMost(FEW_SECONDS).until(() -> "2.1".equals(agentGet("/api/modules/cage2").get("summary").get("firmware").asString()));
    }

    @Test
    void onAPhoneTheModuleViewFitsTheScreenWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("#/module/cage1");
            await().atMost(FEW_SECONDS).until(() -> browser.findElements(By.cssSelector("button.lane")).size() == 64);
            Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            Number screen = (Number) browser.executeScript("return window.innerWidth");
            assertTrue(page.intValue() <= screen.intValue(), "the page is " + page + " px wide on a " + screen + " px screen");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    // --- helpers

    private void open(String route) {
        browser.get(agent.url() + "/" + route);
        await().atMost(FEW_SECONDS).until(() -> Boolean.TRUE.equals(browser.executeScript(
            "return !!window.xpoDashboard && window.xpoDashboard.loaded()")));
    }

    private String cell(String module, String column) {
        return browser.findElement(By.cssSelector("tr[data-module='" + module + "'] td[data-col='" + column + "']")).getText();
    }

    /** The lanes' shown values and the time of the snapshot they come from, read in one go. */
    private Map<?, ?> shownLanes() {
        return (Map<?, ?>) browser.executeScript("""
            const values = {};
            document.querySelectorAll('button.lane').forEach(c => values[c.dataset.lane] = c.querySelector('.v').textContent);
            return { time: document.querySelector('.as-of').dataset.time, values };""");
    }

    private List<?> trend(String chart, String series) {
        return (List<?>) browser.executeScript("return window.xpoDashboard.trend(arguments[0], arguments[1])", chart, series);
    }

    private static double lastOf(List<?> values) {
        for (int i = values == null ? -1 : values.size() - 1; i >= 0; i--)
            if (values.get(i) instanceof Number n) return n.doubleValue();
        return Double.NaN;
    }

    private JsonNode agentGet(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(agent.url() + path)).GET().build()));
    }

    private void emulator(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulatorControl + path));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        send(b.build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() < 300, request.method() + " " + request.uri() + ": " + r.statusCode() + " " + r.body());
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(request.uri() + ": " + e, e);
        }
    }

    /** Writes the page as shown to the screenshots directory when one was asked for. */
    private void screenshot(String name) {
        String dir = System.getProperty("dashboard.screenshots");
        if (dir == null || dir.isBlank()) return;
        Path target = Path.of(dir);
        if (!target.isAbsolute()) target = Path.of(System.getProperty("user.dir")).getParent().resolve(dir);
        // the whole page: the window grows to the page's height for the picture
        Dimension window = browser.manage().window().getSize();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), height.intValue() + 100));
        try {
            HeadlessChromium.screenshot(browser, target.resolve(name));
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
