package org.openxpo.protocol.connector;

import java.util.Map;

/**
 * Found with {@link java.util.ServiceLoader}: supplies in-process targets (the emulator) to the host driver's
 * {@code embedded} target without the driver importing the emulator.
 */
public interface EmbeddedTargetProvider {
    /** A short name ("emulator"). */
    String name();

    /** Builds a chassis; options come from the target URI's query (e.g. cages=4, seed=7). */
    Chassis create(Map<String, String> options);
}
