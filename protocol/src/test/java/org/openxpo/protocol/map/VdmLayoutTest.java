package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.VdmPages.Group;

import java.util.Collections;
import java.util.List;

/** The descriptor encoding and the XPO layout of §7: contiguous lane-ordered runs, one threshold set per type. */
class VdmLayoutTest {

    @Test
    void aDescriptorIsSetResourceAndTypeInOneWord() {
        VdmDescriptor d = VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 3, 1);
        assertEquals(0x1305, d.encode(), "set 1 in bits 15-12, lane 3 in 11-8, type 5 in the odd byte");
        assertEquals(d, VdmDescriptor.decode(0x1305));
        assertTrue(d.onLane());
        VdmDescriptor module = VdmDescriptor.decode(0x0F68);
        assertEquals(VdmDescriptor.MODULE_RESOURCE, module.resource());
        assertFalse(module.onLane());
        assertTrue(module.type().isEmpty(), "custom type 104 is unknown");
        assertTrue(VdmDescriptor.decode(0).unused());
    }

    @Test
    void badDescriptorsAreRefusedWithTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> new VdmDescriptor(16, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new VdmDescriptor(0, 16, 5));
        assertThrows(IllegalArgumentException.class, () -> new VdmDescriptor(0, 0, 256));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, 8, 0));
        assertTrue(e.getMessage().contains("0-7"), e.getMessage());
    }

    @Test
    void theXpoLayoutIsTwoGroupsOfEightLaneOrderedRuns() {
        VdmLayout xpo = VdmLayout.XPO;
        assertEquals(2, xpo.groups());
        assertEquals(List.of(4, 5, 6, 7, 15, 16, 23, 24), runTypes(xpo, Group.ONE));
        assertEquals(List.of(9, 11, 13, 10, 12, 14, 19, 20), runTypes(xpo, Group.TWO));
        for (Group g : xpo.groupList()) {
            List<VdmDescriptor> list = xpo.descriptors(g);
            for (int i = 0; i < list.size(); i++) {
                assertEquals(i % 8, list.get(i).resource(), g + "[" + i + "] lane nibble = position in the run");
                assertEquals(i / 8, list.get(i).thresholdSet(), g + "[" + i + "] one threshold set per run");
            }
        }
        assertEquals(Collections.nCopies(64, VdmDescriptor.UNUSED), xpo.descriptors(Group.THREE));
        assertEquals(128, xpo.slots().size());
        assertTrue(xpo.hasStatistics());
        assertTrue(VdmLayout.XPO_BASIC.stream().noneMatch(VdmType::isStatistic), "group 1 never needs a freeze");
        assertTrue(VdmLayout.XPO_STATISTICS.stream().allMatch(VdmType::isStatistic));
    }

    @Test
    void aLaneObservableIsFoundWithItsSampleAndThresholds() {
        VdmLayout.Slot ber = VdmLayout.XPO.find(VdmType.PRE_FEC_BER_CURRENT_HOST, 6).orElseThrow();
        assertEquals(Group.ONE, ber.group());
        assertEquals(5 * 8 + 6, ber.index());
        assertEquals(Pages.VDM_VALUES_FIRST, ber.samples().page());
        assertEquals(128 + 2 * 46, ber.samples().elementOffset(ber.index()));
        assertEquals(128 + 8 * 5 + 4, ber.thresholdOffset(ThresholdKind.HIGH_WARNING));
        assertTrue(VdmLayout.XPO.find(VdmType.LASER_AGE, 0).isEmpty());
    }

    @Test
    void anyModulesDescriptorsDecodeIntoALayout() {
        VdmLayout one = VdmLayout.of(List.of(List.of(VdmDescriptor.decode(0x0F68), VdmDescriptor.decode(0x0005))));
        assertEquals(1, one.groups());
        assertEquals(2, one.slots().size());
        assertFalse(one.hasStatistics());
        assertThrows(IllegalArgumentException.class, () -> VdmLayout.of(List.of()));
        assertThrows(IllegalArgumentException.class,
            () -> VdmLayout.of(List.of(Collections.nCopies(65, VdmDescriptor.UNUSED))));
    }

    private static List<Integer> runTypes(VdmLayout layout, Group g) {
        List<VdmDescriptor> d = layout.descriptors(g);
        return java.util.stream.IntStream.range(0, 8).mapToObj(run -> d.get(run * 8).typeId()).toList();
    }
}
