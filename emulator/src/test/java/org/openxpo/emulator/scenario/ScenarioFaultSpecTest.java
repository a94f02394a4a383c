package org.openxpo.emulator.scenario;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.fault.Fault;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault the emulator knows can be written as JSON and read back: the API never hides a kind. */
class ScenarioFaultSpecTest {

    @Test
    void everyFaultKindRoundTripsThroughJson() throws ReflectiveOperationException {
        for (Class<?> type : Fault.class.getPermittedSubclasses()) {
            Fault fault = sample(type);
            assertTrue(FaultSpec.kinds().contains(fault.kind()), "FaultSpec does not know '" + fault.kind() + "'");
            String json = StrictJson.MAPPER.writeValueAsString(FaultSpec.of(fault));
            assertEquals(fault, StrictJson.read(json, FaultSpec.class).toFault(), json);
        }
    }

    /** An instance with a valid value for every component. */
    private static Fault sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = types[i] == Set.class ? Set.of(2, 9)
                : types[i] == double.class ? 1.5
                : types[i] == boolean.class ? Boolean.TRUE
                : types[i] == Duration.class ? Duration.ofMillis(250)
                : null;
        }
        return (Fault) type.getDeclaredConstructor(types).newInstance(values);
    }
}
