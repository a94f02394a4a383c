package org.openxpo.driver.monitor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Monitoring over the emulator link: the server goes away and comes back on the same port. */
class LinkDropMonitorTest {
    EmulatedModule em;
    LinkServer server;
    XpoModuleClient client;
    ModuleMonitor monitor;

    @AfterEach
    void stop() {
        if (monitor != null) monitor.close();
        if (client != null) client.close();
        if (server != null) server.close();
        em.close();
    }

    @Test
    void overI3cAnIbiTriggersTheFlagRead() {
        em = EmulatedModule.ready();
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        client = XpoModuleClient.open("i3c+tcp://127.0.0.1:" + server.port() + "/1");
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofSeconds(30)), log);
        log.awaitEvent("initial reading", e -> e instanceof MonitorEvent.ModuleStateEvent);
        em.module().inject(new Fault.LaserFailure(Set.of(60)));
        log.awaitEvent("TxFailure raised from an IBI, long before the next tick", EventLog.alarm("TxFailure", 60, true));
    }

    @Test
    void aLinkDropIsReportedAndMonitoringResumesAfterTheReconnect() {
        em = EmulatedModule.ready();
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        int port = server.port();
        client = XpoModuleClient.open("tcp://127.0.0.1:" + port + "/1");
        EventLog log = new EventLog();
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofMillis(100))
            .withSnapshots(true), log);
        assertTrue(monitor.interruptDriven(), "the link pushes IntL events");
        log.awaitEvent("a snapshot over the link", e -> e instanceof MonitorEvent.SnapshotEvent);

        server.close();
        log.awaitEvent("link down", e -> e instanceof MonitorEvent.LinkEvent l && !l.up());
        server = LinkServer.start(em.chassis, new InetSocketAddress("127.0.0.1", port), BusTiming.OFF);
        log.awaitEvent("link up", e -> e instanceof MonitorEvent.LinkEvent l && l.up());
        assertEquals(1, log.count(e -> e instanceof MonitorEvent.LinkEvent l && !l.up()), "one down event per drop");

        em.module().inject(new Fault.LaserFailure(Set.of(12)));
        log.awaitEvent("an alarm after the reconnect", EventLog.alarm("TxFailure", 12, true));
        assertEquals(1, log.count(e -> e instanceof MonitorEvent.LinkEvent l && l.up()));
    }
}
