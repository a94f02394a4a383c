package org.openxpo.driver.module;

import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.List;
import java.util.stream.Stream;

/**
 * The latched (clear-on-read) fields the map declares on lower memory or an upper page: what a read that consumes the
 * flags adds to the fields it wants.
 */
final class LatchedFields {
    private LatchedFields() {}

    private static final MemoryMap MAP = MemoryMap.xpo();

    /** The latched fields of lower memory (bytes 0–127). */
    static List<Field> lower() { return latched(MAP.lowerFields()); }

    /** The latched fields of upper page {@code page}. */
    static List<Field> of(int page) { return latched(MAP.page(page).map(PageDef::fields).orElseThrow()); }

    /** {@code fields}, then {@code latched}. */
    static List<Field> with(List<Field> fields, List<Field> latched) {
        return Stream.concat(fields.stream(), latched.stream()).toList();
    }

    private static List<Field> latched(List<Field> fields) {
        return fields.stream().filter(f -> f.access() == Access.COR).toList();
    }
}
