package org.openxpo.driver.module;

/** How to reset the module. */
public enum ResetMethod {
    /** The ResetL pin when the transport drives it, else SoftwareReset. */
    AUTO,
    /** A pulse on the ResetL pin (hard reset); fails when the pin is not wired. */
    PIN,
    /** SoftwareReset (00h:26 bit 3). */
    SOFTWARE
}
