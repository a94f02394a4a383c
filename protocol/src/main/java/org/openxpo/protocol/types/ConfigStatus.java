package org.openxpo.protocol.types;

/** CMIS ConfigStatusLane codes (11h:202–205), the result of ApplyDPInit / ApplyImmediate. */
public enum ConfigStatus {
    UNDEFINED(0x0, "ConfigUndefined"),
    SUCCESS(0x1, "ConfigSuccess"),
    REJECTED(0x2, "ConfigRejected"),
    REJECTED_INVALID_APP_SEL(0x3, "ConfigRejectedInvalidAppSel"),
    REJECTED_INVALID_DATA_PATH(0x4, "ConfigRejectedInvalidDataPath"),
    REJECTED_INVALID_SI(0x5, "ConfigRejectedInvalidSI"),
    REJECTED_LANES_IN_USE(0x6, "ConfigRejectedLanesInUse"),
    REJECTED_PARTIAL_DATA_PATH(0x7, "ConfigRejectedPartialDataPath"),
    IN_PROGRESS(0xC, "ConfigInProgress");

    private final int code;
    private final String cmisName;

    ConfigStatus(int code, String cmisName) {
        this.code = code;
        this.cmisName = cmisName;
    }

    public int code() { return code; }

    public String cmisName() { return cmisName; }

    public boolean isRejection() { return code >= 2 && code <= 7; }

    /** Decodes a 4-bit code; reserved codes give {@code null}. */
    public static ConfigStatus fromCode(int code) {
        for (ConfigStatus s : values()) if (s.code == code) return s;
        return null;
    }
}
