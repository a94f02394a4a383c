package org.openxpo.driver.module;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.AccessStatistics;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XpoModuleClientTest {
    static final MemoryMap MAP = MemoryMap.xpo();
    EmulatedModule em;
    XpoModuleClient client;

    @BeforeEach
    void start() {
        em = EmulatedModule.ready();
        client = em.client();
    }

    @AfterEach
    void stop() {
        client.close();
        em.close();
    }

    long peek(Field field, int bank, int index) { return em.module().peek(field, bank, index); }

    @Test
    void identityDescribesTheXpoModule() {
        Identity id = client.identity();
        assertEquals(0x19, id.identifier());
        assertEquals("OSFP", id.identifierName());
        assertEquals("5.3", id.cmisRevision());
        assertEquals("OPENXPO", id.vendorName());
        assertEquals("XPO0000001", id.serialNumber());
        assertFalse(id.partNumber().isBlank());
        assertEquals("1.0", id.activeFirmware().toString());
        assertEquals(8, id.banks());
        assertEquals(64, id.lanes());
        assertTrue(id.xpo());
        assertEquals(400.0, id.maxPowerW(), 0.01);
        assertTrue(id.supportedPages().containsAll(java.util.List.of("01h", "02h", "10h", "11h", "B0h", "B1h")));
        assertEquals(4, id.applications().size());
        Application app1 = id.application(1).orElseThrow();
        assertEquals("1.6TAUI-8 / 1.6TBASE-DR8", app1.name());
        assertEquals(8, app1.dataPathsPerBank() * id.banks());
        assertEquals(64, id.application(4).orElseThrow().dataPathsPerBank() * id.banks());
        assertEquals(java.util.List.of(1, 5), id.application(2).orElseThrow().startLanes());
    }

    @Test
    void statusReportsEveryLaneAndTheXpoTelemetry() {
        ModuleSnapshot s = client.status();
        assertEquals(ModuleState.READY, s.moduleState());
        assertEquals(64, s.lanes().size());
        for (LaneStatus l : s.lanes()) {
            assertEquals(DataPathState.ACTIVATED, l.dataPathState(), "lane " + l.lane());
            assertEquals(1, l.appSel());
            assertEquals(((l.lane() - 1) / 8) * 8 + 1, l.firstLane());
        }
        assertTrue(s.power().inputVoltageV() > 40 && s.power().inputVoltageV() < 60, "50 V input");
        assertTrue(s.power().inputPowerW() > 0);
        assertTrue(s.cooling().flowLpm() > 0.3);
        assertFalse(s.cooling().leakDetected());
        assertEquals(500, s.cooling().matingCyclesRated());
        assertTrue(s.temperatureC() > 0);
        assertEquals(3.3, s.supplyVoltageV(), 0.1);
    }

    @Test
    void statusLeavesLatchedFlagsAndSnapshotConsumesAndReportsThem() {
        // the boot left ModuleStateChangedFlag latched: a one-shot flag nothing sets again
        assertEquals(1, peek(LowerPage.MODULE_STATE_CHANGED_FLAG, 0, 0));
        ModuleSnapshot status = client.status();
        assertFalse(status.flagsRead());
        assertTrue(status.alarms().isEmpty());
        assertEquals(1, peek(LowerPage.MODULE_STATE_CHANGED_FLAG, 0, 0), "status must not clear flags");

        ModuleSnapshot first = client.snapshot();
        assertTrue(first.flagsRead());
        assertTrue(first.alarms().stream().anyMatch(a -> a.name().equals("ModuleStateChanged")));
        assertTrue(first.lane(17).flags().contains("DataPathStateChanged"), "lane flags are reported per lane too");
        assertEquals(0, peek(LowerPage.MODULE_STATE_CHANGED_FLAG, 0, 0), "snapshot clears what it reports");

        ModuleSnapshot second = client.snapshot();
        assertTrue(second.alarms().stream().noneMatch(a -> a.name().equals("ModuleStateChanged")));
    }

    @Test
    void aFullSnapshotTakesOneReadPerPageAndBank() {
        client.identity();
        AccessStatistics before = client.access().statistics();
        client.snapshot();
        AccessStatistics after = client.access().statistics();
        long transfers = after.transfers() - before.transfers(), bytes = after.busBytes() - before.busBytes();
        // lower page 1 read + 8 banks × (select + read of 11h 128-213) + B0h (select + read of 128-165); with VDM
        // advertised each bank adds its basic sample page: a PageSelect and a 128-byte read (3 + 131 bytes)
        int vdmBanks = client.identity().advertised().vdm() ? 8 : 0;
        assertTrue(transfers <= 19 + 2 * vdmBanks, "snapshot took " + transfers + " transfers");
        assertTrue(bytes <= 850 + 134 * vdmBanks, "snapshot moved " + bytes + " bytes");

        before = after;
        client.status();
        after = client.access().statistics();
        assertTrue(after.transfers() - before.transfers() <= 28 + 2 * vdmBanks, "status skips the flag bytes at the cost of one split per page");
        assertTrue(after.busBytes() - before.busBytes() < bytes, "status reads fewer bytes than a snapshot");
    }

    @Test
    void flagReadingReadsOnlyWhatTheSummariesPointAt() {
        client.snapshot();  // consume the boot flags
        FlagReading quiet = client.readFlags();
        assertEquals(ModuleState.READY, quiet.moduleState());
        assertTrue(quiet.alarms().stream().allMatch(a -> a.severity() != Severity.ALARM));

        em.module().inject(new Fault.LaserFailure(java.util.Set.of(43)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
            .until(() -> peek(LaneStatusPage.FAILURE_FLAG_TX, 5, 2) == 1);
        FlagReading r = client.readFlags();
        assertTrue(r.alarms().stream().anyMatch(a -> a.name().equals("TxFailure") && a.lane() == 43
            && a.severity() == Severity.ALARM && a.source() == Alarm.Source.LANE), r.alarms().toString());
        assertTrue(r.reads() <= 5, "lower page, bank 5 (11h, and 2Ch for the VDM flags a dark lane latches), perhaps B0h, "
            + "then 00h:3 again: " + r.reads());
    }

    /**
     * IntL is a level: a reading ends with 00h:3 read after the pages it cleared. A flag that latched while the reading
     * ran (here: injected as its flag-page batch is sent) keeps the interrupt asserted, and the next reading finds it.
     */
    @Test
    void aReadingSaysWhetherTheInterruptIsStillAsserted() {
        client.close();
        em.close();
        em = EmulatedModule.virtual(ModuleConfig.Timing.fast());
        java.util.concurrent.atomic.AtomicReference<Runnable> duringBatch = new java.util.concurrent.atomic.AtomicReference<>();
        client = new XpoModuleClient(new org.openxpo.driver.transport.ForwardingTransport() {
            @Override public org.openxpo.driver.transport.Transport inner() { return em.transport; }

            @Override public java.util.List<java.util.List<org.openxpo.protocol.connector.I2cResult>> i2cBatch(
                    java.util.List<java.util.List<org.openxpo.protocol.connector.I2cMessage>> transfers) {
                Runnable r = duringBatch.getAndSet(null);
                if (r != null) r.run();
                return em.transport.i2cBatch(transfers);
            }

            @Override public void close() { }
        }, em.clock);
        client.snapshot();  // consume the boot flags
        assertFalse(client.readFlags().interruptAsserted(), "nothing latched since the snapshot");

        em.module().inject(new Fault.RxLossOfSignal(java.util.Set.of(9)));
        duringBatch.set(() -> em.module().inject(new Fault.RxLossOfSignal(java.util.Set.of(60))));
        FlagReading r = client.readFlags();
        assertTrue(r.alarms().stream().anyMatch(a -> a.name().equals("RxOutputStatusChanged") && a.lane() == 9), r.alarms().toString());
        assertTrue(r.interruptAsserted(), "lane 60's flag latched while the reading ran");

        FlagReading again = client.readFlags();
        assertTrue(again.alarms().stream().anyMatch(a -> a.name().equals("RxOutputStatusChanged") && a.lane() == 60),
            again.alarms().toString());
        assertFalse(again.interruptAsserted(), "the second reading cleared it");
        assertTrue(em.transport.readPin(org.openxpo.protocol.connector.Pin.INT_L), "IntL released");
    }

    @Test
    void thresholdsComeFromPages02hAndB1h() {
        Thresholds t = client.thresholds();
        Thresholds.Set tx = t.of("TxPower").orElseThrow();
        assertEquals("mW", tx.unit());
        assertTrue(tx.highAlarm() > tx.highWarning() && tx.highWarning() > tx.lowWarning() && tx.lowWarning() > tx.lowAlarm());
        Thresholds.Set v = t.of("InputVoltage").orElseThrow();
        assertTrue(v.highAlarm() >= v.highWarning() && v.highWarning() > v.lowWarning() && v.lowWarning() >= v.lowAlarm());
        assertTrue(v.highAlarm() <= 65 && v.lowAlarm() >= 35, "around the 40-60 V input range: " + v);
        assertEquals(Alarm.Source.POWER, v.source());
        assertEquals(Alarm.Source.COOLING, t.of("CoolantFlow").orElseThrow().source());
        assertTrue(t.of("TxBias").orElseThrow().highAlarm() > 100, "bias thresholds scaled by the multiplier");
    }

    @Test
    void everyThresholdMonitorNamesFourAlarmsOfItsSource() {
        List<String> monitors = client.thresholds().sets().stream().map(Thresholds.Set::monitor).toList();
        assertEquals(List.of("Temp", "Vcc", "TxPower", "TxBias", "RxPower"), monitors.subList(0, 5));
        for (Thresholds.Set set : client.thresholds().sets()) {
            for (ThresholdKind kind : ThresholdKind.values()) {
                AlarmCatalog.Definition d = AlarmCatalog.find(set.monitor() + kind.cmisName())
                    .orElseThrow(() -> new AssertionError(set.monitor() + kind.cmisName() + " is not an alarm"));
                assertEquals(set.source(), d.source(), d.name());
            }
        }
    }

    @Test
    void txDisableTurnsTheTransmittersOffAndOnAgain() {
        client.setTxDisabled(LaneSets.range(1, 8), true);
        assertEquals(0xFF, peek(LaneControlPage.OUTPUT_DISABLE_TX, 0, 0) | peek(LaneControlPage.OUTPUT_DISABLE_TX, 0, 1) << 1
            | peek(LaneControlPage.OUTPUT_DISABLE_TX, 0, 7) << 7 | 0x7C);
        org.awaitility.Awaitility.await().until(() -> em.module().dataPathState(1) == DataPathState.INITIALIZED);
        assertEquals(DataPathState.ACTIVATED, em.module().dataPathState(9), "other banks keep their Tx");
        client.setTxDisabled(LaneSets.range(1, 8), false);
        org.awaitility.Awaitility.await().until(() -> em.module().dataPathState(1) == DataPathState.ACTIVATED);
        assertThrows(XpoException.InvalidRequest.class, () -> client.setTxDisabled(LaneSets.range(60, 70), true));
    }

    @Test
    void masksAreSetByAlarmName() {
        BitSet lane3 = LaneSets.range(3, 3);
        client.setAlarmMasked("TxFailure", lane3, true);
        assertEquals(1, peek(LaneControlPage.FAILURE_MASK_TX, 0, 2));
        assertEquals(0, peek(LaneControlPage.FAILURE_MASK_TX, 0, 1));
        client.setAlarmMasked("TempHighWarning", null, true);
        assertEquals(0b0100, peek(LowerPage.TEMP_MASKS, 0, 0));
        client.setAlarmMasked("coolantflowlowalarm", null, true);
        assertEquals(0b0010, peek(XpoPages.Monitor.COOLANT_FLOW.masks(), 0, 0));
        client.setAlarmMasked("Leak", null, true);
        assertEquals(1, peek(XpoPages.LEAK_MASK, 0, 0));
        client.setAlarmMasked("TxFailure", lane3, false);
        client.setAlarmMasked("TempHighWarning", null, false);
        assertEquals(0, peek(LaneControlPage.FAILURE_MASK_TX, 0, 2));
        assertEquals(0, peek(LowerPage.TEMP_MASKS, 0, 0));
        assertThrows(XpoException.InvalidRequest.class, () -> client.setAlarmMasked("NoSuchAlarm", null, true));
        assertThrows(XpoException.InvalidRequest.class, () -> client.setAlarmMasked("RxLos", null, true));
    }

    @Test
    void aMaskedFlagLatchesWithoutAssertingIntL() {
        client.snapshot();
        for (AlarmCatalog.Definition d : AlarmCatalog.all()) {
            if (d.perLane()) client.setAlarmMasked(d.name(), LaneSets.range(3, 3), true);
        }
        client.snapshot();
        assertTrue(em.transport.readPin(Pin.INT_L), "IntL deasserted once the flags are read");
        em.module().inject(new Fault.LaserFailure(java.util.Set.of(3)));
        org.awaitility.Awaitility.await().until(() -> peek(LaneStatusPage.FAILURE_FLAG_TX, 0, 2) == 1);
        assertTrue(em.transport.readPin(Pin.INT_L), "masked: IntL stays high");
        assertTrue(client.readFlags().alarms().stream().anyMatch(a -> a.name().equals("TxFailure") && a.lane() == 3));
    }

    @Test
    void vdmAlarmsAreMaskedByTheNamesTheyAreReportedWith() {
        List<org.openxpo.driver.vdm.VdmObservable> lane12 = client.vdm().layout().observables().stream()
            .filter(o -> o.lane() == 12).toList();
        var esnr = lane12.stream().filter(o -> o.name().equals("esnr_media_input")).findFirst().orElseThrow();
        client.setAlarmMasked("esnrmediainputlowalarm", LaneSets.range(12, 12), true);
        assertEquals(1L << ThresholdKind.LOW_ALARM.flagBit(), peek(esnr.group().masks(), esnr.bank(), esnr.index()));
        var lane11 = client.vdm().layout().observables().stream()
            .filter(o -> o.lane() == 11 && o.name().equals("esnr_media_input")).findFirst().orElseThrow();
        assertEquals(0, peek(lane11.group().masks(), lane11.bank(), lane11.index()), "lane 11 keeps its interrupt");
        client.setAlarmMasked("EsnrMediaInputLowAlarm", LaneSets.range(12, 12), false);
        assertEquals(0, peek(esnr.group().masks(), esnr.bank(), esnr.index()));

        var noLanes = assertThrows(XpoException.InvalidRequest.class, () -> client.setAlarmMasked("EsnrMediaInputLowAlarm", null, true));
        assertTrue(noLanes.getMessage().contains("give lanes"), noLanes.getMessage());
        assertThrows(XpoException.InvalidRequest.class, () -> client.setAlarmMasked("EsnrMediaInputLowAlarm", LaneSets.range(64, 65), true));
        assertThrows(XpoException.InvalidRequest.class, () -> client.setAlarmMasked("EsnrMediaInputSidewaysAlarm", LaneSets.range(12, 12), true));

        // every VDM flag of lane 12 masked: a dirty connector latches them, and IntL stays high
        for (var o : lane12) {
            for (ThresholdKind k : ThresholdKind.values()) {
                client.setAlarmMasked(new org.openxpo.driver.vdm.VdmFlag(o, k).name(), LaneSets.range(12, 12), true);
            }
        }
        client.snapshot();
        assertTrue(em.transport.readPin(Pin.INT_L), "IntL deasserted once the flags are read");
        em.module().inject(new Fault.DirtyConnector(java.util.Set.of(12), 10));
        org.awaitility.Awaitility.await().until(() -> peek(esnr.group().flags(), esnr.bank(), esnr.index()) != 0);
        assertTrue(em.transport.readPin(Pin.INT_L), "masked: IntL stays high");
        assertTrue(client.readFlags().alarms().stream().anyMatch(a -> a.name().equals("EsnrMediaInputLowAlarm")
            && Integer.valueOf(12).equals(a.lane())), "the flag still shows in reads");
    }

    @Test
    void softwareResetWaitsForTheModuleToComeBack() {
        assertEquals(ResetMethod.SOFTWARE, client.reset(ResetMethod.SOFTWARE));
        ModuleState s = client.moduleState();
        assertTrue(s == ModuleState.READY || s == ModuleState.LOW_PWR, String.valueOf(s));
        assertEquals("XPO0000001", client.identity().serialNumber(), "identity read again after the reset");
    }

    @Test
    void pinResetPulsesResetL() {
        assertEquals(ResetMethod.PIN, client.reset(ResetMethod.PIN));
        assertTrue(em.transport.readPin(Pin.RESET_L), "ResetL released after the pulse");
        assertEquals(ResetMethod.PIN, client.reset(), "AUTO prefers the pin when the transport drives it");
    }

    @Test
    void lowPowerOnAndOff() {
        client.setLowPower(true);
        assertEquals(ModuleState.LOW_PWR, client.moduleState());
        assertEquals(DataPathState.DEACTIVATED, em.module().dataPathState(1));
        client.setLowPower(false);
        assertEquals(ModuleState.READY, client.moduleState());
    }

    @Test
    void lowPowerOffOverridesAnAssertedLpModePin() {
        em.transport.writePin(Pin.LP_MODE, true);
        org.awaitility.Awaitility.await().until(() -> em.module().moduleState() == ModuleState.LOW_PWR);
        client.setLowPower(false);
        assertEquals(ModuleState.READY, client.moduleState());
        assertEquals(0, peek(LowerPage.LOW_PWR_ALLOW_REQUEST_HW, 0, 0), "the pin no longer decides");
    }

    @Test
    void controlsRefuseAModuleInFaultWithAClearMessage() {
        em.module().inject(new Fault.FirmwareFault());
        XpoException lp = assertThrows(XpoException.class, () -> client.setLowPower(true));
        assertTrue(lp.getMessage().contains("ModuleFault"), lp.getMessage());
        XpoException apply = assertThrows(XpoException.class, () -> client.applyApplication(4, LaneSets.range(1, 8)));
        assertTrue(apply.getMessage().contains("ModuleFault"), apply.getMessage());
        assertEquals(ModuleState.FAULT, client.status().moduleState());
        assertTrue(client.status().faultDescription().contains("firmware"));
    }
}
