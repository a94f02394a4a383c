package org.openxpo.protocol.cdb;

/** CDB command IDs the XPO profile implements (cmis-digest §5.3), with the exact reply lengths hosts check. */
public enum CdbCommand {
    QUERY_STATUS(0x0000, 2),
    ENTER_PASSWORD(0x0001, 0),
    CHANGE_PASSWORD(0x0002, 0),
    ABORT(0x0004, 0),
    MODULE_FEATURES(0x0040, 36),
    FW_MANAGEMENT_FEATURES(0x0041, 18),
    GET_FIRMWARE_INFO(0x0100, 110),
    START_DOWNLOAD(0x0101, 0),
    ABORT_DOWNLOAD(0x0102, 0),
    WRITE_BLOCK_LPL(0x0103, 0),
    WRITE_BLOCK_EPL(0x0104, 0),
    COMPLETE_DOWNLOAD(0x0107, 0),
    RUN_IMAGE(0x0109, 0),
    COMMIT_IMAGE(0x010A, 0);

    private final int id;
    private final int replyLength;

    CdbCommand(int id, int replyLength) {
        this.id = id;
        this.replyLength = replyLength;
    }

    public int id() { return id; }

    /** RPLLength the module reports (current kernels require an exact match). */
    public int replyLength() { return replyLength; }

    public boolean isFirmwareCommand() { return id >= 0x0100; }

    public static CdbCommand of(int id) {
        for (CdbCommand c : values()) if (c.id == id) return c;
        return null;
    }

    /** Ones' complement of the sum of bytes 128..135+LPLLength of page 9Fh, with byte 133 counted as 0. */
    public static int checkCode(byte[] page9f, int lplLength) {
        int sum = 0;
        for (int a = CdbPage.COMMAND_ID; a < CdbPage.LPL + lplLength; a++) {
            if (a != CdbPage.CHECK_CODE) sum += page9f[a] & 0xFF;
        }
        return (~sum) & 0xFF;
    }
}
