package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The relations the map declares between fields: flag → mask, monitor value → thresholds, staged → active. */
class FieldRelationsTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void everyLatchedFlagHasExactlyOneMaskOfTheSameShape() {
        Set<Field> masks = new HashSet<>();
        int flags = 0;
        for (Field flag : map.fields()) {
            if (flag.access() != Access.COR) continue;
            flags++;
            Field mask = map.maskOf(flag).orElseThrow(() -> new AssertionError(flag.name() + " has no mask"));
            assertTrue(masks.add(mask), mask.name() + " masks two flags");
            assertEquals(Access.RW, mask.access(), mask.name());
            assertEquals(flag.bitWidth(), mask.bitWidth(), mask.name() + " width");
            assertEquals(flag.count(), mask.count(), mask.name() + " count");
            assertEquals(flag.bit(), mask.bit(), mask.name() + " bit");
            assertEquals(flag, map.flagOf(mask).orElseThrow());
        }
        assertEquals(flags, map.flagMasks().size(), "only latched flags have masks");
        assertEquals(11 + 20 + 7 + 15 + 4, flags, "lower page, 11h, 14h, B0h and the four VDM groups' flags on 2Ch");
    }

    @Test
    void masksRepeatTheirFlagsAtOneByteDistancePerRegion() {
        // The CMIS layout: in each region the mask bytes repeat the flag bytes, bit for bit, at one distance (00h:8-18
        // and 00h:31-41; 11h:134-153 and 10h:213-232); the XPO page B0h follows the same pattern.
        Map<Integer, Integer> distanceOfFlagPage = new HashMap<>();
        map.flagMasks().forEach((flag, mask) -> {
            for (int i = 0; i < flag.count(); i++) {
                int distance = mask.elementOffset(i) - flag.elementOffset(i);
                Integer known = distanceOfFlagPage.putIfAbsent(flag.page(), distance);
                if (known != null) assertEquals(known, distance, flag.name() + "[" + i + "]");
                assertEquals(flag.elementMask(i), mask.elementMask(i), flag.name() + "[" + i + "] bits");
            }
        });
        // VDM: the masks on 2Dh sit at the flags' addresses on 2Ch
        assertEquals(Map.of(Pages.LOWER_MEMORY, 23, Pages.LANE_STATUS, 79, Pages.DIAGNOSTICS_LAST, 74,
            Pages.XPO_TELEMETRY, 8, Pages.VDM_FLAGS, 0), distanceOfFlagPage);
    }

    @Test
    void lowerPageAndLaneMasksAreDeclaredWithTheirFlags() {
        assertSame(LowerPage.TEMP_MASKS, map.maskOf(LowerPage.TEMP_FLAGS).orElseThrow());
        assertSame(LaneControlPage.FAILURE_MASK_TX, map.maskOf(LaneStatusPage.FAILURE_FLAG_TX).orElseThrow());
        assertSame(XpoPages.LEAK_MASK, map.maskOf(XpoPages.LEAK_FLAG).orElseThrow());
        assertSame(XpoPages.Monitor.COOLANT_FLOW.masks(), map.maskOf(XpoPages.Monitor.COOLANT_FLOW.flags()).orElseThrow());
        assertTrue(map.maskOf(LowerPage.TEMP_MON_VALUE).isEmpty(), "a value has no mask");
    }

    @Test
    void laneMonitorsDeclareTheLatchedFlagOfEachThresholdKind() {
        for (ThresholdSet set : map.thresholdSets()) {
            boolean lane = set.monitored().page() == Pages.LANE_STATUS;
            for (ThresholdKind k : ThresholdKind.values()) {
                if (!lane) {
                    assertTrue(set.flag(k).isEmpty(), set.monitor() + ": a nibble monitor's flags are bits of one field");
                    continue;
                }
                Field flag = set.flag(k).orElseThrow(() -> new AssertionError(set.monitor() + " has no " + k + " flag"));
                assertEquals(set.monitor() + k.cmisName() + "Flag", flag.name(), "the flag of " + set.monitor() + " " + k);
                assertEquals(Access.COR, flag.access(), flag.name());
                assertEquals(set.monitored().page(), flag.page(), flag.name());
                assertEquals(set.monitored().count(), flag.count(), flag.name() + ": a bit per lane");
            }
        }
        assertSame(LaneStatusPage.RX_POWER_LOW_WARNING_FLAG, AdminPages.RX_POWER.flag(ThresholdKind.LOW_WARNING).orElseThrow());
    }

    @Test
    void everyMonitorValueHasACompleteThresholdSetInKindOrder() {
        List<Field> monitored = List.of(LowerPage.TEMP_MON_VALUE, LowerPage.VCC_MON_VOLTAGE, LowerPage.AUX1_MON_VALUE,
            LowerPage.AUX2_MON_VALUE, LowerPage.AUX3_MON_VALUE, LowerPage.CUSTOM_MON_VALUE,
            LaneStatusPage.OPTICAL_POWER_TX, LaneStatusPage.LASER_BIAS_TX, LaneStatusPage.OPTICAL_POWER_RX);
        for (Field value : monitored) assertTrue(map.thresholdsOf(value).isPresent(), value.name());
        for (XpoPages.Monitor m : XpoPages.Monitor.values()) {
            assertSame(m.thresholds(), map.thresholdsOf(m.value()).orElseThrow(), m.name());
        }
        assertEquals(monitored.size() + XpoPages.Monitor.values().length, map.thresholdSets().size());
        for (ThresholdSet set : map.thresholdSets()) {
            Field first = set.get(ThresholdKind.HIGH_ALARM);
            for (ThresholdKind k : ThresholdKind.values()) {
                Field t = set.get(k);
                assertEquals(set.monitor() + k.cmisName(), t.name());
                assertSame(t, map.field(t.name()), "declared in the map: " + t.name());
                assertEquals(set.monitored().unit(), t.unit(), t.name() + " unit");
                assertEquals(first.offset() + k.offsetInSet(), t.offset(), t.name() + " offset");
                assertEquals(16, t.bitWidth(), t.name());
            }
        }
    }

    @Test
    void thresholdKindsCarryBoundSeverityAndTheirFlagNibbleBit() {
        assertEquals(List.of("HighAlarm", "LowAlarm", "HighWarning", "LowWarning"),
            Arrays.stream(ThresholdKind.values()).map(ThresholdKind::cmisName).toList());
        assertEquals(ThresholdKind.Bound.HIGH, ThresholdKind.HIGH_WARNING.bound());
        assertEquals(ThresholdKind.Severity.WARNING, ThresholdKind.LOW_WARNING.severity());
        assertEquals(ThresholdKind.Severity.ALARM, ThresholdKind.LOW_ALARM.severity());
        // The nibble description of a flag field names the kinds in bit order: "bit0 HA, bit1 LA, bit2 HW, bit3 LW".
        String nibble = XpoPages.Monitor.INPUT_VOLTAGE.flags().description();
        for (ThresholdKind k : ThresholdKind.values()) {
            String abbreviation = k.cmisName().replaceAll("[a-z]", "");
            assertTrue(nibble.contains("bit" + k.flagBit() + " " + abbreviation), nibble + " / " + k);
        }
    }

    @Test
    void everyStagedControlHasItsActiveCounterpart() {
        int staged = 0;
        for (Field f : map.page(Pages.LANE_CONTROL).orElseThrow().fields()) {
            if (!f.description().startsWith("SCS0: ") || f.access() != Access.RW) continue;
            staged++;
            Field active = map.activeOf(f).orElseThrow(() -> new AssertionError(f.name() + " has no active counterpart"));
            assertEquals("Acs" + f.name(), active.name());
            assertEquals(Pages.LANE_STATUS, active.page());
            assertEquals(Access.RO, active.access());
            assertEquals(f.bitWidth(), active.bitWidth(), active.name());
            assertEquals(f.count(), active.count(), active.name());
            assertEquals(f.reset(), active.reset(), active.name() + " reset: the active set starts as the staged one");
        }
        assertEquals(9, staged);
        assertEquals(staged, map.stagedControls().size());
        assertSame(LaneStatusPage.ACS_DP_CONFIG_LANE, map.activeOf(LaneControlPage.DP_CONFIG_LANE).orElseThrow());
    }

    @Test
    void everyFieldOfTheMapIsAPublicConstant() throws IllegalAccessException {
        Set<Field> constants = new HashSet<>();
        for (Class<?> c : List.of(LowerPage.class, AdminPages.class, LaneControlPage.class, LaneStatusPage.class,
                DiagnosticsPages.class, CdbPages.class, XpoPages.class, VdmPages.class)) {
            for (java.lang.reflect.Field j : c.getFields()) {
                Object v = j.get(null);
                if (v instanceof Field f) constants.add(f);
                if (v instanceof ThresholdSet s) constants.addAll(s.thresholds());
                if (v instanceof List<?> l) l.forEach(e -> { if (e instanceof Field f) constants.add(f); });
            }
        }
        for (XpoPages.Monitor m : XpoPages.Monitor.values()) {
            constants.addAll(List.of(m.value(), m.flags(), m.masks()));
            constants.addAll(m.thresholds().thresholds());
        }
        for (FieldView v : map.views()) assertTrue(constants.remove(v.field()), v.field().name() + " has no constant");
        for (VdmPages.Group g : VdmPages.Group.values()) {
            constants.addAll(List.of(g.descriptors(), g.samples(), g.thresholds(), g.flags(), g.masks()));
        }
        for (Field f : map.fields()) assertTrue(constants.contains(f), f.name() + " has no constant");
        assertEquals(map.fields().size(), constants.size());
    }
}
