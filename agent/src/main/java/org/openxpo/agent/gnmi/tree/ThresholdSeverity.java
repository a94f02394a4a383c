package org.openxpo.agent.gnmi.tree;

/**
 * The two OpenConfig threshold severities: CMIS alarm thresholds are CRITICAL (the highest severity a device offers
 * maps to CRITICAL), CMIS warning thresholds are WARNING.
 */
public enum ThresholdSeverity {
    CRITICAL, WARNING;

    double upper(org.openxpo.driver.module.Thresholds.Set s) { return this == CRITICAL ? s.highAlarm() : s.highWarning(); }

    double lower(org.openxpo.driver.module.Thresholds.Set s) { return this == CRITICAL ? s.lowAlarm() : s.lowWarning(); }
}
