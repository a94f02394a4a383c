package org.openxpo.protocol.cdb;

/**
 * Query Status (0000h) command payload, CMIS 5.3 §9.3.1: bytes 136–137 ResponseDelay, U16 ms (0 = answer at once).
 */
public record QueryStatusPayload(int responseDelayMs) {
    public static final int LENGTH = 2;

    public QueryStatusPayload { CdbBytes.checkU16(responseDelayMs, "ResponseDelay"); }

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        CdbBytes.put16(b, 0, responseDelayMs);
        return b;
    }

    public static QueryStatusPayload decode(byte[] b) {
        CdbBytes.requireLength(b, LENGTH, "a Query Status (0000h) payload");
        return new QueryStatusPayload(CdbBytes.u16(b, 0));
    }
}
