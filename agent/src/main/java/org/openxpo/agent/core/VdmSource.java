package org.openxpo.agent.core;

import org.openxpo.driver.module.XpoModuleClient;

import java.util.Optional;

/**
 * Where the pollers get VDM values from. The agent's only seam to the driver's VDM reader: an adapter from the
 * driver's reading to {@link VdmReading} plugs in here, and every face (metrics, REST, gNMI) reads the result from
 * {@link ModuleView#vdm()}. Called on the module's poll thread after each snapshot; empty when the module advertises
 * no VDM.
 */
@FunctionalInterface
public interface VdmSource {
    /** No VDM: the faces leave the VDM values out. */
    VdmSource NONE = client -> Optional.empty();

    Optional<VdmReading> read(XpoModuleClient client);
}
