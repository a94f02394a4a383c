package org.openxpo.protocol.cdb;

/**
 * How a module takes firmware blocks: byte 141 of the 0041h reply (CMIS 5.3 §9.7.2, FW Management Features,
 * WriteMechanism): through the local payload (0103h), the extended payload pages A0h.. (0104h), or both. A module that
 * takes no EPL writes advertises no EPL pages either (01h:163 bits 3-0 = 0).
 */
public enum FirmwareWriteMechanism {
    LPL_ONLY(0x01, true, false),
    EPL_ONLY(0x10, false, true),
    BOTH(0x11, true, true);

    private final int code;
    private final boolean lpl, epl;

    FirmwareWriteMechanism(int code, boolean lpl, boolean epl) {
        this.code = code;
        this.lpl = lpl;
        this.epl = epl;
    }

    /** The byte the 0041h reply carries. */
    public int code() { return code; }

    /** True when Write FW Block LPL (0103h) is taken. */
    public boolean lpl() { return lpl; }

    /** True when Write FW Block EPL (0104h) is taken. */
    public boolean epl() { return epl; }

    /** The mechanism a 0041h reply byte names, or null for 00h (none) and codes CMIS does not define. */
    public static FirmwareWriteMechanism fromCode(int code) {
        for (FirmwareWriteMechanism m : values()) if (m.code == code) return m;
        return null;
    }
}
