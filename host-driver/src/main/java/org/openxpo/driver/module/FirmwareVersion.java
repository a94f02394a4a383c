package org.openxpo.driver.module;

/** A firmware image version (major.minor); CMIS reserves 0.0 for "no firmware" and FF.FF for "invalid image". */
public record FirmwareVersion(int major, int minor) {
    public boolean invalid() { return major == 0xFF && minor == 0xFF; }

    public boolean none() { return major == 0 && minor == 0; }

    @Override
    public String toString() { return invalid() ? "invalid" : none() ? "none" : major + "." + minor; }
}
