package org.openxpo.driver.module;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** VDM through the module API: basic values in every snapshot, latched VDM flags as alarms. */
class ModuleVdmTest {
    /** Two banks; eSNR media on lanes 1 and 9 (group 1), BER max media on lane 1 (group 2, a statistic). */
    private static PlainCmisModule module() {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 1).set(AdminPages.VDM_PAGES_SUPPORTED, 0, 0, 1);
        m.set(VdmPages.GROUPS_SUPPORTED, 0, 0, 1);
        for (int bank = 0; bank < 2; bank++) {
            m.set(Group.ONE.descriptors(), bank, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 0).encode());
            m.set(Group.ONE.samples(), bank, 0, bank == 0 ? 0x1280 : 0x0C00);
        }
        m.set(Group.TWO.descriptors(), 0, 0, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 0, 0).encode());
        m.set(Group.TWO.samples(), 0, 0, 0x90F0);
        return m;
    }

    @Test
    void aSnapshotCarriesTheBasicValuesAndLeavesTheStatisticsToTheFreeze() {
        PlainCmisModule m = module();
        try (XpoModuleClient client = new XpoModuleClient(m)) {
            ModuleSnapshot s = client.status();
            assertEquals(List.of(18.5), s.vdm(1).stream().map(v -> v.value()).toList());
            assertEquals(List.of(12.0), s.vdm(9).stream().map(v -> v.value()).toList());
            assertTrue(s.vdm().stream().noneMatch(v -> v.observable().statistic()),
                "the statistics page is not read: a snapshot never freezes");
            assertEquals(0, m.page(VdmPages.FREEZE_REQUEST.page(), 0)[VdmPages.FREEZE_REQUEST.offset() - 128]);
        }
    }

    @Test
    void latchedVdmFlagsBecomeAlarmsWhenTheSummaryPointsAtThem() {
        PlainCmisModule m = module();
        m.set(Group.ONE.flags(), 1, 0, 1 << ThresholdKind.LOW_ALARM.flagBit());
        try (XpoModuleClient client = new XpoModuleClient(m)) {
            assertTrue(client.readFlags().alarms().isEmpty(), "bank 1's summary does not point at 2Ch yet");
            m.set(LowerPage.FLAGS_SUMMARY_BANK1, 0, 0, 1 << LowerPage.FLAGS_SUMMARY_VDM_FLAGS_BIT);
            List<Alarm> alarms = client.readFlags().alarms();
            assertEquals(1, alarms.size(), alarms.toString());
            Alarm a = alarms.getFirst();
            assertEquals("EsnrMediaInputLowAlarm", a.name());
            assertEquals(Severity.ALARM, a.severity());
            assertEquals(Alarm.Source.VDM, a.source());
            assertEquals(9, a.lane());
            assertEquals("eSNR Media Input [dB] low alarm", a.description());
        }
    }
}
