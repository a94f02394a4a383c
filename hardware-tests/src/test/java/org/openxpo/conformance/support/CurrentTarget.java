package org.openxpo.conformance.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target the suite is running against right now (targets run one after the other), and the description of every
 * target that was opened, for the report.
 */
public final class CurrentTarget {
    private CurrentTarget() {}

    private static volatile Target current;
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    public static Target get() { return current; }

    public static synchronized void set(Target t) {
        current = t;
        if (t != null) DESCRIPTIONS.put(t.name(), t.description());
    }

    public static synchronized void clear() { current = null; }

    /** What each opened target was ("in-process emulated module (fast timing)"), by name. */
    public static synchronized Map<String, String> descriptions() { return new LinkedHashMap<>(DESCRIPTIONS); }
}
