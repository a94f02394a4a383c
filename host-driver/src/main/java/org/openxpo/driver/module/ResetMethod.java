package org.openxpo.driver.module;

import org.openxpo.protocol.map.LowerPage;

/** How to reset the module. */
public enum ResetMethod {
    /** The ResetL pin when the transport drives it, else SoftwareReset. */
    AUTO,
    /** A pulse on the ResetL pin (hard reset); fails when the pin is not wired. */
    PIN,
    /** SoftwareReset (00h:26 bit 3). */
    SOFTWARE;

    /** What a user is told was done: "ResetL pulse", or the name of the control bit written. */
    public String description() {
        return switch (this) {
            case AUTO -> "reset";
            case PIN -> "ResetL pulse";
            case SOFTWARE -> LowerPage.SOFTWARE_RESET.name();
        };
    }
}
