package org.openxpo.agent.core;

import org.openxpo.protocol.map.VdmType.Side;

import java.time.Instant;
import java.util.List;

/**
 * One reading of a module's VDM values, lane by lane and side by side (only what the module reports).
 *
 * @param time           when the basic values were read (the poll's snapshot)
 * @param statisticsTime when the interval statistics were frozen and read; null when they are not read
 */
public record VdmReading(Instant time, Instant statisticsTime, List<LaneVdm> lanes) {
    public VdmReading {
        lanes = List.copyOf(lanes);
    }

    /** The values of host lane {@code lane} on {@code side}, or null when the module reports none. */
    public LaneVdm lane(int lane, Side side) {
        for (LaneVdm l : lanes) if (l.lane() == lane && l.side() == side) return l;
        return null;
    }
}
