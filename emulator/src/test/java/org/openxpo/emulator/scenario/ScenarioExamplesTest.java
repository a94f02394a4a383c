package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped example scenario parses, plays to its end, and does what its description says: each one has a test
 * below that plays it on a virtual clock and checks the description's claims.
 */
class ScenarioExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
    /** The examples whose description a test below checks; a new example needs its own test. */
    static final Set<String> CHECKED = Set.of("coolant-flow-drop.json", "laser-failure-bank3.json", "chassis-mixed.json");

    @Test
    void everyExampleHasATestOfWhatItsDescriptionSays() throws IOException {
        Set<String> files = examples().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(CHECKED), files, "each example in " + EXAMPLES + " needs a test of its description here");
        for (Path f : examples()) {
            Scenario s = Scenario.read(f);
            assertFalse(s.cages().isEmpty(), f + " names no cage");
            assertTrue(s.description() != null && !s.description().isBlank(), f + " has no description");
        }
    }

    @Test
    void everyExamplePlaysToTheEndOnAVirtualClock() throws IOException {
        for (Path f : examples()) {
            try (Playing p = Playing.start(Scenario.read(f))) {
                for (int t = 0; t < 180; t++) p.clock().advanceMillis(1000);
                assertEquals(0, p.runner().pendingSteps(), f + " left steps unplayed");
            }
        }
    }

    /**
     * "drops to 40 % of nominal (0.2 L/min) after 30 s and recovers after 90 s: CoolantFlow low warning and alarm,
     * the cold plate and hot zones climb by about 15 °C but stay below the shutdown limit, so the module stays
     * ModuleReady; then the temperatures fall back and the latched flags clear once read."
     */
    @Test
    void coolantFlowDropRaisesTheLowFlowAlarmKeepsTheModuleUpAndRecovers() {
        try (Playing p = Playing.start(Scenario.read(EXAMPLES.resolve("coolant-flow-drop.json")))) {
            VirtualClock clock = p.clock();
            XpoModule m = p.chassis().cage(1).module();
            assertEquals("XPOCOOL0001", m.config().serialNumber());
            advanceSeconds(clock, 29);
            assertEquals(0.5, value(m, Monitor.COOLANT_FLOW), 0.05, "nominal flow before 30 s");
            assertEquals(0, flowFlag(m, ThresholdKind.LOW_ALARM), "no low-flow alarm before 30 s");
            double plateBefore = value(m, Monitor.COLD_PLATE_TEMP), hotBefore = value(m, Monitor.CARD_A_HOT_ZONE_TEMP);

            for (int s = 29; s < 89; s++) {
                advanceSeconds(clock, 1);
                assertEquals(ModuleState.READY, m.moduleState(), "still ModuleReady at " + (s + 1) + " s");
            }
            assertEquals(0.2, value(m, Monitor.COOLANT_FLOW), 0.02, "40 % of nominal");
            assertEquals(1, flowFlag(m, ThresholdKind.LOW_ALARM), "CoolantFlow low alarm latched");
            assertEquals(1, flowFlag(m, ThresholdKind.LOW_WARNING), "CoolantFlow low warning latched");
            assertTrue(value(m, Monitor.COLD_PLATE_TEMP) > plateBefore + 10, "the cold plate climbs");
            assertTrue(value(m, Monitor.CARD_A_HOT_ZONE_TEMP) > hotBefore + 10, "the hot zone climbs");

            advanceSeconds(clock, 31);
            assertEquals(0, p.runner().pendingSteps());
            assertEquals(ModuleState.READY, m.moduleState());
            assertEquals(0.5, value(m, Monitor.COOLANT_FLOW), 0.05, "recovered after 90 s");
            assertEquals(hotBefore, value(m, Monitor.CARD_A_HOT_ZONE_TEMP), 2, "the hot zone is back where it was");
            assertEquals(0b1010, readFlowFlags(p.chassis().cage(1)), "the host reads the latched low warning and alarm");
            advanceSeconds(clock, 1);
            assertEquals(0, readFlowFlags(p.chassis().cage(1)), "read once, the flags stay clear");
        }
    }

    /** "Every laser of bank 3 (lanes 25-32) fails 10 s in; the fault is cleared at 60 s. Cage 1 runs 16x800G first." */
    @Test
    void laserFailureBank3FailsLanes25To32From10sTo60s() {
        try (Playing p = Playing.start(Scenario.read(EXAMPLES.resolve("laser-failure-bank3.json")))) {
            VirtualClock clock = p.clock();
            XpoModule m = p.chassis().cage(1).module();
            assertEquals("16x800G", Applications.nameOf(m.config().applications().get(0)));
            advanceSeconds(clock, 9);
            assertEquals(Set.of(), litOff(m), "every laser lit before 10 s");
            advanceSeconds(clock, 2);
            Set<Integer> bank3 = new HashSet<>();
            for (int lane = 25; lane <= 32; lane++) bank3.add(lane);
            assertEquals(bank3, litOff(m), "bank 3 dark after 10 s");
            assertEquals(bank3, failureFlags(m), "FailureFlagTx latched on lanes 25-32 only");
            advanceSeconds(clock, 40);
            assertEquals(bank3, litOff(m), "still dark at 51 s");
            advanceSeconds(clock, 10);
            assertEquals(0, p.runner().pendingSteps());
            assertEquals(Set.of(), litOff(m), "lit again after 60 s");
        }
    }

    /**
     * "two vendors, an empty cage, a module held in low power, ageing optics, a sagging supply and a brown-out."
     */
    @Test
    void chassisMixedHasWhatItsDescriptionLists() {
        Scenario s = Scenario.read(EXAMPLES.resolve("chassis-mixed.json"));
        assertEquals(8, s.highestCage());
        try (Playing p = Playing.start(s)) {
            VirtualClock clock = p.clock();
            EmulatedChassis chassis = p.chassis();
            advanceSeconds(clock, 4);
            assertEquals("OPENXPO", chassis.cage(1).module().config().vendorName());
            for (int n = 2; n <= 4; n++) assertEquals("ACME OPTICS", chassis.cage(n).module().config().vendorName());
            assertNull(chassis.cage(5).module(), "cage 5 is empty");
            assertEquals(ModuleState.LOW_PWR, chassis.cage(6).module().moduleState(), "cage 6 held in low power");
            XpoModule ageing = chassis.cage(7).module();
            double txBefore = ageing.peekValue(LaneStatusPage.OPTICAL_POWER_TX, 0, 0);

            advanceSeconds(clock, 21);
            XpoModule supply = chassis.cage(8).module();
            assertEquals(41.5, value(supply, Monitor.INPUT_VOLTAGE), 0.5, "cage 8's supply sags at 20 s");
            assertEquals(ModuleState.READY, supply.moduleState(), "41.5 V is low but within the input range");

            advanceSeconds(clock, 20);   // 45 s: the brown-out power-cycles cage 8
            List<ModuleState> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clock.advanceMillis(100);
                seen.add(supply.moduleState());
            }
            assertTrue(seen.stream().anyMatch(st -> st != ModuleState.READY), "the brown-out interrupts cage 8: " + seen);
            assertEquals(ModuleState.READY, supply.moduleState(), "and it comes back");

            advanceSeconds(clock, 30);
            assertEquals(0, p.runner().pendingSteps());
            assertTrue(ageing.peekValue(LaneStatusPage.OPTICAL_POWER_TX, 0, 0) < txBefore,
                "cage 7's lane 1 loses Tx power as its optics age");
            assertEquals(List.of(), supply.activeFaults(), "cage 8's faults cleared at 70 s");
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Scenario.read(EXAMPLES.resolve("nope.json"))).getMessage();
        assertTrue(m.endsWith("nope.json does not exist"), m);
    }

    private static double value(XpoModule m, Monitor monitor) { return m.peekValue(monitor.value(), 0, 0); }

    private static long flowFlag(XpoModule m, ThresholdKind kind) {
        return (m.peek(Monitor.COOLANT_FLOW.flags(), 0, 0) >> kind.flagBit()) & 1;
    }

    /** The CoolantFlow flag nibble as a host reads it over I2C (which clears the latched flags). */
    private static int readFlowFlags(Cage cage) {
        Field flags = Monitor.COOLANT_FLOW.flags();
        int module = ManagementInterface.I2C_ADDRESS;
        cage.i2c(List.of(I2cMessage.write(module, (byte) ManagementInterface.BANK_SELECT, (byte) 0, (byte) flags.page())));
        List<I2cResult> r = cage.i2c(List.of(I2cMessage.write(module, (byte) flags.elementOffset(0)), I2cMessage.read(module, 1)));
        return (r.get(1).data()[0] & flags.elementMask(0)) >>> flags.elementBit(0);
    }

    /** Lanes whose Tx output is off. */
    private static Set<Integer> litOff(XpoModule m) {
        Set<Integer> off = new TreeSet<>();
        for (int lane = 1; lane <= Lanes.COUNT; lane++) {
            if (m.peek(LaneStatusPage.OUTPUT_STATUS_TX, Lanes.bankOf(lane), Lanes.indexInBank(lane)) != 1) off.add(lane);
        }
        return off;
    }

    private static Set<Integer> failureFlags(XpoModule m) {
        Set<Integer> failed = new TreeSet<>();
        for (int lane = 1; lane <= Lanes.COUNT; lane++) {
            if (m.peek(LaneStatusPage.FAILURE_FLAG_TX, Lanes.bankOf(lane), Lanes.indexInBank(lane)) == 1) failed.add(lane);
        }
        return failed;
    }

    private static void advanceSeconds(VirtualClock clock, int seconds) {
        for (int i = 0; i < seconds * 10; i++) clock.advanceMillis(100);
    }

    /** A scenario playing on a virtual clock in a chassis of fast-timing modules, as many cages as it names. */
    private record Playing(VirtualClock clock, EmulatedChassis chassis, ScenarioRunner runner) implements AutoCloseable {
        static Playing start(Scenario s) {
            VirtualClock clock = new VirtualClock();
            EmulatedChassis chassis = new EmulatedChassis(s.highestCage(), clock, n -> ModuleConfig.builder()
                .serialNumber(EmulatedChassis.serial(n)).seed(n).timing(ModuleConfig.Timing.fast()).build());
            return new Playing(clock, chassis, ScenarioRunner.start(chassis, s));
        }

        @Override
        public void close() {
            runner.close();
            chassis.close();
        }
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
