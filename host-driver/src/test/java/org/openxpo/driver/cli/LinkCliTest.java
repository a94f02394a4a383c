package org.openxpo.driver.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.protocol.map.LaneStatusPage;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The same commands over the emulator link (TCP, I2C and I3C), as a bench user runs them against a server. */
class LinkCliTest {
    static EmulatedModule em;
    static LinkServer server;
    static String tcp, i3c;

    @BeforeAll
    static void start() {
        em = EmulatedModule.ready();
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        tcp = "tcp://127.0.0.1:" + server.port() + "/1";
        i3c = "i3c+tcp://127.0.0.1:" + server.port() + "/1";
    }

    @AfterAll
    static void stop() {
        server.close();
        em.close();
    }

    static JsonNode json(CliRun r) {
        assertEquals(0, r.code(), r.toString());
        return XpoJson.mapper().readTree(r.out());
    }

    @Test
    void showOverTcpAndI3c() {
        for (String target : new String[] {tcp, i3c}) {
            JsonNode n = json(CliRun.run("--target", target, "show", "--json"));
            assertEquals(target, n.get("target").asString());
            assertEquals("XPO0000001", n.get("identity").get("serialNumber").asString());
            assertEquals("ModuleReady", n.get("moduleState").asString());
            assertEquals(64, n.get("lanes").size());
        }
    }

    @Test
    void lanesThresholdsAndDumpOverTcp() {
        CliRun lanes = CliRun.run("--target", tcp, "lanes");
        assertEquals(0, lanes.code(), lanes.toString());
        assertTrue(lanes.out().contains("bank 7 (lanes 57-64)"));
        assertEquals(0, CliRun.run("--target", tcp, "thresholds").code());
        CliRun dump = CliRun.run("--target", tcp, "dump", "--page", "0xB0");
        assertEquals(0, dump.code(), dump.toString());
        assertTrue(dump.out().startsWith("Page B0h"));
    }

    @Test
    void applyTxAndAlarmsOverTcp() {
        CliRun apply = CliRun.run("--target", tcp, "apply", "--app", "3", "--lanes", "33-40");
        assertEquals(0, apply.code(), apply.toString());
        for (int lane = 33; lane <= 40; lane++) {
            assertEquals(3, em.module().peek(LaneStatusPage.ACS_DP_CONFIG_LANE, 4, lane - 33) >> 4);
        }
        assertEquals(0, CliRun.run("--target", tcp, "apply", "--app", "1", "--lanes", "33-40").code());
        assertEquals(0, CliRun.run("--target", tcp, "tx", "off", "--lanes", "33-40").code());
        assertEquals(0, CliRun.run("--target", tcp, "tx", "on", "--lanes", "33-40").code());

        em.module().inject(new Fault.RxLossOfSignal(Set.of(50)));
        org.awaitility.Awaitility.await().until(() -> em.module().peek(LaneStatusPage.LOS_FLAG_RX, 6, 1) == 1);
        JsonNode n = json(CliRun.run("--target", tcp, "alarms", "--json"));
        boolean found = false;
        for (JsonNode a : n.get("alarms")) found |= a.get("name").asString().equals("RxLos") && a.get("lane").asInt() == 50;
        assertTrue(found, n.toString());
    }

    @Test
    void monitorOverI3c() {
        CliRun r = CliRun.run("--target", i3c, "monitor", "--json", "--count", "1", "--interval", "200ms");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("\"type\":\"snapshot\"")), r.out());
    }

    @Test
    void aWrongCageIsUnreachable() {
        CliRun r = CliRun.run("--target", "tcp://127.0.0.1:" + server.port() + "/7", "show");
        assertEquals(3, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().contains("cages 1-1, not 7"), r.err());
    }
}
