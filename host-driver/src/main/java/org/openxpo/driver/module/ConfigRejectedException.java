package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.types.ConfigStatus;

import java.util.Map;

/** The module rejected a staged configuration (ApplyDPInit): the ConfigStatus of each rejected lane. */
public final class ConfigRejectedException extends XpoException {
    private final Map<Integer, ConfigStatus> rejected;

    public ConfigRejectedException(String message, Map<Integer, ConfigStatus> rejected) {
        super(message);
        this.rejected = Map.copyOf(rejected);
    }

    /** Lane (1–64) → the ConfigStatus it reported. */
    public Map<Integer, ConfigStatus> rejected() { return rejected; }
}
