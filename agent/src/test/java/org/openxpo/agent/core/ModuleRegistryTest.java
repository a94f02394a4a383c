package org.openxpo.agent.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.types.ModuleState;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The agent's model of a chassis, polled over the emulator link. */
class ModuleRegistryTest {
    static final PollOptions FAST = PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(100))
        .withAlarmInterval(Duration.ofMillis(100));

    EmulatedBench bench = new EmulatedBench(2);
    ModuleRegistry registry = new ModuleRegistry(FAST, VdmSource.NONE);
    List<ModuleEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        registry.close();
        bench.close();
    }

    void watch(String... names) {
        registry.addListener(events::add);
        for (int i = 0; i < names.length; i++) registry.add(new ModuleSpec(names[i], bench.target(i + 1)));
    }

    ModuleView awaitView(String name, java.util.function.Predicate<ModuleView> what) {
        await().atMost(Duration.ofSeconds(10)).until(() -> what.test(registry.module(name).orElseThrow().view()));
        return registry.module(name).orElseThrow().view();
    }

    @Test
    void eachModuleGetsIdentitySnapshotAndTrend() {
        watch("a", "b");
        // the 50 V telemetry follows the module's physics tick, which may come a poll after Ready
        ModuleView a = awaitView("a", v -> v.snapshot() != null && v.state() == ModuleState.READY
            && v.snapshot().power().inputPowerW() > 0);
        ModuleView b = awaitView("b", v -> v.snapshot() != null);
        assertTrue(a.present() && a.reachable());
        assertEquals("XPO0000001", a.identity().serialNumber());
        assertEquals("XPO0000002", b.identity().serialNumber());
        assertEquals(64, a.snapshot().lanes().size());
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.module("a").orElseThrow().history().size() >= 2);
        HistorySample h = registry.module("a").orElseThrow().history().getLast();
        assertEquals(a.snapshot().cooling() != null, !Double.isNaN(h.coolantOutletC()));
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.Added ad && ad.module().equals("b")));
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.SnapshotUpdated s && s.module().equals("a")));
    }

    @Test
    void anAlarmIsRaisedLoggedAndClearedWithItsTimes() {
        watch("a");
        awaitView("a", v -> v.state() == ModuleState.READY && v.snapshot() != null);
        var fault = bench.cage(1).module().inject(new Fault.LaserFailure(Set.of(9)));
        ModuleView raised = awaitView("a", v -> v.activeAlarms().stream().anyMatch(al -> "TxFailure".equals(al.name())
            && Integer.valueOf(9).equals(al.lane())));
        assertFalse(raised.activeAlarms().isEmpty());
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.AlarmChanged c && c.raised()
            && c.entry().alarm().name().equals("TxFailure")));

        bench.cage(1).module().clearFault(fault.id());
        awaitView("a", v -> v.activeAlarms().stream().noneMatch(al -> "TxFailure".equals(al.name())));
        AlarmRecord logged = registry.module("a").orElseThrow().alarmLog().stream()
            .filter(r -> r.alarm().key().equals("TxFailure@9")).findFirst().orElseThrow();
        assertNotNull(logged.cleared(), "the log keeps the clear time");
        assertFalse(logged.cleared().isBefore(logged.raised()));
        assertEquals(2L, registry.module("a").orElseThrow().flagChanges().stream()
            .filter(f -> f.alarm().key().equals("TxFailure@9")).findFirst().orElseThrow().changes(), "raised, then cleared");
    }

    @Test
    void anUnreachableModuleDoesNotHoldBackTheOthers() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        registry.addListener(events::add);
        registry.add(new ModuleSpec("gone", "tcp://127.0.0.1:" + closedPort + "/1"));
        registry.add(new ModuleSpec("a", bench.target(1)));
        awaitView("a", v -> v.health().polls() >= 3);
        ModuleView gone = awaitView("gone", v -> v.lastError() != null);
        assertFalse(gone.reachable());
        assertTrue(gone.lastError().contains("cannot reach"), gone.lastError());
        assertTrue(gone.health().errors() >= 1);
    }

    @Test
    void anUnpluggedModuleIsShownAbsentAndARemovedOneIsAnnounced() {
        watch("a", "b");
        awaitView("b", v -> v.snapshot() != null);
        bench.cage(2).unplug();
        awaitView("b", v -> !v.present());
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.Changed c && c.module().equals("b")
            && c.why().equals("absent")));
        assertTrue(registry.remove("a"));
        assertTrue(registry.module("a").isEmpty());
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.Removed r && r.module().equals("a")));
        assertFalse(registry.remove("a"));
    }

    @Test
    void aLinkDropShowsTheModuleUnreachableUntilTheLinkComesBack() {
        watch("a");
        awaitView("a", v -> v.snapshot() != null);
        int port = bench.link.port();
        bench.link.close();
        ModuleView down = awaitView("a", v -> !v.reachable());
        assertNotNull(down.lastError());
        assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.Changed c && c.why().equals("unreachable")));
        var again = org.openxpo.emulator.link.LinkServer.start(bench.chassis, new java.net.InetSocketAddress("127.0.0.1", port),
            org.openxpo.emulator.link.BusTiming.OFF);
        try {
            long polls = registry.module("a").orElseThrow().view().health().polls();
            ModuleView up = awaitView("a", v -> v.reachable() && v.lastError() == null && v.health().polls() > polls);
            assertEquals(ModuleState.READY, up.state());
            assertTrue(events.stream().anyMatch(e -> e instanceof ModuleEvent.Changed c && c.why().equals("reachable")));
        } finally {
            again.close();
        }
    }

    @Test
    void aResetForgetsTheIdentityUntilTheNextPollReadsItAgain() {
        watch("a");
        ModuleView before = awaitView("a", v -> v.identity() != null && v.state() == ModuleState.READY);
        registry.module("a").orElseThrow().client().orElseThrow().reset();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
            .anyMatch(e -> e instanceof ModuleEvent.Changed c && c.why().equals("reset")));
        ModuleView after = awaitView("a", v -> v.identity() != null && v.state() == ModuleState.READY);
        assertEquals(before.identity().serialNumber(), after.identity().serialNumber());
        assertEquals(before.firmware(), after.firmware());
    }

    @Test
    void aRefreshAskedForDuringAPollIsAnsweredByTheNextPollWhichShowsTheChange() throws Exception {
        // an hour's interval: only the first poll and the refreshes run; the first poll is held after its snapshot
        CountDownLatch firstPollHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        VdmSource holdFirst = (client, snapshot) -> {
            if (polls.incrementAndGet() == 1) {
                firstPollHeld.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.empty();
        };
        registry.close();
        registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofHours(1)), holdFirst);
        watch("a");
        assertTrue(firstPollHeld.await(10, TimeUnit.SECONDS));
        MonitoredModule a = registry.module("a").orElseThrow();
        BitSet lanes = new BitSet();
        lanes.set(1, 5);
        a.client().orElseThrow().applyApplication(2, lanes); // 800GAUI-4 on lanes 1-4, after the held poll's snapshot

        CompletableFuture<Void> refreshed = registry.refresh("a");
        assertFalse(refreshed.isDone(), "the running poll read the module before the change");
        release.countDown();
        refreshed.get(10, TimeUnit.SECONDS);
        assertEquals(2, polls.get(), "a second poll ran");
        assertEquals(2, a.view().snapshot().lanes().getFirst().appSel(), "the view shows the new application");
    }

    @Test
    void badNamesAndDuplicatesAreRefusedWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ModuleSpec("../etc", bench.target(1)));
        assertTrue(e.getMessage().contains("module name"));
        assertThrows(IllegalArgumentException.class, () -> new ModuleSpec("a", "ftp://nowhere"));
        registry.add(new ModuleSpec("a", bench.target(1)));
        var dup = assertThrows(IllegalArgumentException.class, () -> registry.add(new ModuleSpec("a", bench.target(2))));
        assertTrue(dup.getMessage().contains("already"));
        assertEquals("cage3", ModuleSpec.unnamed("tcp://h:9450/3").name());
    }
}
