package org.openxpo.protocol.cdb;

/**
 * Query Status (0000h) reply, CMIS 5.3 §9.3.1: byte 136 the length of the status (1), byte 137 the status: 00h module
 * boot-up, bit 0 host password accepted, bit 7 module password accepted. The Linux kernel requires both bytes non-zero.
 */
public record QueryStatusReply(int status) {
    public static final int LENGTH = CdbCommand.QUERY_STATUS.replyLength();
    private static final int STATUS_LENGTH = 1;
    private static final int HOST_PASSWORD_ACCEPTED = 0x01, MODULE_PASSWORD_ACCEPTED = 0x80;

    public QueryStatusReply { CdbBytes.checkU8(status, "status"); }

    /** The reply of a module that has ({@code true}) or has not yet accepted the host password. */
    public static QueryStatusReply hostPassword(boolean accepted) {
        return new QueryStatusReply(accepted ? HOST_PASSWORD_ACCEPTED : 0);
    }

    public boolean hostPasswordAccepted() { return (status & HOST_PASSWORD_ACCEPTED) != 0; }

    public boolean modulePasswordAccepted() { return (status & MODULE_PASSWORD_ACCEPTED) != 0; }

    public byte[] encode() { return new byte[] {STATUS_LENGTH, (byte) status}; }

    public static QueryStatusReply decode(byte[] b) {
        CdbBytes.requireLength(b, LENGTH, "a Query Status (0000h) reply");
        if ((b[0] & 0xFF) != STATUS_LENGTH) {
            throw new CdbFormatException("Query Status (0000h) reply: status length " + (b[0] & 0xFF) + ", not 1");
        }
        return new QueryStatusReply(b[1] & 0xFF);
    }
}
