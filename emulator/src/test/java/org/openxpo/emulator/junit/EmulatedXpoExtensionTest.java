package org.openxpo.emulator.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ModuleState;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmulatedXpo(cages = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedXpoExtensionTest {
    static XpoTestbed previous;
    XpoTestbed fromBeforeEach;

    @BeforeEach
    void before(XpoTestbed xpo) { fromBeforeEach = xpo; }

    @AfterEach
    void after(XpoTestbed xpo) { assertSame(fromBeforeEach, xpo, "one testbed per test, everywhere in it"); }

    @Test
    @Order(1)
    void givesAChassisWithTheAskedCages(XpoTestbed xpo) {
        assertEquals(3, xpo.chassis().size());
        assertEquals("XPO0000003", xpo.module(3).config().serialNumber());
        assertSame(xpo.cage(2).module(), xpo.module(2));
        assertThrows(IllegalStateException.class, xpo::virtualClock);
        assertThrows(IllegalStateException.class, () -> xpo.linkUri(1));
        assertThrows(IllegalStateException.class, xpo::controlUrl);
        xpo.faults().inject(1, new Fault.StuckBus());
        previous = xpo;
    }

    @Test
    @EmulatedXpo(cages = 2, control = true)
    void startsTheControlApiWhenAskedAndStopsItAfterTheTest(XpoTestbed xpo) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(xpo.controlUrl() + "/cages/2/faults"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"stuck-bus\"}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(1, xpo.faults().active(2).size(), "the control API drives this testbed's modules");
        assertEquals("http://127.0.0.1:" + xpo.control().port() + "/api", xpo.controlUrl());
    }

    @Test
    @Order(2)
    void everyTestGetsAFreshTestbed(XpoTestbed xpo) {
        assertNotSame(previous, xpo);
        assertEquals(List.of(), xpo.faults().active(1), "the fault injected by the previous test is gone");
    }

    @Test
    @Order(3)
    void fastTimingMakesModulesReadyQuickly(XpoTestbed xpo) {
        xpo.awaitReady(Duration.ofSeconds(2));
        assertEquals(ModuleState.READY, xpo.module(1).moduleState());
    }

    @Test
    @Order(4)
    void injectsAndClearsFaults(XpoTestbed xpo) {
        ActiveFault a = xpo.faults().inject(2, new Fault.CoolantFlow(0.2));
        assertEquals(List.of(a), xpo.faults().active(2));
        assertTrue(xpo.faults().clear(2, a.id()));
        assertFalse(xpo.faults().clear(2, a.id()));
        xpo.faults().inject(1, new Fault.StuckBus());
        xpo.faults().clearAll();
        assertEquals(List.of(), xpo.faults().active(1));
    }

    @Test
    @Order(5)
    void unplugsAndPlugsTheSameModule(XpoTestbed xpo) {
        var m = xpo.module(1);
        xpo.unplug(1);
        assertNull(xpo.module(1));
        assertThrows(IllegalStateException.class, () -> xpo.faults().inject(1, new Fault.StuckBus()));
        xpo.plug(1);
        assertSame(m, xpo.module(1));
    }

    @Test
    @Order(6)
    @EmulatedXpo(cages = 1, virtualClock = true, timing = "default")
    void aMethodAnnotationOverridesTheClassOne(XpoTestbed xpo) {
        assertEquals(1, xpo.chassis().size());
        VirtualClock clock = xpo.virtualClock();
        assertSame(clock, xpo.clock());
        xpo.advance(Duration.ofMillis(100));
        assertEquals(ModuleState.MGMT_INIT, xpo.module(1).moduleState(), "default timing: MgmtInit lasts 300 ms");
        xpo.awaitReady(Duration.ofSeconds(5));
        assertEquals(ModuleState.READY, xpo.module(1).moduleState());
        assertTrue(clock.nanos() >= Duration.ofMillis(700).toNanos(), "ready only after MgmtInit and PwrUp");
    }

    @Test
    @Order(7)
    @EmulatedXpo(virtualClock = true, timing = "default")
    void aHostThatSleepsOnTheVirtualHostClockLetsTheModuleBoot(XpoTestbed xpo) {
        HostClock host = xpo.hostClock();
        java.time.Instant before = host.instant();
        host.sleep(Duration.ofMillis(100));
        assertEquals(ModuleState.MGMT_INIT, xpo.module(1).moduleState(), "100 ms of MgmtInit's 300 ms passed");
        host.sleep(Duration.ofMillis(900));
        assertEquals(ModuleState.READY, xpo.module(1).moduleState(), "the module's timers ran while the host slept");
        assertEquals(Duration.ofSeconds(1).toNanos(), host.nanoTime(), "host time is the virtual time");
        assertEquals(xpo.virtualClock().nanos(), host.nanoTime());
        assertEquals(Duration.ofSeconds(1), Duration.between(before, host.instant()));
        host.sleep(Duration.ofMillis(-5));
        assertEquals(Duration.ofSeconds(1).toNanos(), host.nanoTime(), "a negative sleep does not move time");
    }

    @Test
    @Order(8)
    void onWallClockTimeTheHostClockIsTheSystemOne(XpoTestbed xpo) {
        assertSame(HostClock.system(), xpo.hostClock());
    }

    @Nested
    @EmulatedXpo(link = true)
    class WithALinkServer {
        @Test
        void listensOnLoopbackAndNamesEachCage(XpoTestbed xpo) throws IOException {
            int port = xpo.link().port();
            assertEquals("tcp://127.0.0.1:" + port + "/1", xpo.linkUri(1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertTrue(s.isConnected());
            }
        }
    }

    @Nested
    class InheritingTheOuterAnnotation {
        @Test
        void usesTheEnclosingClassSettings(XpoTestbed xpo) {
            assertEquals(3, xpo.chassis().size());
        }
    }

    @Nested
    @EmulatedXpo(scenario = "/org/openxpo/emulator/junit/two-cages.json", cages = 2, virtualClock = true)
    class WithAScenario {
        @Test
        void appliesItBeforeTheTest(XpoTestbed xpo) {
            assertEquals("SCENARIO01", xpo.module(1).config().serialNumber());
            assertFalse(xpo.cage(2).present());
            xpo.advance(Duration.ofMillis(1000));
            assertInstanceOf(Fault.RxLossOfSignal.class, xpo.faults().active(1).get(0).fault());
        }
    }
}
