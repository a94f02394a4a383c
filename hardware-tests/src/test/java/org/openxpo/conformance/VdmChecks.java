package org.openxpo.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.vdm.AdvertisedVdm;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReader;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.VdmLayout;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.types.Lanes;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * VDM (pages 20h–2Fh) through the driver's {@link VdmReader}: the layout hosts decode (contiguous lane-ordered runs in
 * all 8 banks), values in their encodings, the freeze handshake (statistics hold, read-modify-write of 2Fh:144),
 * thresholds that bracket a healthy module's values, and (emulator-only) the faults a user expects VDM to show: a dirty
 * connector (eSNR down, BER up, VDM alarms), a receiver aging (eSNR drifting down), a burst of errored frames, Rx loss of
 * signal.
 */
abstract class VdmChecks extends Checks {
    private static final Duration TICKS = Duration.ofSeconds(3);

    private VdmReader reader() { return new VdmReader(host.access()); }

    @AfterEach
    void clearFaults() {
        if (t.emulated()) for (ActiveFault f : t.module().activeFaults()) t.module().clearFault(f.id());
        host.clearFlags();
    }

    @Test
    void theLayoutIsTheXpoRunsInAll8Banks() {
        assertEquals(1, host.get(AdminPages.VDM_PAGES_SUPPORTED), "01h:142 bit 6");
        AdvertisedVdm layout = reader().layout();
        assertEquals(VdmLayout.XPO.groupList(), layout.groups(), "2Fh:128 groups");
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            List<VdmObservable> obs = layout.inBank(bank);
            assertEquals(layout.groups().size() * VdmPages.DESCRIPTORS_PER_GROUP, obs.size(), "bank " + bank);
            for (VdmObservable o : obs) {
                assertEquals(VdmLayout.XPO.descriptors(o.group()).get(o.index()), o.descriptor(), "bank " + bank + " " + o);
                assertEquals(Lanes.lane(bank, o.index() % Lanes.PER_BANK), o.lane(), "runs of 8 in lane order: " + o);
            }
        }
    }

    @Test
    void everyLaneReportsValuesInTheirEncodings() {
        VdmReading r = reader().read(false);
        for (int lane = 1; lane <= Lanes.COUNT; lane++) {
            assertInRange(r, "laser_temperature_media", lane, 15, 90);
            assertInRange(r, "esnr_media_input", lane, 17, 30);
            assertInRange(r, "esnr_host_input", lane, 17, 30);
            assertInRange(r, "pam4_level_transition_media_input", lane, 15, 30);
            assertInRange(r, "prefec_ber_curr_media_input", lane, 1e-15, 1e-5);
        }
        VdmSample s = r.find("esnr_media_input", 1).orElseThrow();
        assertEquals(s.raw() / 256.0, s.value(), 1e-9, "U16 in 1/256 dB");
    }

    @Test
    void aFreezeHoldsTheStatisticsAndKeepsTheOtherControlBits() {
        host.set(VdmPages.CONTROL_OTHER, 0x01);
        VdmReader r = reader();
        VdmReading frozen = r.read();
        assertEquals(VdmReading.Statistics.FROZEN, frozen.statistics(), frozen.problem());
        assertTrue(frozen.samples().stream().filter(x -> x.observable().statistic()).allMatch(x -> x.value() != null));
        assertEquals(0x01, host.get(VdmPages.CONTROL_OTHER), "2Fh:144 bits 6-0 as written");
        assertEquals(0, host.get(VdmPages.FREEZE_REQUEST), "released");
        assertEquals(1, host.get(VdmPages.UNFREEZE_DONE), "UnfreezeDone after the release");
        host.set(VdmPages.CONTROL_OTHER, 0);

        // by hand, as a host without the driver does: the statistics hold while the basic samples move on
        host.set(VdmPages.FREEZE_REQUEST, 1);
        host.await("FreezeDone", Duration.ofMillis(500), () -> host.get(VdmPages.FREEZE_DONE), d -> d == 1);
        int stats = VdmPages.Group.TWO.samples().page(), basic = VdmPages.Group.ONE.samples().page();
        byte[] held = host.read(stats, 3, 128, 128), before = host.read(basic, 3, 128, 128);
        host.await("the basic samples of bank 3 to change (physics ticks)", TICKS, () -> host.read(basic, 3, 128, 128),
            now -> !java.util.Arrays.equals(now, before), now -> "unchanged");
        assertArrayEquals(held, host.read(stats, 3, 128, 128), "frozen statistics hold");
        host.set(VdmPages.FREEZE_REQUEST, 0);
        host.await("UnfreezeDone", Duration.ofMillis(500), () -> host.get(VdmPages.UNFREEZE_DONE), d -> d == 1);
        assertEquals(0, host.get(VdmPages.FREEZE_DONE), "FreezeDone drops with the release");
    }

    @Test
    void thresholdsBracketAHealthyModulesValues() {
        VdmReader r = reader();
        VdmReading now = r.read(false);
        for (VdmThreshold th : r.thresholds()) {
            VdmObservable o = th.observable();
            if (o.statistic()) continue;
            double v = now.find(o.name(), o.lane()).orElseThrow().value();
            assertTrue(v >= th.lowWarning() && v <= th.highWarning(), o.name() + " of lane " + o.lane() + " = " + v
                + " outside the warnings " + th.lowWarning() + "-" + th.highWarning());
            assertTrue(th.lowAlarm() <= th.lowWarning() && th.highWarning() <= th.highAlarm(), th.toString());
        }
    }

    @Test
    @Tag(TargetConditions.EMULATOR_ONLY)
    void aDirtyConnectorLowersEsnrRaisesBerAndRaisesVdmAlarms() {
        t.module().inject(new Fault.DirtyConnector(Set.of(20), 8));
        VdmReader r = reader();
        VdmReading bad = host.await("lane 20's eSNR below 15 dB", TICKS, () -> r.read(false),
            x -> x.find("esnr_media_input", 20).orElseThrow().value() < 15, x -> x.lane(20).toString());
        assertTrue(bad.find("prefec_ber_curr_media_input", 20).orElseThrow().value() > 1e-3, bad.lane(20).toString());
        assertTrue(bad.find("esnr_media_input", 19).orElseThrow().value() > 17, "lane 19 is clean");
        try (XpoModuleClient client = new XpoModuleClient(host.access())) {
            List<Alarm> alarms = host.await("VDM alarms of lane 20", TICKS, () -> client.readFlags().alarms(),
                a -> a.stream().anyMatch(x -> x.source() == Alarm.Source.VDM && Integer.valueOf(20).equals(x.lane())
                    && x.name().startsWith("EsnrMediaInputLow")), Object::toString);
            assertTrue(alarms.stream().noneMatch(x -> x.source() == Alarm.Source.VDM && !Integer.valueOf(20).equals(x.lane())),
                alarms.toString());
        }
    }

    @Test
    @Tag(TargetConditions.EMULATOR_ONLY)
    void agingDriftLowersEsnrOverTimeOnItsLaneOnly() {
        VdmReader r = reader();
        VdmReading before = r.read(false);
        double lane50 = before.find("esnr_media_input", 50).orElseThrow().value();
        double lane49 = before.find("esnr_media_input", 49).orElseThrow().value();
        t.module().inject(new Fault.AgingDrift(Set.of(50), 1000));   // 0.28 dB a second, the fastest it takes
        VdmReading aged = host.await("lane 50's eSNR 0.5 dB down", Duration.ofSeconds(8), () -> r.read(false),
            x -> x.find("esnr_media_input", 50).orElseThrow().value() < lane50 - 0.5, x -> x.lane(50).toString());
        assertEquals(lane49, aged.find("esnr_media_input", 49).orElseThrow().value(), 0.3, "lane 49 does not age");
        double agedLane50 = aged.find("esnr_media_input", 50).orElseThrow().value();
        host.await("lane 50's eSNR drifting on, 0.2 dB lower still", Duration.ofSeconds(4), () -> r.read(false),
            x -> x.find("esnr_media_input", 50).orElseThrow().value() < agedLane50 - 0.2, x -> x.lane(50).toString());
    }

    @Test
    @Tag(TargetConditions.EMULATOR_ONLY)
    void erroredFramesAndRxLossOfSignalShowInTheirObservables() {
        t.module().inject(new Fault.ErroredFramesBurst(Set.of(30), 60_000, 0.25));
        t.module().inject(new Fault.RxLossOfSignal(Set.of(40)));
        VdmReader r = reader();
        VdmReading x = host.await("errored frames on lane 30, no signal on lane 40", TICKS, () -> r.read(false),
            v -> v.find("errored_frames_curr_media_input", 30).orElseThrow().value() >= 0.2
                && v.find("esnr_media_input", 40).orElseThrow().value() == 0, v -> v.lane(30) + " " + v.lane(40));
        assertEquals(0.5, x.find("prefec_ber_curr_media_input", 40).orElseThrow().value(), 1e-3,
            "a receiver without signal decides at random");
    }

    private static void assertInRange(VdmReading r, String name, int lane, double min, double max) {
        double v = r.find(name, lane).orElseThrow(() -> new AssertionError(name + " of lane " + lane + " missing")).value();
        assertTrue(v >= min && v <= max, name + " of lane " + lane + " = " + v + ", expected " + min + "-" + max);
    }
}
