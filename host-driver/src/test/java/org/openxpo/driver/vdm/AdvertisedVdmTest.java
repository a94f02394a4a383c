package org.openxpo.driver.vdm;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.access.RegisterAccess.FieldRead;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a layout says about each bank: which observables, which groups are worth reading with and without a freeze. */
class AdvertisedVdmTest {
    /** Bank 0: a basic observable in group 1, a statistic in group 2. Bank 1: a statistic in group 2 only. */
    private static final VdmObservable ESNR = new VdmObservable(0, Group.ONE, 0, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 0, 0));
    private static final VdmObservable BER_MAX_0 =
        new VdmObservable(0, Group.TWO, 3, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 1, 0));
    private static final VdmObservable BER_MAX_1 =
        new VdmObservable(1, Group.TWO, 7, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 4, 0));
    private static final AdvertisedVdm LAYOUT =
        new AdvertisedVdm(List.of(Group.ONE, Group.TWO), 3, List.of(ESNR, BER_MAX_0, BER_MAX_1));

    @Test
    void eachBankKnowsItsObservablesAndTheGroupsTheyUse() {
        assertEquals(List.of(ESNR, BER_MAX_0), LAYOUT.inBank(0));
        assertEquals(List.of(BER_MAX_1), LAYOUT.inBank(1));
        assertEquals(List.of(), LAYOUT.inBank(2), "a bank without descriptors");
        assertEquals(List.of(), LAYOUT.inBank(8), "a bank beyond those read");
        assertEquals(List.of(Group.ONE, Group.TWO), LAYOUT.usedGroups(0));
        assertEquals(List.of(Group.TWO), LAYOUT.usedGroups(1));
        assertTrue(LAYOUT.hasStatistics());
    }

    @Test
    void aSnapshotReadsOnlyTheSamplePagesOfGroupsWithABasicObservable() {
        assertEquals(List.of(new FieldRead(Group.ONE.samples().page(), 0, List.of(Group.ONE.samples()))),
            VdmPageReads.basicSamples(LAYOUT, 0));
        assertEquals(List.of(), VdmPageReads.basicSamples(LAYOUT, 1), "statistics alone need a freeze: not read");
    }

    @Test
    void samplesAreDecodedFromTheirGroupsWindowAndStatisticsOnlyWhenFrozen() {
        List<FieldRead> reads = List.of(new FieldRead(Group.ONE.samples().page(), 0, List.of(Group.ONE.samples())),
            new FieldRead(Group.TWO.samples().page(), 0, List.of(Group.TWO.samples())));
        byte[] one = new byte[ManagementInterface.WINDOW_SIZE], two = new byte[ManagementInterface.WINDOW_SIZE];
        Group.ONE.samples().set(one, 0, 0x1280);   // 18.5 dB
        Group.TWO.samples().set(two, 3, 0x1234);
        List<VdmSample> live = VdmPageReads.decodeSamples(LAYOUT, 0, reads, List.of(one, two), false);
        assertEquals(2, live.size());
        assertEquals(18.5, live.get(0).value(), 1e-9);
        assertEquals(0x1234, live.get(1).raw());
        assertNull(live.get(1).value(), "a statistic read without a freeze has no value to present");
        assertNotNull(VdmPageReads.decodeSamples(LAYOUT, 0, reads, List.of(one, two), true).get(1).value());
        assertEquals(List.of(ESNR), VdmPageReads.decodeSamples(LAYOUT, 0, reads.subList(0, 1), List.of(one), false)
            .stream().map(VdmSample::observable).toList(), "a group not read is skipped");
    }
}
