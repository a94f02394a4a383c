package org.openxpo.agent.gnmi.tree;

import java.util.HashMap;
import java.util.Map;
import org.openxpo.agent.core.FlagCount;
import org.openxpo.agent.core.LaneVdm;
import org.openxpo.agent.core.MonitoredModule;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.core.VdmReading;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;

/**
 * What the OpenConfig tree reads of one configured module: the agent's view of it and how often each flag changed
 * (the counts behind {@code xpo_flag_changes_total}), with the look-ups the tree needs. A module that
 * is absent, or whose first read has not finished, has a name and nothing else: its component exists, its values
 * do not.
 */
public record ComponentData(ModuleView view, Map<FlagId, Long> flagChanges) {
    public ComponentData {
        java.util.Objects.requireNonNull(view, "view");
        flagChanges = Map.copyOf(flagChanges);
    }

    /** The view and flag counts of a module the agent watches. */
    public static ComponentData of(MonitoredModule m) {
        // the view first: a flag is counted before the view shows it, so an alarm the view has is always counted
        ModuleView view = m.view();
        Map<FlagId, Long> changes = new HashMap<>();
        for (FlagCount c : m.flagChanges()) changes.put(new FlagId(c.alarm().name(), c.alarm().lane()), c.changes());
        return new ComponentData(view, changes);
    }

    /** One flag: its alarm name and, for a lane flag, the host lane (null for a module flag). */
    public record FlagId(String name, Integer lane) {}

    /**
     * How many times the flag {@code name} of host lane {@code lane} (null: a module flag) was raised since the agent
     * started. The agent counts raises and clears of a flag, which alternate starting with a raise, so the raises are
     * half the changes rounded up.
     */
    public long raises(String name, Integer lane) {
        Long changes = flagChanges.get(new FlagId(name, lane));
        return changes == null ? 0 : (changes + 1) / 2;
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
