package org.openxpo.protocol.types;

/** ModuleFaultCause (00h:41): CMIS codes 0–3 and the XPO profile's custom codes 32–63. */
public enum FaultCause {
    NONE(0, "no fault"),
    TEC_RUNAWAY(1, "TEC runaway"),
    DATA_MEMORY_CORRUPTED(2, "data memory corrupted"),
    PROGRAM_MEMORY_CORRUPTED(3, "program memory corrupted"),
    OVER_TEMPERATURE(32, "XPO: over-temperature shutdown (a paddle-card hot zone exceeded its shutdown limit)"),
    INPUT_OVER_VOLTAGE(33, "XPO: 50 V input over-voltage"),
    COOLANT_LEAK(34, "XPO: coolant leak, protective shutdown"),
    FIRMWARE_FAULT(35, "XPO: module firmware fault");

    private final int code;
    private final String meaning;

    FaultCause(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() { return code; }

    public String meaning() { return meaning; }

    public static FaultCause fromCode(int code) {
        for (FaultCause c : values()) if (c.code == code) return c;
        return null;
    }

    public static String describe(int code) {
        FaultCause c = fromCode(code);
        return c != null ? c.meaning : code >= 32 && code <= 63 ? "custom fault " + code : "reserved fault " + code;
    }
}
