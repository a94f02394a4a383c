package org.openxpo.conformance.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.UniqueId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets open right now, by name (targets run at the same time, each in its own thread, one module each), and
 * the description of every target that was opened, for the report.
 */
public final class OpenTargets {
    private OpenTargets() {}

    /** The unique-id segment type of one run of the parameterized suite: one per target, named after it. */
    public static final String INVOCATION = "class-template-invocation";

    private static final Map<String, Target> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    /** Records {@code t} as open under its name. */
    public static void add(Target t) {
        OPEN.put(t.name(), t);
        synchronized (DESCRIPTIONS) {
            DESCRIPTIONS.put(t.name(), t.description());
        }
    }

    /** Forgets the target {@code name} and returns it (null when it never opened). */
    public static Target remove(String name) { return OPEN.remove(name); }

    /** The open target {@code name}, or null. */
    public static Target get(String name) { return OPEN.get(name); }

    /** The target whose run {@code context} belongs to: the one named by the enclosing invocation, if open. */
    public static Optional<Target> of(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (UniqueId.parse(c.get().getUniqueId()).getLastSegment().getType().equals(INVOCATION)) {
                return Optional.ofNullable(get(c.get().getDisplayName()));
            }
        }
        return Optional.empty();
    }

    /** What each opened target was ("in-process emulated module (fast timing)"), by name, in opening order. */
    public static Map<String, String> descriptions() {
        synchronized (DESCRIPTIONS) {
            return new LinkedHashMap<>(DESCRIPTIONS);
        }
    }
}
