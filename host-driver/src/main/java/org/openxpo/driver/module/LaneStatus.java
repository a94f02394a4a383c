package org.openxpo.driver.module;

import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.units.Codecs;

import java.util.List;

/**
 * One host lane: data-path state and active AppSel (11h:128.., 206..), output status, optical monitors, and the
 * names of its latched flags when the read consumed them.
 *
 * @param dataPathState null when the module reports a reserved code
 * @param appSel        AppSel of the active control set; 0 = lane not part of a data path
 * @param firstLane     host lane (1–64) the lane's data path starts on (from the ACS DataPathID)
 */
public record LaneStatus(int lane, DataPathState dataPathState, int appSel, int firstLane, boolean txOutputValid,
                         boolean rxOutputValid, double txPowerMw, double rxPowerMw, double biasMa, List<String> flags) {

    /** Tx power in dBm; −∞ when no light. */
    public double txPowerDbm() { return Codecs.milliwattsToDbm(txPowerMw); }

    /** Rx power in dBm; −∞ when no light. */
    public double rxPowerDbm() { return Codecs.milliwattsToDbm(rxPowerMw); }

    /** The CMIS name of the state ("DPActivated"), or "reserved". */
    public String stateName() { return dataPathState == null ? "reserved" : dataPathState.cmisName(); }
}
