package org.openxpo.agent.gnmi.tree;

import org.openxpo.agent.core.LaneVdm;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.core.VdmReading;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;

/**
 * What the OpenConfig tree reads of one configured module: the agent's view of it, with the look-ups the tree needs.
 * A module that is absent, or whose first read has not finished, has a name and nothing else: its component exists,
 * its values do not.
 */
public record ComponentData(ModuleView view) {
    public ComponentData {
        java.util.Objects.requireNonNull(view, "view");
    }

    public String name() { return view.name(); }

    public boolean present() { return view.present(); }

    public Identity identity() { return view.identity(); }

    public ModuleSnapshot snapshot() { return view.snapshot(); }

    /** Null until read with the identity. */
    public Thresholds thresholds() { return view.thresholds(); }

    /** The VDM values of host lane {@code lane} (1–64), or null when the module reports none. */
    public LaneVdm vdm(int lane) {
        VdmReading r = view.vdm();
        if (r == null) return null;
        return r.lane(lane, Side.MEDIA);
    }

    /**
     * OpenConfig's module-level {@code pre-fec-ber}: the worst (highest) current media-side pre-FEC BER of any lane;
     * {@code NaN} when the module reports none.
     */
    public double worstPreFecBer() {
        VdmReading r = view.vdm();
        if (r == null) return Double.NaN;
        return r.lanes().stream().filter(l -> l.side() == Side.MEDIA).mapToDouble(LaneVdm::preFecBer)
            .filter(Double::isFinite).max().orElse(Double.NaN);
    }
}
