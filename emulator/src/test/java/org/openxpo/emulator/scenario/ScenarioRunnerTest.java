package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.Pin;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioRunnerTest {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    ScenarioRunner runner;

    @AfterEach
    void close() {
        if (runner != null) runner.close();
        if (chassis != null) chassis.close();
    }

    private EmulatedChassis chassis(int cages, EmulatorClock c) {
        chassis = EmulatedChassis.of(cages, c);
        return chassis;
    }

    private List<String> faultKinds(int cage) {
        return chassis.cage(cage).module().activeFaults().stream().map(a -> a.fault().kind()).toList();
    }

    /** Issue 20, defect 2: a step's due time wrapped round past Long.MAX_VALUE and the step ran at the start. */
    @Test
    void aFarStepNeverWrapsRoundIntoThePast() {
        clock.advance(Duration.ofNanos(Long.MAX_VALUE - Duration.ofDays(100).toNanos()));   // a clock late in its range
        chassis(1, clock);
        runner = ScenarioRunner.start(chassis, Scenario.parse("""
            {"cages": {"1": {"script": [{"atMs": 31536000000, "fault": {"kind": "stuck-bus"}}]}}}"""));
        clock.advanceMillis(1000);
        assertEquals(List.of(), faultKinds(1), "a step 365 days away has not run");
        assertEquals(1, runner.pendingSteps());
    }

    @Test
    void theScriptRunsOnTheVirtualClock() {
        chassis(1, clock);
        runner = ScenarioRunner.start(chassis, Scenario.parse("""
            {"cages": {"1": {"script": [
              {"atMs": 30000, "fault": {"kind": "coolant-flow", "fraction": 0.2}},
              {"atMs": 90000, "clear": "previous"}]}}}"""));
        clock.advanceMillis(29_999);
        assertEquals(List.of(), faultKinds(1));
        clock.advanceMillis(1);
        assertEquals(List.of("coolant-flow"), faultKinds(1));
        assertEquals(1, runner.pendingSteps());
        clock.advanceMillis(60_000);
        assertEquals(List.of(), faultKinds(1));
        assertEquals(0, runner.pendingSteps());
    }

    @Test
    void stepsAtZeroRunAtOnceAndClearAllAlsoClearsOtherFaults() {
        chassis(1, clock);
        ActiveFault byHand = chassis.cage(1).module().inject(new Fault.StuckBus());
        runner = ScenarioRunner.start(chassis, Scenario.parse("""
            {"cages": {"1": {"script": [
              {"atMs": 0, "fault": {"kind": "rx-los", "lanes": [3]}},
              {"atMs": 10, "clear": "all"}]}}}"""));
        assertEquals(List.of(byHand.fault().kind(), "rx-los"), faultKinds(1));
        clock.advanceMillis(10);
        assertEquals(List.of(), faultKinds(1));
    }

    @Test
    void identityAndApplicationsReplaceTheModuleOthersKeepIt() {
        chassis(2, clock);
        XpoModule untouched = chassis.cage(2).module();
        runner = ScenarioRunner.start(chassis, Scenario.parse("""
            {"cages": {"1": {"identity": {"vendor": "ACME", "serialNumber": "ACME01", "firmware": "3.4"},
                             "applications": ["64x200G"]},
                       "2": {"power": {"lpMode": true}}}}"""));
        ModuleConfig c = chassis.cage(1).module().config();
        assertEquals("ACME", c.vendorName());
        assertEquals("ACME01", c.serialNumber());
        assertEquals(3, c.firmwareMajor());
        assertEquals(List.of(ModuleConfig.APP_64X200G), c.applications());
        assertSame(untouched, chassis.cage(2).module());
        assertTrue(chassis.cage(2).readPin(Pin.LP_MODE));
    }

    @Test
    void applyingTheSameIdentityTwiceKeepsTheModule() {
        chassis(1, clock);
        Scenario s = Scenario.parse("{\"cages\": {\"1\": {\"identity\": {\"serialNumber\": \"SAME\"}}}}");
        runner = ScenarioRunner.start(chassis, s);
        XpoModule first = chassis.cage(1).module();
        runner = ScenarioRunner.start(chassis, s);
        assertSame(first, chassis.cage(1).module());
    }

    @Test
    void anAbsentCageKeepsItsModuleOnTheShelf() {
        chassis(1, clock);
        XpoModule m = chassis.cage(1).module();
        runner = ScenarioRunner.start(chassis, Scenario.parse("{\"cages\": {\"1\": {\"present\": false}}}"));
        assertFalse(chassis.cage(1).present());
        assertTrue(Presence.plug(chassis, 1));
        assertSame(m, chassis.cage(1).module());
        assertFalse(Presence.plug(chassis, 1));
    }

    @Test
    void aNewScenarioStopsThePreviousScript() {
        chassis(1, clock);
        ScenarioRunner first = ScenarioRunner.start(chassis, Scenario.parse(
            "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 100, \"fault\": {\"kind\": \"stuck-bus\"}}]}}}"));
        runner = ScenarioRunner.start(chassis, Scenario.parse("{\"cages\": {\"1\": {}}}"));
        clock.advanceMillis(200);
        assertEquals(0, first.pendingSteps());
        assertEquals(List.of(), faultKinds(1));
    }

    @Test
    void aCageBeyondTheChassisIsRefused() {
        chassis(2, clock);
        String m = assertThrows(IllegalArgumentException.class,
            () -> ScenarioRunner.start(chassis, Scenario.parse("{\"cages\": {\"3\": {}}}"))).getMessage();
        assertEquals("the scenario names cage 3 but the chassis has 2 cages", m);
    }

    @Test
    void onWallClockTimeATimerRunsTheSteps() {
        chassis(1, EmulatorClock.system());
        runner = ScenarioRunner.start(chassis, Scenario.parse("""
            {"cages": {"1": {"script": [{"atMs": 50, "fault": {"kind": "inlet-temperature", "celsius": 45}}]}}}"""));
        await().atMost(Duration.ofSeconds(5)).until(() -> faultKinds(1).equals(List.of("inlet-temperature")));
    }

    @Test
    void aClosedRunnerRunsNothingMore() {
        chassis(1, clock);
        runner = ScenarioRunner.start(chassis, Scenario.parse(
            "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 100, \"fault\": {\"kind\": \"stuck-bus\"}}]}}}"));
        runner.close();
        clock.advanceMillis(200);
        assertEquals(List.of(), faultKinds(1));
        assertNotSame(null, chassis.cage(1).module());
    }
}
