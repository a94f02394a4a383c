package org.openxpo.agent.core;

import java.time.Instant;
import java.util.List;

/** One reading of a module's VDM values, lane by lane (only lanes the module reports). */
public record VdmReading(Instant time, List<LaneVdm> lanes) {
    public VdmReading {
        lanes = List.copyOf(lanes);
    }
}
