package org.openxpo.driver.vdm;

/** The four thresholds that bound one observable (its threshold set on page 27h + group), in its unit. */
public record VdmThreshold(VdmObservable observable, double highAlarm, double lowAlarm, double highWarning,
                           double lowWarning) {}
