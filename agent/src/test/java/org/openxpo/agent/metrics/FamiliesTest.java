package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The series of a family reach the library in its own order, so its sort of a million series is one pass. */
class FamiliesTest {
    private final Families families = new Families();

    @Test
    void laneSeriesOfModulesVisitedByNameComeInTheLibrarysOrder() {
        Families.Gauge vdm = families.gauge("xpo_lane_esnr_db", "eSNR", null);
        Families.Gauge flags = families.gauge("xpo_lane_flag", "flags", null);
        Families.Gauge zones = families.gauge("xpo_zone_temperature_celsius", "zones", null);
        Random random = new Random(7);
        for (ModuleLabels m : modulesByName("cage1", "cage2", "cage10", "rack-3/cage 7", "Z", "zürich")) {
            for (int lane = Lanes.COUNT; lane >= 1; lane--) {   // lanes and sides in the opposite of the library's order
                vdm.add(random.nextDouble(), m.lane(lane, Side.MEDIA));
                vdm.add(random.nextDouble(), m.lane(lane, Side.HOST));
                if (lane % 5 == 0) flags.flag(true, m.laneWith(lane, "flag=TxLOS", "flag", "TxLOS"));
                if (lane % 3 == 0) flags.flag(false, m.laneWith(lane, "flag=RxLOL", "flag", "RxLOL"));
            }
            for (Series z : m.zones) zones.add(random.nextDouble(), z);
        }
        for (Families.Gauge family : List.of(vdm, flags, zones)) {
            List<Labels> handedOver = family.ordered().stream().map(DataPointSnapshot::getLabels).toList();
            List<Labels> sorted = new ArrayList<>(handedOver);
            Collections.shuffle(sorted, random);
            sorted.sort(Comparator.naturalOrder());   // the library's order
            assertFalse(handedOver.isEmpty());
            assertEquals(sorted, handedOver);
        }
        assertEquals(6 * Lanes.COUNT * 2, vdm.ordered().size());
    }

    @Test
    void aFamilyMixingLabelNamesIsStillInOrderAndKeepsEveryValue() {
        Families.Gauge mixed = families.gauge("xpo_mixed", "mixed", null);
        for (ModuleLabels m : modulesByName("a", "b")) {
            mixed.add(1, m.module);
            mixed.add(2, m.with("flag=X", "flag", "X"));
            mixed.add(3, m.lane(9));
            mixed.add(Double.NaN, m.lane(10));   // not a number: left out
        }
        List<GaugeSnapshot.GaugeDataPointSnapshot> handedOver = mixed.ordered();
        List<Labels> labels = handedOver.stream().map(DataPointSnapshot::getLabels).toList();
        assertEquals(labels.stream().sorted().toList(), labels);
        assertEquals(List.of(3.0, 3.0, 2.0, 2.0, 1.0, 1.0), handedOver.stream().map(GaugeSnapshot.GaugeDataPointSnapshot::getValue).toList());
    }

    private static List<ModuleLabels> modulesByName(String... names) {
        return java.util.Arrays.stream(names).sorted().map(ModuleLabels::new).toList();
    }
}
