package org.openxpo.protocol.connector;

/**
 * Sideband pins of the XPO control connector. Electrical levels: {@code true} = high. The QSFP-DD/OSFP set plus two
 * project-defined power pins for the 50 V rail (see docs/xpo-profile.md).
 */
public enum Pin {
    /** Host → module, active low: held low the module is in reset. */
    RESET_L(1, true),
    /** Host → module: high requests low power (when LowPwrAllowRequestHW = 1). */
    LP_MODE(2, true),
    /** Host → module (XPO): high enables the 50 V input; low removes power from the module. */
    POWER_ENABLE(3, true),
    /** Module → host, active low: an unmasked latched flag is set. */
    INT_L(16, false),
    /** Module → host, active low: a module is plugged in. */
    MOD_PRS_L(17, false),
    /** Module → host (XPO): high = the 50 V input is within its operating range. */
    POWER_GOOD(18, false);

    private final int wireId;
    private final boolean hostDriven;

    Pin(int wireId, boolean hostDriven) {
        this.wireId = wireId;
        this.hostDriven = hostDriven;
    }

    /** The pin's number in the wire protocol. */
    public int wireId() { return wireId; }

    /** True for pins the host drives (the others it only reads). */
    public boolean hostDriven() { return hostDriven; }

    public static Pin fromWireId(int id) {
        for (Pin p : values()) if (p.wireId == id) return p;
        return null;
    }
}
