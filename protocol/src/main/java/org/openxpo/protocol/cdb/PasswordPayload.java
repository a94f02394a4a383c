package org.openxpo.protocol.cdb;

/**
 * Enter Password (0001h) and Change Password (0002h) command payload, CMIS 5.3 §9.3.2–9.3.3: bytes 136–139 the
 * password, U32. A new password with bit 31 set is refused (status 42h): that range is the module's own.
 */
public record PasswordPayload(long password) {
    public static final int LENGTH = 4;
    /** The default host password SONiC enters after a password error. */
    public static final long DEFAULT_HOST_PASSWORD = 0x00001011L;
    private static final long MODULE_RANGE = 0x8000_0000L;

    public PasswordPayload { CdbBytes.checkU32(password, "password"); }

    /** False for passwords a host may not set (bit 31 set). */
    public boolean settableByHost() { return (password & MODULE_RANGE) == 0; }

    public byte[] encode() { return CdbBytes.ofU32(password); }

    public static PasswordPayload decode(byte[] b) {
        return new PasswordPayload(CdbBytes.onlyU32(b, "a password (0001h/0002h) payload"));
    }
}
