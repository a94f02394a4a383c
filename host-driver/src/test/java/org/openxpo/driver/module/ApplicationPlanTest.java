package org.openxpo.driver.module;

import org.openxpo.driver.access.AdvertisedPages;

import org.openxpo.driver.XpoException;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.Lanes;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Validation of an application against an advertisement, without a module. */
class ApplicationPlanTest {
    static final Identity XPO = identity(List.of(
        new Application(1, new ApplicationDescriptor(131, 127, 8, 8, 0x01), 0x01),
        new Application(2, new ApplicationDescriptor(130, 119, 4, 4, 0x11), 0x11),
        new Application(4, new ApplicationDescriptor(128, 115, 1, 1, 0xFF), 0xFF)));

    static Identity identity(List<Application> apps) {
        Duration ms = Duration.ofMillis(1);
        return new Identity(0x19, 5, 3, false, "V", "00-00-00", "PN", "A", "SN", "260101", new FirmwareVersion(1, 0),
            new FirmwareVersion(1, 0), "1.0", 2, apps, 400, 8, List.of(), 1, 0,
            new AdvertisedDurations(ms, ms, ms, ms, ms, ms), AdvertisedPages.FLAT);
    }

    @Test
    void splitsLanesIntoDataPaths() {
        ApplicationPlan p = ApplicationPlan.of(XPO, 2, Lanes.parse("1-8,13-16"));
        assertEquals(List.of(1, 5, 13), p.firstLanes());
        assertEquals(5, p.firstLaneOf(8));
        assertEquals(13, p.firstLaneOf(16));
        assertEquals(64, ApplicationPlan.of(XPO, 4, Lanes.parse("1-64")).firstLanes().size());
        assertEquals(8, ApplicationPlan.of(XPO, 1, Lanes.parse("1-64")).firstLanes().size());
    }

    @Test
    void rejectsWhatTheAdvertisementDoesNotAllow() {
        assertTrue(assertThrows(XpoException.InvalidRequest.class, () -> ApplicationPlan.of(XPO, 3, Lanes.parse("1-2")))
            .getMessage().contains("offers 1 (1.6TAUI-8 / 1.6TBASE-DR8), 2 (800GAUI-4 / 800GBASE-DR4), 4 ("));
        assertTrue(assertThrows(XpoException.InvalidRequest.class, () -> ApplicationPlan.of(XPO, 2, Lanes.parse("3-6")))
            .getMessage().contains("starts on lane 1 or 5 of a bank, not on lane 3"));
        assertTrue(assertThrows(XpoException.InvalidRequest.class, () -> ApplicationPlan.of(XPO, 1, Lanes.parse("1-12")))
            .getMessage().contains("lacks 13-16"));
        assertThrows(XpoException.InvalidRequest.class, () -> ApplicationPlan.of(XPO, 1, new java.util.BitSet()));
    }

    @Test
    void aDataPathMayNotCrossABank() {
        Identity odd = identity(List.of(new Application(1, new ApplicationDescriptor(130, 119, 4, 4, 0x20), 0x20)));
        assertTrue(assertThrows(XpoException.InvalidRequest.class, () -> ApplicationPlan.of(odd, 1, Lanes.parse("6-9")))
            .getMessage().contains("cross into the next bank"));
    }

    @Test
    void timeoutsFollowTheAdvertisementLikeSonic() {
        Timeouts t = Timeouts.from(new AdvertisedDurations(Duration.ofMillis(500), Duration.ofMillis(50),
            Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(10)));
        assertEquals(Duration.ofMillis(5000).plus(Timeouts.ALLOWANCE), t.dpInit(), "DPInit x10 when 1 s or less");
        assertEquals(Duration.ofMillis(2500).plus(Timeouts.ALLOWANCE), t.reset(), "MgmtInit 2 s + ModulePwrUp");
        Timeouts slow = Timeouts.from(new AdvertisedDurations(Duration.ofSeconds(5), Duration.ofMillis(50),
            Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(10)));
        assertEquals(Duration.ofSeconds(5).plus(Timeouts.ALLOWANCE), slow.dpInit());
    }
}
