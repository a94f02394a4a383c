package org.openxpo.agent.core;

/**
 * What changes in the agent's model, as the faces consume it (SSE, gNMI ON_CHANGE). Listeners are called on the
 * poll or monitor thread of the module concerned: they must hand slow work elsewhere and never block.
 */
public sealed interface ModuleEvent {
    /** The module the event is about. */
    String module();

    /** A module was added to the registry. */
    record Added(ModuleView view) implements ModuleEvent {
        public String module() { return view.name(); }
    }

    /**
     * Presence, reachability, module state or identity (firmware after a reset or an update) changed; {@code why}
     * says which in a few words ("present", "absent", "unreachable", "reachable", "state", "firmware", "reset").
     */
    record Changed(ModuleView view, String why) implements ModuleEvent {
        public String module() { return view.name(); }
    }

    /** A periodic snapshot was taken. */
    record SnapshotUpdated(ModuleView view) implements ModuleEvent {
        public String module() { return view.name(); }
    }

    /** An alarm was raised ({@code entry.cleared()} null) or cleared. */
    record AlarmChanged(String module, AlarmRecord entry) implements ModuleEvent {
        public boolean raised() { return entry.active(); }
    }

    /** A module was removed from the registry (its values are gone). */
    record Removed(String module) implements ModuleEvent {}
}
