package org.openxpo.protocol.cdb;

/**
 * How a module takes (WriteMechanism, 0041h byte 141) or gives back (ReadMechanism, byte 142) firmware blocks: through
 * the local payload (LPL, 0103h/0105h), the extended payload pages (EPL, 0104h/0106h), both, or not at all.
 */
public enum TransferMechanism {
    NONE(0x00), LPL_ONLY(0x01), EPL_ONLY(0x10), BOTH(0x11);

    private final int code;

    TransferMechanism(int code) { this.code = code; }

    public int code() { return code; }

    public boolean lpl() { return this == LPL_ONLY || this == BOTH; }

    public boolean epl() { return this == EPL_ONLY || this == BOTH; }

    public static TransferMechanism fromCode(int code) {
        for (TransferMechanism m : values()) if (m.code == code) return m;
        throw new CdbFormatException(String.format("transfer mechanism %02Xh is none of 00h, 01h, 10h, 11h", code));
    }
}
