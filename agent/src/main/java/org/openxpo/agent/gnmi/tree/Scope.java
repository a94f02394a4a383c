package org.openxpo.agent.gnmi.tree;

import java.util.List;
import org.openxpo.driver.module.LaneStatus;

/**
 * Where a schema node is evaluated: the chassis, and below a list entry the module (with the cooling sensor when the
 * component entry is one of the module's SENSOR components), the lane, the threshold severity or the alarm that entry
 * stands for.
 */
public record Scope(List<ComponentData> modules, ComponentData module, CoolingSensor sensor, LaneStatus lane,
                    ThresholdSeverity severity, org.openxpo.driver.module.Alarm alarm) {

    /** The root scope over a chassis's modules. */
    public static Scope of(List<ComponentData> modules) { return new Scope(List.copyOf(modules), null, null, null, null, null); }

    /** The module's TRANSCEIVER component. */
    Scope with(ComponentData m) { return new Scope(modules, m, null, null, null, null); }

    /** One of the module's SENSOR components. */
    Scope with(ComponentData m, CoolingSensor s) { return new Scope(modules, m, s, null, null, null); }

    Scope with(LaneStatus l) { return new Scope(modules, module, sensor, l, null, null); }

    Scope with(ThresholdSeverity s) { return new Scope(modules, module, sensor, null, s, null); }

    Scope with(org.openxpo.driver.module.Alarm a) { return new Scope(modules, module, sensor, null, null, a); }

    /** True in the module's TRANSCEIVER component (and below it), false in a SENSOR component. */
    boolean transceiver() { return sensor == null; }
}
