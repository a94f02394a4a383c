package org.openxpo.driver.module;

/** How much an alarm matters: CMIS alarms, CMIS warnings, and informational flags (state changes). */
public enum Severity {
    ALARM, WARNING, INFO;

    /** Lower-case name, as JSON and the CLI show it. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
