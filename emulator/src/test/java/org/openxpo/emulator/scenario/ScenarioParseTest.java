package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioParseTest {

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> Scenario.parse(json)).getMessage();
    }

    @Test
    void readsEverySectionOfACage() {
        Scenario s = Scenario.parse("""
            {"seed": 3, "cages": {"2": {
              "present": true,
              "identity": {"vendor": "ACME", "partNumber": "P1", "serialNumber": "S1", "firmware": "1.2"},
              "applications": ["64x200G", "8x1.6T"],
              "power": {"powerEnable": true, "lpMode": false},
              "script": [
                {"atMs": 100, "fault": {"kind": "laser-failure", "lanes": [1, 2]}},
                {"atMs": 200, "fault": {"kind": "brown-out", "durationMs": 500}},
                {"atMs": 300, "clear": "previous"},
                {"atMs": 400, "clear": 0},
                {"atMs": 500, "clear": "all"}]}}}""");
        Scenario.CageSetup c = s.cage(2);
        assertEquals(3, s.seed().getAsLong());
        assertEquals(new Scenario.Identity("ACME", "P1", "S1", 1, 2), c.identity());
        assertEquals(List.of(ModuleConfig.APP_64X200G, ModuleConfig.APP_8X1600G), c.applications());
        assertEquals(true, c.powerEnable());
        assertEquals(false, c.lpMode());
        assertEquals(List.of(
            new ScriptStep.Inject(100, new Fault.LaserFailure(Set.of(1, 2))),
            new ScriptStep.Inject(200, new Fault.BrownOut(Duration.ofMillis(500))),
            new ScriptStep.Clear(300, 1),
            new ScriptStep.Clear(400, 0),
            new ScriptStep.ClearAll(500)), c.script());
    }

    @Test
    void aRangeKeyNamesEveryCageInIt() {
        Scenario s = Scenario.parse("{\"cages\": {\"2-4\": {\"present\": false}, \"6\": {}}}");
        assertEquals(List.of(2, 3, 4, 6), s.cages().stream().map(Scenario.CageSetup::cage).toList());
        assertEquals(6, s.highestCage());
        assertNull(s.cage(5));
    }

    @Test
    void theModuleConfigTakesIdentityApplicationsAndSeed() {
        Scenario s = Scenario.parse("""
            {"seed": 10, "cages": {"3": {"identity": {"serialNumber": "SN3", "firmware": "2.5"},
             "applications": ["16x800G"]}}}""");
        ModuleConfig c = s.moduleConfig(3, ModuleConfig.defaults());
        assertEquals("SN3", c.serialNumber());
        assertEquals(2, c.firmwareMajor());
        assertEquals(5, c.firmwareMinor());
        assertEquals(List.of(ModuleConfig.APP_16X800G), c.applications());
        assertEquals(12, c.seed());
        assertEquals(ModuleConfig.defaults().vendorName(), c.vendorName());
    }

    @Test
    void anUnknownFieldIsNamedWithItsPath() {
        String m = error("{\"cages\": {\"1\": {\"identity\": {\"vendr\": \"X\"}}}}");
        assertTrue(m.contains("unknown field 'cages.1.identity.vendr'"), m);
        assertTrue(m.contains("vendor"), m);
        m = error("{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"stuck-bus\", \"lanez\": [1]}}]}}}");
        assertTrue(m.contains("unknown field 'cages.1.script[0].fault.lanez'"), m);
        m = error("{\"cagez\": {}}");
        assertTrue(m.contains("unknown field 'cagez'"), m);
    }

    @Test
    void anUnknownFaultKindListsTheKnownOnes() {
        String m = error("{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"gremlins\"}}]}}}");
        assertTrue(m.startsWith("cages.1.script[0].fault: unknown fault kind 'gremlins'"), m);
        assertTrue(m.contains("coolant-flow"), m);
    }

    @Test
    void aParameterOfAnotherKindIsRefused() {
        String m = error("{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"coolant-flow\", \"fraction\": 0.5, \"lanes\": [1]}}]}}}");
        assertTrue(m.contains("field 'lanes' does not apply to a coolant-flow fault"), m);
        m = error("{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"coolant-flow\"}}]}}}");
        assertTrue(m.contains("needs field 'fraction'"), m);
        m = error("{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"coolant-flow\", \"fractoin\": 0.5}}]}}}");
        assertEquals("unknown field 'cages.1.script[0].fault.fractoin' (known here: fraction)", m, "a misspelling, not a missing field");
    }

    @Test
    void wrongTypesAndBadValuesAreNamed() {
        assertTrue(error("{\"cages\": {\"1\": {\"power\": {\"lpMode\": \"yes\"}}}}").contains("cages.1.power.lpMode"));
        assertTrue(error("{\"cages\": {\"1\": {\"identity\": {\"firmware\": \"1.2.3\"}}}}").contains("cages.1.identity.firmware"));
        assertTrue(error("{\"cages\": {\"1\": {\"applications\": [\"4x3.2T\"]}}}").contains("unknown application '4x3.2T'"));
        assertTrue(error("{\"cages\": {\"one\": {}}}").contains("cages.one"));
        assertTrue(error("{\"cages\": {\"0\": {}}}").contains("cages.0"));
        assertTrue(error("{\"cages\": {\"1-3\": {}, \"2\": {}}}").contains("cage 2 is named twice"));
        assertTrue(error("{\"cages\": {\"1\": {\"identity\": {\"serialNumber\": \"THIS-IS-FAR-TOO-LONG\"}}}}")
            .contains("1-16 printable ASCII"));
        assertTrue(error("{\"seed\": 1,}").startsWith("bad JSON at line 1"));
        assertTrue(error("{\"seed\": 1, \"seed\": 2}").contains("seed"));
    }

    @Test
    void scriptStepsAreChecked() {
        assertTrue(error(script("{\"atMs\": 5, \"clear\": \"previous\"}")).contains("no earlier fault step"));
        assertTrue(error(script("{\"atMs\": 5, \"clear\": 3}")).contains("not the index of an earlier fault step"));
        assertTrue(error(script("{\"atMs\": 5}")).contains("exactly one of \"fault\" and \"clear\""));
        assertTrue(error(script("{\"fault\": {\"kind\": \"stuck-bus\"}}")).contains("needs \"atMs\""));
        assertTrue(error(script("{\"atMs\": 9, \"fault\": {\"kind\": \"stuck-bus\"}}, {\"atMs\": 5, \"clear\": 0}"))
            .contains("before the previous step"));
        assertTrue(error(script("{\"atMs\": 5, \"clear\": \"later\"}")).contains("must be \"previous\", \"all\""));
        assertTrue(error(script("{\"atMs\": 5, \"fault\": {\"kind\": \"laser-failure\", \"lanes\": [65]}}")).contains("lane 65"));
    }

    /** Issue 20, defect 2: such a step used to run at the start (its time in ns overflowed). */
    @Test
    void aStepBeyondAYearIsRefusedWithItsRange() {
        assertEquals("cages.1.script[0].atMs must be 0–31,536,000,000 (365 days), got 9300000000000",
            error(script("{\"atMs\": 9300000000000, \"fault\": {\"kind\": \"stuck-bus\"}}")));
        assertEquals("cages.1.script[0].atMs must be 0–31,536,000,000 (365 days), got -1",
            error(script("{\"atMs\": -1, \"fault\": {\"kind\": \"stuck-bus\"}}")));
    }

    /** Issue 20, defect 7: firmware versions CMIS gives a meaning of their own, and names CMIS reads as empty. */
    @Test
    void reservedValuesAreRefused() {
        assertEquals("cages.1.identity.firmware: '255.255' is reserved: CMIS reads it as \"the active image is invalid\"",
            error("{\"cages\": {\"1\": {\"identity\": {\"firmware\": \"255.255\"}}}}"));
        assertEquals("cages.1.identity.firmware: '0.0' is reserved: CMIS reads it as \"the module has no firmware\"",
            error("{\"cages\": {\"1\": {\"identity\": {\"firmware\": \"0.0\"}}}}"));
        assertEquals("cages.2.identity.serialNumber: must not be only spaces (CMIS reads that as empty)",
            error("{\"cages\": {\"2\": {\"identity\": {\"serialNumber\": \"    \"}}}}"));
        assertEquals(255, Scenario.parse("{\"cages\": {\"1\": {\"identity\": {\"firmware\": \"255.254\"}}}}")
            .cage(1).identity().firmwareMajor(), "only 255.255 itself is reserved");
    }

    /** A scenario error names the field in the scenario's words, never a Java class or Jackson's own text. */
    @Test
    void errorsShowNoParserInternals() {
        for (String bad : List.of(
                "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1.5, \"clear\": \"all\"}]}}}",
                "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"brown-out\", \"durationMs\": 99999999999999999999}}]}}}",
                "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": {\"kind\": \"rx-los\", \"lanes\": 3}}]}}}",
                "{\"cages\": {\"1\": {\"script\": [{\"atMs\": 1, \"fault\": [\"stuck-bus\"]}]}}}",
                "{\"cages\": {\"1\": {\"script\": {\"atMs\": 1}}}}",
                "{\"cages\": [1]}")) {
            String m = error(bad);
            assertFalse(m.contains("org.openxpo") || m.contains("java.") || m.contains("`") || m.contains("Cannot")
                || m.contains("CoercionConfig"), bad + " -> " + m);
        }
    }

    private static String script(String steps) {
        return "{\"cages\": {\"1\": {\"script\": [" + steps + "]}}}";
    }
}
