package org.openxpo.driver.module;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;

import java.time.Duration;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.*;

/** The CMIS data-path sequence against the emulated module (on virtual time), checked in the module's active control set. */
class ApplicationChangeTest {
    static final MemoryMap MAP = MemoryMap.xpo();
    EmulatedModule em;
    XpoModuleClient client;

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (em != null) em.close();
    }

    void start(EmulatedModule module) {
        em = module;
        client = em.client();
    }

    /**
     * A module with 1 ms transitions on a virtual clock: its steps run when the driver waits, so a loaded machine
     * that delays the emulator's timer thread cannot outlast the driver's state timeouts.
     */
    static EmulatedModule fastOnVirtualTime() { return EmulatedModule.virtual(ModuleConfig.Timing.fast()); }

    /** The active control set of a lane, read by the emulator (not through the driver). */
    DpConfig acs(int lane) {
        return DpConfig.decode((int) em.module().peek(LaneStatusPage.ACS_DP_CONFIG_LANE, (lane - 1) / 8, (lane - 1) % 8));
    }

    void assertLanes(int from, int to, int appSel, int lanesPerPath, DataPathState state) {
        for (int lane = from; lane <= to; lane++) {
            DpConfig c = acs(lane);
            assertEquals(appSel, c.appSel(), "AppSel of lane " + lane);
            if (appSel != 0) assertEquals(((lane - 1) % 8) / lanesPerPath * lanesPerPath, c.dataPathId(), "DataPathID of lane " + lane);
            assertEquals(state, em.module().dataPathState(lane), "state of lane " + lane);
        }
    }

    @Test
    void from8x1600GTo64x200GAndBack() {
        start(fastOnVirtualTime());
        assertLanes(1, 64, 1, 8, DataPathState.ACTIVATED);

        ApplyResult to200 = client.applyApplication(4, LaneSets.range(1, 64));
        assertEquals("200GAUI-1 / 200GBASE-DR1", to200.application().name());
        assertTrue(to200.released().isEmpty());
        assertLanes(1, 64, 4, 1, DataPathState.ACTIVATED);
        assertTrue(client.status().lanes().stream().allMatch(l -> l.appSel() == 4 && l.firstLane() == l.lane()));

        client.applyApplication(1, LaneSets.range(1, 64));
        assertLanes(1, 64, 1, 8, DataPathState.ACTIVATED);
    }

    @Test
    void aRangeInsideALargerDataPathReleasesTheRestOfIt() {
        start(fastOnVirtualTime());
        ApplyResult r = client.applyApplication(2, LaneSets.range(9, 12));
        assertLanes(9, 12, 2, 4, DataPathState.ACTIVATED);
        assertEquals("13-16", LaneSets.format(r.released()));
        assertLanes(13, 16, 0, 0, DataPathState.DEACTIVATED);
        assertLanes(1, 8, 1, 8, DataPathState.ACTIVATED);
        assertLanes(17, 64, 1, 8, DataPathState.ACTIVATED);

        client.applyApplication(3, LaneSets.range(13, 16));
        assertLanes(13, 16, 3, 2, DataPathState.ACTIVATED);
        assertLanes(9, 12, 2, 4, DataPathState.ACTIVATED);
    }

    @Test
    void severalRangesInSeveralBanksAtOnce() {
        start(fastOnVirtualTime());
        BitSet lanes = org.openxpo.protocol.types.Lanes.parse("1-8,57-64");
        client.applyApplication(3, lanes);
        assertLanes(1, 8, 3, 2, DataPathState.ACTIVATED);
        assertLanes(57, 64, 3, 2, DataPathState.ACTIVATED);
        assertLanes(9, 56, 1, 8, DataPathState.ACTIVATED);
    }

    @Test
    void withTheModulesRealDurationsInVirtualTime() {
        ModuleConfig.Timing real = ModuleConfig.Timing.defaults();
        start(EmulatedModule.virtual(real));
        AdvertisedDurations advertised = client.identity().durations();
        Timeouts limits = client.timeouts();

        ApplyResult r = client.applyApplication(4, LaneSets.range(1, 8));
        assertLanes(1, 8, 4, 1, DataPathState.ACTIVATED);
        Duration modulesOwn = real.txTurnOff().plus(real.dpDeinit()).plus(real.configCheck()).plus(real.dpInit())
            .plus(real.txTurnOn());
        assertTrue(r.took().compareTo(modulesOwn) >= 0, "no faster than the module's own steps: " + r.took());
        Duration advertisedSteps = advertised.txTurnOff().plus(advertised.dpDeinit()).plus(advertised.dpInit())
            .plus(advertised.txTurnOn());
        assertTrue(r.took().compareTo(advertisedSteps.plus(limits.configVerdict())) <= 0,
            "within the advertised durations (and the ApplyDPInit verdict's bound): " + r.took());
        assertEquals(r.took(), redo(real).took(), "the same sequence takes the same virtual time");

        long before = em.clock.nanoTime();
        assertEquals(ResetMethod.SOFTWARE, client.reset(ResetMethod.SOFTWARE));
        Duration reset = Duration.ofNanos(em.clock.nanoTime() - before);
        assertTrue(reset.compareTo(real.mgmtInit()) >= 0, "MgmtInit (" + real.mgmtInit() + ") passed: " + reset);
        assertTrue(reset.compareTo(limits.reset()) <= 0, "within 2 s + ModulePwrUp + allowance: " + reset);
    }

    /** The same application change on a fresh module. */
    private ApplyResult redo(ModuleConfig.Timing timing) {
        try (EmulatedModule other = EmulatedModule.virtual(timing); XpoModuleClient c = other.client()) {
            return c.applyApplication(4, LaneSets.range(1, 8));
        }
    }

    @Test
    void badRequestsFailBeforeAnythingIsWritten() {
        start(fastOnVirtualTime());
        long deinitBefore = em.module().peek(LaneControlPage.DP_DEINIT_LANE, 0, 0);
        XpoException.InvalidRequest unknown = assertThrows(XpoException.InvalidRequest.class,
            () -> client.applyApplication(9, LaneSets.range(1, 8)));
        assertTrue(unknown.getMessage().contains("AppSel 9 is not advertised"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("4 (200GAUI-1 / 200GBASE-DR1)"), unknown.getMessage());

        XpoException.InvalidRequest start = assertThrows(XpoException.InvalidRequest.class,
            () -> client.applyApplication(1, LaneSets.range(2, 9)));
        assertTrue(start.getMessage().contains("starts on lane 1 of a bank, not on lane 2"), start.getMessage());

        XpoException.InvalidRequest split = assertThrows(XpoException.InvalidRequest.class,
            () -> client.applyApplication(2, LaneSets.range(1, 6)));
        assertTrue(split.getMessage().contains("lacks 7-8"), split.getMessage());

        XpoException.InvalidRequest outside = assertThrows(XpoException.InvalidRequest.class,
            () -> client.applyApplication(4, LaneSets.range(60, 70)));
        assertTrue(outside.getMessage().contains("outside 1-64"), outside.getMessage());

        assertEquals(deinitBefore, em.module().peek(LaneControlPage.DP_DEINIT_LANE, 0, 0));
        assertLanes(1, 64, 1, 8, DataPathState.ACTIVATED);
    }

    @Test
    void lanesAreGroupedByWhatTheyShow() {
        assertEquals("DPInit on lanes 1-2, DPDeactivated on lane 3",
            DataPathSequencer.group(new java.util.TreeMap<>(java.util.Map.of(1, "DPInit", 2, "DPInit", 3, "DPDeactivated"))));
    }

    @Test
    void applyingInLowPowerSaysWhatToDo() {
        start(fastOnVirtualTime());
        client.setLowPower(true);
        var e = assertThrows(org.openxpo.driver.XpoException.class, () -> client.applyApplication(4, LaneSets.range(1, 8)));
        assertTrue(e.getMessage().contains("ModuleLowPwr") && e.getMessage().contains("leave low power"), e.getMessage());
    }
}
