package org.openxpo.agent.core;

import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.protocol.types.Lanes;

/**
 * Host lane and side as one dense index, so a poll gathers each lane's VDM values in an array rather than a map: slot
 * order is the order the faces list lanes in (lane 1 first, its media side before its host side).
 */
final class LaneSlots {
    private LaneSlots() {}

    private static final Side[] SIDES = Side.values();
    /** Every lane of a module, on each side. */
    static final int COUNT = Lanes.COUNT * SIDES.length;

    /** The quantity of a lane observable the agent exports; null for a module-level one, an unknown or unexported type. */
    static VdmQuantity exported(VdmObservable o) {
        int lane = o.lane();
        VdmType type = o.descriptor().type().orElse(null);
        return lane < 1 || lane > Lanes.COUNT || type == null ? null : VdmQuantity.of(type).orElse(null);
    }

    /** The slot of an observable {@link #exported} names a quantity for. */
    static int of(VdmObservable o) {
        return (o.lane() - 1) * SIDES.length + o.descriptor().type().orElseThrow().side().ordinal();
    }

    static int lane(int slot) { return slot / SIDES.length + 1; }

    static Side side(int slot) { return SIDES[slot % SIDES.length]; }
}
