package org.openxpo.protocol.types;

/** CDB status byte (00h:37): bit7 busy, bit6 failed, bits 5-0 result (cmis-digest §5.2). */
public enum CdbStatus {
    IDLE(0x00, "no command yet"),
    SUCCESS(0x01, "command completed successfully"),
    ABORTED(0x03, "previous command was aborted"),
    BUSY_CAPTURED(0x81, "command captured"),
    BUSY_CHECKING(0x82, "checking/validating command"),
    BUSY_EXECUTING(0x83, "executing command"),
    FAILED(0x40, "failed, no specific reason"),
    UNKNOWN_COMMAND(0x41, "unknown CMDID"),
    PARAMETER_ERROR(0x42, "parameter range error or not supported"),
    NOT_ABORTED(0x43, "previous command not properly aborted"),
    CHECKING_TIMEOUT(0x44, "command checking timeout"),
    CHECK_CODE_ERROR(0x45, "CdbChkCode error"),
    PASSWORD_ERROR(0x46, "password error"),
    INCOMPATIBLE(0x47, "command not compatible with operating status"),
    IMAGE_INVALID(0x60, "firmware image failed validation"),
    SEQUENCE_ERROR(0x61, "firmware download out of sequence"),
    BLOCK_ERROR(0x62, "firmware block out of range or failed to write");

    private final int code;
    private final String meaning;

    CdbStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() { return code; }

    public String meaning() { return meaning; }

    public static boolean isBusy(int status) { return (status & 0x80) != 0; }

    public static boolean isFailed(int status) { return (status & 0xC0) == 0x40; }

    /** Decodes a status byte; unlisted codes give {@code null}. */
    public static CdbStatus fromCode(int code) {
        for (CdbStatus s : values()) if (s.code == (code & 0xFF)) return s;
        return null;
    }

    /** A readable description of any status byte. */
    public static String describe(int status) {
        CdbStatus s = fromCode(status);
        return String.format("0x%02X (%s)", status & 0xFF, s != null ? s.meaning
            : isBusy(status) ? "busy" : isFailed(status) ? "failed" : "success");
    }
}
