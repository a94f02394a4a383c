package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.XpoPages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped example scenario parses; the three named in the docs say what the docs say. */
class ScenarioExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    @Test
    void everyExampleParses() throws IOException {
        List<Path> files = examples();
        assertTrue(files.size() >= 3, "examples: " + files);
        for (Path f : files) {
            Scenario s = Scenario.read(f);
            assertFalse(s.cages().isEmpty(), f + " names no cage");
        }
    }

    @Test
    void everyExamplePlaysToTheEndOnAVirtualClock() throws IOException {
        for (Path f : examples()) {
            Scenario s = Scenario.read(f);
            VirtualClock clock = new VirtualClock();
            try (EmulatedChassis chassis = fastChassis(s.highestCage(), clock);
                 ScenarioRunner runner = ScenarioRunner.start(chassis, s)) {
                for (int t = 0; t < 180; t++) clock.advanceMillis(1000);
                assertEquals(0, runner.pendingSteps(), f + " left steps unplayed");
            }
        }
    }

    @Test
    void coolantFlowDropDropsTheReportedFlowAndRecovers() {
        VirtualClock clock = new VirtualClock();
        Field flow = XpoPages.Monitor.COOLANT_FLOW.value();
        try (EmulatedChassis chassis = fastChassis(1, clock);
             ScenarioRunner runner = ScenarioRunner.start(chassis, Scenario.read(EXAMPLES.resolve("coolant-flow-drop.json")))) {
            advanceSeconds(clock, 29);
            assertEquals(0.5, chassis.cage(1).module().peekValue(flow, 0, 0), 0.05, "nominal flow before 30 s");
            assertEquals("XPOCOOL0001", chassis.cage(1).module().config().serialNumber());
            advanceSeconds(clock, 5);
            assertEquals(0.1, chassis.cage(1).module().peekValue(flow, 0, 0), 0.03, "20 % of nominal after 30 s");
            advanceSeconds(clock, 60);
            assertEquals(0.5, chassis.cage(1).module().peekValue(flow, 0, 0), 0.05, "recovered after 90 s");
            assertEquals(0, runner.pendingSteps());
        }
    }

    private static void advanceSeconds(VirtualClock clock, int seconds) {
        for (int i = 0; i < seconds * 10; i++) clock.advanceMillis(100);
    }

    private static EmulatedChassis fastChassis(int cages, VirtualClock clock) {
        return new EmulatedChassis(cages, clock, n -> ModuleConfig.builder().serialNumber(EmulatedChassis.serial(n))
            .seed(n).timing(ModuleConfig.Timing.fast()).build());
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void laserFailureBank3HitsLanes25To32() {
        ScriptStep.Inject inject = (ScriptStep.Inject) Scenario.read(EXAMPLES.resolve("laser-failure-bank3.json"))
            .cage(1).script().get(0);
        assertEquals(java.util.Set.of(25, 26, 27, 28, 29, 30, 31, 32),
            ((org.openxpo.emulator.fault.Fault.LaserFailure) inject.fault()).lanes());
    }

    @Test
    void chassisMixedNamesEightCages() {
        Scenario s = Scenario.read(EXAMPLES.resolve("chassis-mixed.json"));
        assertEquals(8, s.highestCage());
        assertEquals(false, s.cage(5).present());
        assertEquals(true, s.cage(6).lpMode());
    }

    @Test
    void aMissingFileIsAClearError() {
        String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Scenario.read(EXAMPLES.resolve("nope.json"))).getMessage();
        assertTrue(m.endsWith("nope.json does not exist"), m);
    }
}
