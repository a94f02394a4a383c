package org.openxpo.emulator.fault;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue of fault kinds, read from {@link Fault}'s sealed hierarchy: their names and the parameters each takes,
 * for error messages and documentation. It holds no list of its own, so it cannot fall behind.
 */
public final class FaultKinds {
    private FaultKinds() {}

    private static final List<Class<?>> TYPES = List.of(Fault.class.getPermittedSubclasses());

    /** Every kind's name, in declaration order. */
    public static List<String> names() { return TYPES.stream().map(FaultKinds::nameOf).toList(); }

    /** The name of a fault record type (its {@link JsonTypeName}). */
    public static String nameOf(Class<?> type) { return type.getAnnotation(JsonTypeName.class).value(); }

    /** The parameters a fault record type takes (its components), sorted. */
    public static Set<String> parametersOf(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) out.add(c.getName());
        return out;
    }

    /** True if {@code type} is one of the fault records. */
    public static boolean isFaultType(Class<?> type) { return type != null && TYPES.contains(type); }

    /** True if some kind takes a parameter called {@code name}. */
    public static boolean isParameter(String name) {
        return TYPES.stream().anyMatch(t -> Arrays.stream(t.getRecordComponents()).anyMatch(c -> c.getName().equals(name)));
    }
}
