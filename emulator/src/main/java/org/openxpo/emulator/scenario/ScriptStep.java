package org.openxpo.emulator.scenario;

import org.openxpo.emulator.fault.Fault;

/** One timed step of a cage's fault script, {@code atMs} after the scenario starts. */
public sealed interface ScriptStep {
    long atMs();

    /** Injects a fault. */
    record Inject(long atMs, Fault fault) implements ScriptStep {}

    /** Clears the fault injected by step {@code step} (an index into the same script). */
    record Clear(long atMs, int step) implements ScriptStep {}

    /** Clears every fault of the cage, including ones injected through the control API. */
    record ClearAll(long atMs) implements ScriptStep {}
}
