package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.fault.FaultKinds;

import java.lang.reflect.RecordComponent;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Faults as JSON: every kind the emulator knows can be written and read back, and bad values are refused by range. */
class FaultJsonTest {

    @Test
    void everyFaultKindRoundTripsThroughJson() throws ReflectiveOperationException {
        for (Class<?> type : Fault.class.getPermittedSubclasses()) {
            Fault fault = sample(type);
            String json = StrictJson.MAPPER.writeValueAsString(fault);
            assertEquals(fault, StrictJson.read(json, Fault.class), json);
            assertEquals(FaultKinds.nameOf(type), fault.kind());
        }
        assertEquals(Fault.class.getPermittedSubclasses().length, Set.copyOf(FaultKinds.names()).size(), "kind names are unique");
    }

    @Test
    void theJsonOfAFaultIsItsKindAndItsParameters() {
        assertEquals("{\"kind\":\"brown-out\",\"durationMs\":500}",
            StrictJson.MAPPER.writeValueAsString(new Fault.BrownOut(java.time.Duration.ofMillis(500))));
        assertEquals("{\"kind\":\"cdr-lol\",\"lanes\":[2,9,40],\"rx\":false}",
            StrictJson.MAPPER.writeValueAsString(new Fault.CdrLossOfLock(Set.of(40, 9, 2), false)));
        assertEquals(new Fault.CdrLossOfLock(Set.of(5), false),
            StrictJson.read("{\"kind\":\"cdr-lol\",\"lanes\":[5]}", Fault.class), "rx defaults to the Tx side");
    }

    /** Issue 20, defect 1: a brown-out of 9.3·10¹² ms was accepted and then overflowed on the firmware thread. */
    @Test
    void aBrownOutLongerThanADayIsRefusedWithItsRange() {
        String m = assertThrows(IllegalArgumentException.class,
            () -> StrictJson.read("{\"kind\":\"brown-out\",\"durationMs\":9300000000000}", Fault.class)).getMessage();
        assertEquals("durationMs must be 1–86,400,000 (24 h), got 9300000000000", m);
        assertThrows(IllegalArgumentException.class, () -> new Fault.BrownOut(java.time.Duration.ofDays(365)));
        assertEquals(86_400_000, new Fault.BrownOut(86_400_000).durationMs(), "a whole day is still fine");
    }

    /** Syntax errors say where and what in the words of whoever wrote the JSON, not the parser's. */
    @Test
    void syntaxErrorsAreInPlainWords() {
        assertEquals("bad JSON at line 1, column 9: the document ends too early (a '}', ']' or '\"' is missing)",
            error("{\"kind\":"));
        assertEquals("bad JSON at line 1, column 9: unexpected '1': a ':' must follow the field name", error("{\"kind\" 1}"));
        assertEquals("bad JSON at line 1, column 2: unexpected ''': a field name in double quotes was expected",
            error("{'kind':1}"));
        assertEquals("bad JSON at line 1, column 13: unexpected '\"': a ',' or '}' was expected", error("{\"kind\":\"x\" \"y\"}"));
        assertEquals("bad JSON at line 1, column 36: unexpected '}': a value was expected",
            error("{\"kind\":\"laser-failure\",\"lanes\":[1,}"));
        assertEquals("bad JSON at line 1, column 9: 'tru' is not a JSON value (text needs double quotes; the words are "
            + "true, false and null)", error("{\"kind\":tru}"));
        assertEquals("bad JSON at line 1, column 47: field 'fraction' appears twice",
            error("{\"kind\":\"coolant-flow\",\"fraction\":3,\"fraction\":2}"));
        assertEquals("bad JSON at line 1, column 1: a control character (code 0) outside a string", error("\u0000"));
    }

    @Test
    void parametersOutOfRangeNameTheirRange() {
        assertEquals("fraction must be 0–2, got 2.5", error("{\"kind\":\"coolant-flow\",\"fraction\":2.5}"));
        assertEquals("fraction must be 0–2, got 3", error("{\"kind\":\"coolant-flow\",\"fraction\":3}"), "as typed: 3, not 3.0");
        assertEquals("celsius must be -20–100, got 1.0E300", error("{\"kind\":\"inlet-temperature\",\"celsius\":1e300}"));
        assertEquals("volts must be 0–80, got -1", error("{\"kind\":\"input-voltage\",\"volts\":-1}"));
        assertEquals("factor must be 1–1,000, got 0.5", error("{\"kind\":\"cdb-slow-writes\",\"factor\":0.5}"));
        assertEquals("dbPerHour must be more than 0 and at most 1,000, got 0",
            error("{\"kind\":\"optics-degradation\",\"lanes\":[1],\"dbPerHour\":0}"));
        assertEquals("lanes must not hold null", error("{\"kind\":\"rx-los\",\"lanes\":[1,null]}"));
        assertEquals("a fault needs a \"kind\" (one of " + String.join(", ", FaultKinds.names()) + ")",
            error("{\"kind\":null}"));
        assertEquals("field 'rx' does not apply to a stuck-bus fault (it takes no parameters)",
            error("{\"kind\":\"stuck-bus\",\"rx\":true}"));
        assertEquals("a brown-out fault needs field 'durationMs'", error("{\"kind\":\"brown-out\"}"));
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> StrictJson.read(json, Fault.class)).getMessage();
    }

    /** An instance with a valid value for every component. */
    private static Fault sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = types[i] == Set.class ? Set.of(2, 9)
                : types[i] == double.class ? (parts[i].getName().equals("ber") ? 1e-3   // a BER is at most 0.5
                    : parts[i].getName().equals("ratio") ? 0.5 : 1.5)                    // a ratio is at most 1
                : types[i] == boolean.class ? Boolean.TRUE
                : types[i] == long.class ? 250L
                : null;
        }
        return (Fault) type.getDeclaredConstructor(types).newInstance(values);
    }
}
