package org.openxpo.driver.cli;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a control command as JSON, schema {@code openxpo.control/1}: {@code schema}, {@code target},
 * {@code command}, then what the command reports (docs/host-driver.md lists the members).
 */
final class ControlJson {
    static final String SCHEMA = "openxpo.control/1";

    private final Map<String, Object> members = new LinkedHashMap<>();

    ControlJson(String target, String command) {
        members.put("schema", SCHEMA);
        members.put("target", target);
        members.put("command", command);
    }

    ControlJson with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** Lanes as a list of lane numbers, ascending. */
    ControlJson withLanes(String name, BitSet lanes) { return with(name, lanes.stream().boxed().toList()); }

    Map<String, Object> document() { return members; }

}
