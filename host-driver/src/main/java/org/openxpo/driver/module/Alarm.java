package org.openxpo.driver.module;

/**
 * One latched flag found set, decoded: a readable name ("TxFailure", "InputVoltageHighAlarm"), its severity, where it
 * comes from and, for lane flags, the host lane (1–64; null for module-wide flags).
 */
public record Alarm(String name, Severity severity, Source source, Integer lane, String description) {

    /** Which monitor a flag belongs to. */
    public enum Source {
        /** Lower page: module state, firmware, temperature, 3.3 V. */
        MODULE,
        /** Page 11h: one host lane. */
        LANE,
        /** Page B0h (XPO): the 50 V input. */
        POWER,
        /** Page B0h (XPO): liquid cooling, leak, quick-connect. */
        COOLING,
        /** Page 14h: a PRBS generator or checker (loss of lock, gating), the diagnostics reference clock. */
        DIAGNOSTICS,
        /** Page 2Ch: a VDM observable (eSNR, BER, …) crossed a threshold. */
        VDM;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Identity of the alarm for tracking: name plus lane. */
    public String key() { return lane == null ? name : name + "@" + lane; }

    @Override
    public String toString() { return severity.label() + " " + name + (lane == null ? "" : " lane " + lane); }
}
