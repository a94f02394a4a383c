package org.openxpo.agent.gnmi.tree;

import java.util.List;
import org.openxpo.driver.module.LaneStatus;

/**
 * Where a schema node is evaluated: the chassis, and below a list entry the module, the lane or the threshold
 * severity that entry stands for.
 */
public record Scope(List<ComponentData> modules, ComponentData module, LaneStatus lane, ThresholdSeverity severity,
                    org.openxpo.driver.module.Alarm alarm) {

    /** The root scope over a chassis's modules. */
    public static Scope of(List<ComponentData> modules) { return new Scope(List.copyOf(modules), null, null, null, null); }

    Scope with(ComponentData m) { return new Scope(modules, m, null, null, null); }

    Scope with(LaneStatus l) { return new Scope(modules, module, l, null, null); }

    Scope with(ThresholdSeverity s) { return new Scope(modules, module, null, s, null); }

    Scope with(org.openxpo.driver.module.Alarm a) { return new Scope(modules, module, null, null, a); }
}
