package org.openxpo.agent.core;

import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;

import java.util.Optional;

/**
 * Where the pollers get VDM values from ({@link DriverVdmSource} in the running agent): called on the module's poll
 * thread after each snapshot, with it; every face (metrics, REST, gNMI) reads the result from {@link
 * ModuleView#vdm()}. Empty when the module advertises no VDM.
 */
@FunctionalInterface
public interface VdmSource {
    /** No VDM: the faces leave the VDM values out. */
    VdmSource NONE = (client, snapshot) -> Optional.empty();

    Optional<VdmReading> read(XpoModuleClient client, ModuleSnapshot snapshot);
}
