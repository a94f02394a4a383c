package org.openxpo.protocol.types;

/** CMIS data-path state (11h:128–131, 4 bits per lane). */
public enum DataPathState {
    DEACTIVATED(1, "DPDeactivated"),
    INIT(2, "DPInit"),
    DEINIT(3, "DPDeinit"),
    ACTIVATED(4, "DPActivated"),
    TX_TURN_ON(5, "DPTxTurnOn"),
    TX_TURN_OFF(6, "DPTxTurnOff"),
    INITIALIZED(7, "DPInitialized");

    private final int code;
    private final String cmisName;

    DataPathState(int code, String cmisName) {
        this.code = code;
        this.cmisName = cmisName;
    }

    public int code() { return code; }

    public String cmisName() { return cmisName; }

    /** Decodes a 4-bit code; reserved codes give {@code null}. */
    public static DataPathState fromCode(int code) {
        for (DataPathState s : values()) if (s.code == code) return s;
        return null;
    }
}
