package org.openxpo.agent.gnmi.tree;

import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;

/**
 * What the agent knows of one configured module, as the OpenConfig tree needs it. A module that is absent, or whose
 * first read has not finished, has a name and nothing else: its component exists, its values do not.
 *
 * @param name       the component name, as configured
 * @param present    the module answers in its cage
 * @param identity   null until read
 * @param snapshot   the latest status, null until read
 * @param thresholds null until read
 */
public record ModuleView(String name, boolean present, Identity identity, ModuleSnapshot snapshot,
                         Thresholds thresholds) {
    public ModuleView {
        java.util.Objects.requireNonNull(name, "name");
    }
}
