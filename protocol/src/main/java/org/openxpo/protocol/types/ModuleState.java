package org.openxpo.protocol.types;

/** CMIS module state (00h:3 bits 3-1). Resetting and MgmtInit are not reported in the register. */
public enum ModuleState {
    RESETTING(0, "Resetting"),
    MGMT_INIT(0, "MgmtInit"),
    LOW_PWR(1, "ModuleLowPwr"),
    PWR_UP(2, "ModulePwrUp"),
    READY(3, "ModuleReady"),
    PWR_DN(4, "ModulePwrDn"),
    FAULT(5, "ModuleFault");

    private final int code;
    private final String cmisName;

    ModuleState(int code, String cmisName) {
        this.code = code;
        this.cmisName = cmisName;
    }

    /** The 3-bit code in 00h:3 (0 for the unreported states). */
    public int code() { return code; }

    /** The CMIS name, e.g. "ModuleReady". */
    public String cmisName() { return cmisName; }

    /** Decodes 00h:3 bits 3-1; reserved codes give {@code null}. */
    public static ModuleState fromCode(int code) {
        return switch (code) {
            case 1 -> LOW_PWR;
            case 2 -> PWR_UP;
            case 3 -> READY;
            case 4 -> PWR_DN;
            case 5 -> FAULT;
            default -> null;
        };
    }
}
