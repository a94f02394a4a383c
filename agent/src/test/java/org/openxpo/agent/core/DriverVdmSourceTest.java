package org.openxpo.agent.core;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.map.VdmType.Side;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** How a poll's VDM samples become lanes for the faces, and how the modules' thresholds are kept. */
class DriverVdmSourceTest {
    private static VdmObservable lane(int bank, int index, VdmType type, int laneInBank) {
        return new VdmObservable(bank, Group.ONE, index, VdmDescriptor.ofLane(type, laneInBank, 0));
    }

    private static final VdmObservable ESNR_1 = lane(0, 0, VdmType.ESNR_MEDIA, 0);
    private static final VdmObservable BER_1 = lane(0, 1, VdmType.PRE_FEC_BER_CURRENT_MEDIA, 0);
    private static final VdmObservable HOST_ESNR_1 = lane(0, 2, VdmType.ESNR_HOST, 0);
    private static final VdmObservable LTP_10 = lane(1, 3, VdmType.LTP_MEDIA, 1);
    private static final VdmObservable BER_MAX_10 = lane(1, 4, VdmType.PRE_FEC_BER_MAX_MEDIA, 1);
    private static final VdmObservable MODULE_TEMP =
        new VdmObservable(0, Group.ONE, 5, new VdmDescriptor(0, VdmDescriptor.MODULE_RESOURCE, VdmType.LASER_TEMPERATURE.id()));
    private static final VdmObservable UNKNOWN = new VdmObservable(0, Group.ONE, 6, new VdmDescriptor(0, 1, 200));

    private static VdmThreshold limits(VdmObservable o, double highAlarm) {
        return new VdmThreshold(o, highAlarm, 1, highAlarm - 1, 2);
    }

    @Test
    void samplesAreGatheredByLaneAndSideInLaneOrderMediaFirst() {
        List<QuantityMap<VdmLimits>> limits = DriverVdmSource.limitsBySlot(
            List.of(limits(ESNR_1, 30), limits(LTP_10, 20), limits(MODULE_TEMP, 80)));
        List<LaneVdm> lanes = DriverVdmSource.lanes(List.of(
            new VdmSample(LTP_10, 0, 9.5), new VdmSample(BER_MAX_10, 0, null), new VdmSample(HOST_ESNR_1, 0, 21.0),
            new VdmSample(BER_1, 0, 1e-6), new VdmSample(ESNR_1, 0, 18.5), new VdmSample(MODULE_TEMP, 0, 45.0),
            new VdmSample(UNKNOWN, 0, null)), limits);

        assertEquals(List.of("1 MEDIA", "1 HOST", "10 MEDIA"), lanes.stream().map(l -> l.lane() + " " + l.side()).toList(),
            "module-level, unknown and value-less observables make no lane");
        LaneVdm first = lanes.getFirst();
        assertEquals(List.of(VdmQuantity.ESNR, VdmQuantity.PRE_FEC_BER), List.copyOf(first.values().keySet()),
            "values in the quantities' order, whatever the samples' order");
        assertEquals(18.5, first.esnrDb());
        assertEquals(1e-6, first.preFecBer());
        assertEquals(Map.of(VdmQuantity.ESNR, new VdmLimits(30, 1, 29, 2)), first.limits());
        assertEquals(Map.of(), lanes.get(1).limits(), "no thresholds advertised for the host side");
        assertEquals(Map.of(VdmQuantity.LTP, 9.5), lanes.get(2).values(), "a statistic not frozen has no value");
        assertEquals(new VdmLimits(20, 1, 19, 2), lanes.get(2).limits().get(VdmQuantity.LTP));
    }

    @Test
    void modulesWithTheSameThresholdsShareOneCopyOfEachLanesLimits() {
        List<QuantityMap<VdmLimits>> a = DriverVdmSource.limitsBySlot(List.of(limits(ESNR_1, 30), limits(LTP_10, 20)));
        List<QuantityMap<VdmLimits>> b = DriverVdmSource.limitsBySlot(List.of(limits(ESNR_1, 30), limits(LTP_10, 20)));
        List<QuantityMap<VdmLimits>> changed = DriverVdmSource.limitsBySlot(List.of(limits(ESNR_1, 30), limits(LTP_10, 25)));
        int lane1 = LaneSlots.of(ESNR_1), lane10 = LaneSlots.of(LTP_10);
        assertSame(a.get(lane1), b.get(lane1));
        assertSame(a.get(lane10), b.get(lane10));
        assertSame(a.get(lane1), changed.get(lane1), "the lanes whose thresholds are the same are still shared");
        assertEquals(25, changed.get(lane10).get(VdmQuantity.LTP).highAlarm(), "a module's own threshold is its own");

        LaneVdm polled = DriverVdmSource.lanes(List.of(new VdmSample(ESNR_1, 0, 18.5)), a).getFirst();
        assertSame(a.get(lane1), polled.limits(), "a poll refers to the module's limits rather than copying them");
    }

    @Test
    void aQuantityMapIsAnImmutableMapInTheQuantitiesOrder() {
        Map<VdmQuantity, Double> expected = new EnumMap<>(VdmQuantity.class);
        expected.put(VdmQuantity.ESNR, 18.5);
        expected.put(VdmQuantity.ERRORED_FRAMES, 0.0);
        Map<VdmQuantity, Double> m = QuantityMap.copyOf(Map.of(VdmQuantity.ERRORED_FRAMES, 0.0, VdmQuantity.ESNR, 18.5));
        assertEquals(expected, m);
        assertEquals(m, expected);
        assertEquals(expected.hashCode(), m.hashCode());
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(m.entrySet()));
        assertEquals(expected.toString(), m.toString());
        assertNull(m.get(VdmQuantity.LTP));
        assertFalse(m.containsKey("ESNR"));
        assertThrows(UnsupportedOperationException.class, () -> m.put(VdmQuantity.LTP, 1.0));
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next().setValue(1.0));
        assertSame(m, QuantityMap.copyOf(m));
        assertThrows(NullPointerException.class, () -> new QuantityMap.Builder<Double>().put(VdmQuantity.LTP, null));
    }
}
