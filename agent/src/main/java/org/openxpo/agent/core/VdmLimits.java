package org.openxpo.agent.core;

/** The four thresholds a module advertises for one VDM observable (pages 28h–2Bh), in the quantity's unit. */
public record VdmLimits(double highAlarm, double lowAlarm, double highWarning, double lowWarning) {}
