package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.VdmPages.Group;

import java.util.List;

/** The VDM pages at the addresses hosts read them (telemetry-and-diagnostics §1.2–1.4). */
class VdmPagesTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void eachGroupHasItsDescriptorSampleAndThresholdPage() {
        assertEquals(List.of(0x20, 0x24, 0x28), List.of(Group.ONE.descriptors().page(), Group.ONE.samples().page(),
            Group.ONE.thresholds().page()));
        assertEquals(List.of(0x23, 0x27, 0x2B), List.of(Group.FOUR.descriptors().page(), Group.FOUR.samples().page(),
            Group.FOUR.thresholds().page()));
        for (Group g : Group.values()) {
            assertEquals(128, g.descriptors().offset());
            assertEquals(128, g.descriptors().byteLength(), "64 descriptors × 2 bytes fill the page");
            assertEquals(128, g.samples().byteLength());
            assertEquals(128, g.thresholds().byteLength(), "16 sets × 8 bytes");
            assertEquals(Access.RO, g.samples().access());
        }
    }

    @Test
    void descriptorSampleAddressesFollowTheIndex() {
        // descriptor i of group g at 1Fh+g bytes 128+2i, its sample at 23h+g bytes 128+2i
        assertEquals(128 + 2 * 17, Group.TWO.descriptors().elementOffset(17));
        assertEquals(128 + 2 * 63, Group.THREE.samples().elementOffset(63));
        assertEquals(256, Group.FOUR.instance(63), "global instances number 1-256");
        assertEquals(65, Group.TWO.instance(0));
        assertThrows(IndexOutOfBoundsException.class, () -> Group.ONE.instance(64));
    }

    @Test
    void thresholdsAreEightBytesPerSetInCmisOrder() {
        assertEquals(128, Group.ONE.thresholdOffset(0, ThresholdKind.HIGH_ALARM));
        assertEquals(128 + 8 * 3 + 2, Group.TWO.thresholdOffset(3, ThresholdKind.LOW_ALARM));
        assertEquals(128 + 8 * 15 + 6, Group.ONE.thresholdOffset(15, ThresholdKind.LOW_WARNING));
    }

    @Test
    void flagsAreANibblePerDescriptorLowNibbleForEvenIndices() {
        // byte 128 + 32(g-1) + floor(i/2); low nibble even i, high nibble odd i (SONiC, FBOSS's MPI read at 208 for group 3)
        Field g1 = Group.ONE.flags();
        assertEquals(Pages.VDM_FLAGS, g1.page());
        assertEquals(Access.COR, g1.access());
        assertEquals(128 + 5, g1.elementOffset(10));
        assertEquals(0, g1.elementBit(10));
        assertEquals(128 + 5, g1.elementOffset(11));
        assertEquals(4, g1.elementBit(11));
        assertEquals(208, Group.THREE.flags().elementOffset(32));
        assertEquals(255, Group.FOUR.flags().elementOffset(63), "four groups fill page 2Ch");

        byte[] page = new byte[256];
        g1.set(page, 11, 1 << ThresholdKind.LOW_ALARM.flagBit());
        assertEquals(0x20, page[133] & 0xFF, "descriptor 11's low alarm is bit 5 of byte 133");
    }

    @Test
    void masksMirrorTheFlagsOnPage2Dh() {
        for (Group g : Group.values()) {
            Field mask = map.maskOf(g.flags()).orElseThrow();
            assertSame(g.masks(), mask);
            assertEquals(Pages.VDM_MASKS, mask.page());
            assertEquals(g.flags().offset(), mask.offset());
            assertEquals(Access.RW, mask.access());
        }
    }

    @Test
    void controlPageCarriesGroupsAndTheFreezeHandshake() {
        assertEquals("2Fh:128.1-0", VdmPages.GROUPS_SUPPORTED.location());
        assertEquals("2Fh:144.7", VdmPages.FREEZE_REQUEST.location());
        assertEquals(Access.RW, VdmPages.FREEZE_REQUEST.access());
        assertEquals("2Fh:145.7", VdmPages.FREEZE_DONE.location());
        assertEquals("2Fh:145.6", VdmPages.UNFREEZE_DONE.location());
        assertEquals(Access.RO, VdmPages.FREEZE_DONE.access());
        ByteRules rules = map.page(Pages.VDM_CONTROL).orElseThrow().rules();
        assertEquals(0xFF, rules.writableMask(144), "a read-modify-write of 144 keeps every bit the host writes");
        assertEquals(0, rules.writableMask(145), "the done bits are the module's");
        assertEquals("01h:142.6", AdminPages.VDM_PAGES_SUPPORTED.location());
    }

    @Test
    void everyVdmPageIsBankedLikeTheLanePages() {
        for (PageDef p : map.pages()) {
            if (p.number() < Pages.VDM_FIRST || p.number() > Pages.VDM_LAST) continue;
            assertEquals(map.page(Pages.LANE_STATUS).orElseThrow().banks(), p.banks(), p.label());
        }
        assertEquals(List.of(0x22, 0x26, 0x2A, 0x23, 0x27, 0x2B), VdmPages.pagesBeyond(2));
        assertEquals(List.of(), VdmPages.pagesBeyond(4));
        assertThrows(IllegalArgumentException.class, () -> VdmPages.pagesBeyond(5));
        assertTrue(VdmPages.pagesBeyond(1).contains(0x21));
    }
}
