package org.openxpo.agent.core;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.protocol.types.ModuleState;

import java.time.Instant;
import java.util.List;

/**
 * What the agent knows of one module at one moment; immutable, replaced as a whole on every change, so a face reads
 * a consistent view without locks.
 *
 * @param present    false once the module reported itself absent (ModPrsL / presence event) until it answers again
 * @param reachable  false while the target cannot be opened or its link is down
 * @param state      the latest module state seen by the monitor or a snapshot; null before the first
 * @param identity   null until read (and after a reset, until read again)
 * @param thresholds read with the identity; null until then
 * @param snapshot   the latest periodic snapshot; null before the first
 * @param activeAlarms the alarms raised and not yet cleared
 * @param vdm        null when the module offers no VDM (or it was not read yet)
 * @param loopbacks  the lanes in a diagnostics loopback; null when the module advertises no diagnostics pages
 * @param lastError  why the latest poll failed, null when it succeeded
 * @param updated    when this view was made (host clock)
 */
public record ModuleView(String name, String target, boolean present, boolean reachable, ModuleState state,
                         Identity identity, Thresholds thresholds, ModuleSnapshot snapshot, List<Alarm> activeAlarms, VdmReading vdm,
                         LaneLoopbacks loopbacks,
                         String lastError, PollHealth health, Instant updated) {

    public ModuleView {
        activeAlarms = List.copyOf(activeAlarms);
    }

    static ModuleView initial(ModuleSpec spec, Instant now) {
        return new ModuleView(spec.name(), spec.target(), false, false, null, null, null, null, List.of(), null, null, null,
            PollHealth.NONE, now);
    }

    /** The CMIS name of the state ("ModuleReady"), or "unknown". */
    public String stateName() { return state == null ? "unknown" : state.cmisName(); }

    /** The active firmware version ("1.2"), or null while the identity is not known. */
    public String firmware() { return identity == null ? null : identity.activeFirmware().toString(); }

    ModuleView with(boolean present, boolean reachable, String lastError, Instant now) {
        return new ModuleView(name, target, present, reachable, state, identity, thresholds, snapshot, activeAlarms, vdm, loopbacks, lastError,
            health, now);
    }

    ModuleView withState(ModuleState state, Instant now) {
        return new ModuleView(name, target, present, reachable, state, identity, thresholds, snapshot, activeAlarms, vdm, loopbacks, lastError,
            health, now);
    }

    ModuleView withAlarms(List<Alarm> alarms, Instant now) {
        return new ModuleView(name, target, present, reachable, state, identity, thresholds, snapshot, alarms, vdm, loopbacks, lastError,
            health, now);
    }

    ModuleView withIdentity(Identity identity, Instant now) {
        return new ModuleView(name, target, present, reachable, state, identity, identity == null ? null : thresholds, snapshot, activeAlarms, vdm, loopbacks, lastError,
            health, now);
    }

    ModuleView withPoll(Identity identity, Thresholds thresholds, ModuleSnapshot snapshot, VdmReading vdm, LaneLoopbacks loopbacks,
                        PollHealth health, Instant now) {
        return new ModuleView(name, target, true, true, snapshot.moduleState(), identity, thresholds, snapshot, activeAlarms, vdm,
            loopbacks, null, health, now);
    }

    ModuleView withHealth(PollHealth health) {
        return new ModuleView(name, target, present, reachable, state, identity, thresholds, snapshot, activeAlarms, vdm, loopbacks, lastError,
            health, updated);
    }
}
