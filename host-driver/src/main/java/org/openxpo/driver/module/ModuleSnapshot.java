package org.openxpo.driver.module;

import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.ModuleState;

import java.time.Instant;
import java.util.List;
import org.openxpo.driver.vdm.VdmSample;

/**
 * The module's status at one moment: state, module monitors, XPO power and cooling, every lane, and the alarms.
 *
 * @param moduleState     null when 00h:3 holds a reserved code
 * @param faultCode       00h:41 while the module is in ModuleFault, else 0
 * @param interruptAsserted 00h:3 bit0 reads 0: an unmasked latched flag is waiting to be read
 * @param power           null on a module without the XPO pages
 * @param cooling         null on a module without the XPO pages
 * @param flagsRead       true when the read consumed the latched flags and {@code alarms} reports them; false for a
 *                        status read that left them for someone else ({@code alarms} is then whatever the caller
 *                        knows, e.g. a monitor's active alarms)
 * @param vdm             the basic VDM observables (eSNR, LTP, pre-FEC BER and errored frames now, laser temperature)
 *                        of a module that advertises VDM, read in the same batch; empty otherwise. Statistics are not
 *                        frozen for a snapshot (that would restart every other host's interval): read them with
 *                        {@code VdmReader}
 */
public record ModuleSnapshot(Instant time, ModuleState moduleState, int faultCode, boolean interruptAsserted,
                             double temperatureC, double supplyVoltageV, PowerStatus power, CoolingStatus cooling,
                             List<LaneStatus> lanes, boolean flagsRead, List<Alarm> alarms, List<VdmSample> vdm) {

    /** A snapshot without VDM values. */
    public ModuleSnapshot(Instant time, ModuleState moduleState, int faultCode, boolean interruptAsserted,
                          double temperatureC, double supplyVoltageV, PowerStatus power, CoolingStatus cooling,
                          List<LaneStatus> lanes, boolean flagsRead, List<Alarm> alarms) {
        this(time, moduleState, faultCode, interruptAsserted, temperatureC, supplyVoltageV, power, cooling, lanes,
            flagsRead, alarms, List.of());
    }

    /** The VDM values of host lane {@code lane}. */
    public List<VdmSample> vdm(int lane) { return vdm.stream().filter(v -> v.observable().lane() == lane).toList(); }

    public String moduleStateName() { return moduleState == null ? "reserved" : moduleState.cmisName(); }

    /** Text of the fault cause, or null when the module is not in ModuleFault. */
    public String faultDescription() { return moduleState == ModuleState.FAULT ? FaultCause.describe(faultCode) : null; }

    public LaneStatus lane(int lane) { return lanes.get(lane - 1); }

    /** How many lanes are in {@code state}. */
    public long lanesIn(DataPathState state) { return lanes.stream().filter(l -> l.dataPathState() == state).count(); }

    /** The same status with other alarms (a monitor fills in what it tracks). */
    public ModuleSnapshot withAlarms(List<Alarm> alarms, boolean flagsRead) {
        return new ModuleSnapshot(time, moduleState, faultCode, interruptAsserted, temperatureC, supplyVoltageV, power,
            cooling, lanes, flagsRead, List.copyOf(alarms), vdm);
    }
}
