package org.openxpo.driver.vdm;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The VDM reader against another maker's module: its own layout, its freeze handshake (or the lack of one). */
class VdmReaderTest {
    private static final int UPPER = ManagementInterface.UPPER_PAGE_START;

    /** A 2-bank module advertising VDM with one group of the given descriptors per bank (index → descriptor). */
    private static PlainCmisModule module(int groupsMinusOne) {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 1).set(AdminPages.VDM_PAGES_SUPPORTED, 0, 0, 1);
        m.set(VdmPages.GROUPS_SUPPORTED, 0, 0, groupsMinusOne);
        return m;
    }

    private static void describe(PlainCmisModule m, Group g, int bank, int index, VdmDescriptor d) {
        m.set(g.descriptors(), bank, index, d.encode());
    }

    private static void sample(PlainCmisModule m, Group g, int bank, int index, int raw) {
        m.set(g.samples(), bank, index, raw);
    }

    /** Answers FreezeRequest as CMIS asks: FreezeDone on 0→1, UnfreezeDone on 1→0, the other bits of 144 kept. */
    private static void answerFreezes(PlainCmisModule m) {
        m.onWrite(msg -> {
            int at = msg.data()[0] & 0xFF, freeze = VdmPages.FREEZE_REQUEST.offset();
            if (m.selectedPage() != VdmPages.FREEZE_REQUEST.page() || at > freeze || at + msg.data().length - 1 <= freeze) return;
            boolean frozen = (msg.data()[freeze - at + 1] & 0x80) != 0;
            m.set(VdmPages.FREEZE_DONE, m.selectedBank(), 0, frozen ? 1 : 0);
            m.set(VdmPages.UNFREEZE_DONE, m.selectedBank(), 0, frozen ? 0 : 1);
        });
    }

    @Test
    void theLayoutIsTheModulesOwnAndUnknownTypesKeepTheirRawWords() {
        PlainCmisModule m = module(0);
        describe(m, Group.ONE, 0, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 3));
        describe(m, Group.ONE, 0, 1, new VdmDescriptor(0, 1, 200));
        describe(m, Group.ONE, 0, 5, new VdmDescriptor(1, VdmDescriptor.MODULE_RESOURCE, VdmType.LASER_TEMPERATURE.id()));
        describe(m, Group.ONE, 1, 9, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 2, 0));
        sample(m, Group.ONE, 0, 0, 0x1280);
        sample(m, Group.ONE, 0, 1, 0xABCD);
        sample(m, Group.ONE, 1, 9, 0x7BE8);

        VdmReader reader = new VdmReader(new RegisterAccess(m));
        AdvertisedVdm layout = reader.layout();
        assertEquals(List.of(Group.ONE), layout.groups());
        assertEquals(List.of(1, 2, 0, 11), layout.observables().stream().map(VdmObservable::lane).toList());
        assertFalse(layout.hasStatistics());

        VdmReading r = reader.read();
        assertEquals(VdmReading.Statistics.NONE, r.statistics());
        assertEquals(0, m.page(VdmPages.FREEZE_REQUEST.page(), 0)[VdmPages.FREEZE_REQUEST.offset() - UPPER],
            "a module with basic observables only is never asked to freeze");
        assertEquals(18.5, r.find("esnr_media_input", 1).orElseThrow().value(), 1e-9);
        assertEquals(1e-6, r.find("prefec_ber_curr_media_input", 11).orElseThrow().value(), 1e-15);
        VdmSample unknown = r.find("type_200", 2).orElseThrow();
        assertNull(unknown.value());
        assertEquals(0xABCD, unknown.raw());
    }

    @Test
    void modulesAdvertisingTheSameLayoutShareOneCopyOfIt() {
        PlainCmisModule a = module(0), b = module(0), other = module(0);
        for (PlainCmisModule m : List.of(a, b, other)) describe(m, Group.ONE, 0, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 3));
        describe(other, Group.ONE, 1, 4, VdmDescriptor.ofLane(VdmType.LTP_MEDIA, 4, 0));

        AdvertisedVdm layoutA = new VdmReader(new RegisterAccess(a)).layout();
        assertSame(layoutA, new VdmReader(new RegisterAccess(b)).layout(), "a chassis of one make keeps one layout");
        AdvertisedVdm otherLayout = new VdmReader(new RegisterAccess(other)).layout();
        assertNotEquals(layoutA, otherLayout);
        assertEquals(List.of(1, 13), otherLayout.observables().stream().map(VdmObservable::lane).toList(),
            "a module with its own layout keeps it");
    }

    @Test
    void statisticsAreFrozenAroundTheReadAndTheOtherControlBitsKept() {
        PlainCmisModule m = module(1);
        describe(m, Group.ONE, 0, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 0));
        describe(m, Group.TWO, 0, 0, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 0, 0));
        sample(m, Group.TWO, 0, 0, 0x90F0);
        m.set(VdmPages.CONTROL_OTHER, 0, 0, 0x01);
        answerFreezes(m);

        VdmReading r = new VdmReader(new RegisterAccess(m)).read();
        assertEquals(VdmReading.Statistics.FROZEN, r.statistics());
        assertNull(r.problem());
        assertEquals(2.4e-4, r.find("prefec_ber_max_media_input", 1).orElseThrow().value(), 1e-12);
        int control = m.page(VdmPages.FREEZE_REQUEST.page(), 0)[VdmPages.FREEZE_REQUEST.offset() - UPPER] & 0xFF;
        assertEquals(0x01, control, "released, and bit 0 of 144 as the host found it");
    }

    @Test
    void aFreezeThatIsNeverConfirmedLeavesTheStatisticsOut() {
        PlainCmisModule m = module(1);
        describe(m, Group.ONE, 0, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 0));
        describe(m, Group.TWO, 0, 0, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 0, 0));
        sample(m, Group.ONE, 0, 0, 0x1280);
        sample(m, Group.TWO, 0, 0, 0x90F0);

        RegisterAccess access = new RegisterAccess(m);
        VdmReading r = new VdmReader(access, HostClock.system(), Duration.ofMillis(20)).read();
        assertEquals(VdmReading.Statistics.NOT_FROZEN, r.statistics());
        assertTrue(r.problem().contains("FreezeDone (2Fh:145.7) did not come within 20 ms"), r.problem());
        assertNull(r.find("prefec_ber_max_media_input", 1).orElseThrow().value(), "never an unconfirmed interval's value");
        assertEquals(18.5, r.find("esnr_media_input", 1).orElseThrow().value(), 1e-9, "basic values need no freeze");
    }

    @Test
    void thresholdsAndFlagsAreDecodedPerObservableType() {
        PlainCmisModule m = module(0);
        describe(m, Group.ONE, 1, 4, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 4, 2));
        int set = Group.ONE.thresholdOffset(2, ThresholdKind.LOW_ALARM) - UPPER;
        m.page(Group.ONE.thresholds().page(), 1)[set] = 0x0F;   // 15.0 dB = 0x0F00
        m.set(Group.ONE.flags(), 1, 4, 1 << ThresholdKind.LOW_ALARM.flagBit());

        VdmReader reader = new VdmReader(new RegisterAccess(m));
        VdmThreshold t = reader.thresholds().getFirst();
        assertEquals(13, t.observable().lane());
        assertEquals(15.0, t.lowAlarm(), 1e-9);
        List<VdmFlag> flags = reader.flags();
        assertEquals(1, flags.size());
        assertEquals("EsnrMediaInputLowAlarm", flags.getFirst().name());
        assertEquals(13, flags.getFirst().observable().lane());
    }

    @Test
    void aModuleWithoutVdmSaysSo() {
        XpoException.Unsupported e = assertThrows(XpoException.Unsupported.class,
            () -> new VdmReader(new RegisterAccess(new PlainCmisModule())).read());
        assertTrue(e.getMessage().contains("01h:142 VdmPagesSupported is 0"), e.getMessage());
    }
}
