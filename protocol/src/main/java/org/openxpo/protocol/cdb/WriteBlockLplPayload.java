package org.openxpo.protocol.cdb;

import java.util.Arrays;

/**
 * Write Firmware Block LPL (0103h) command payload, CMIS 5.3 §9.7.3: bytes 136–139 BlockAddress (U32, the image offset
 * minus StartCmdPayloadSize), then the block's data, at most 116 bytes.
 */
public record WriteBlockLplPayload(long blockAddress, byte[] data) {
    public static final int ADDRESS_LENGTH = 4;
    /** The most data one LPL block carries: the LPL less the address. */
    public static final int MAX_DATA = CdbPage.MAX_LPL - ADDRESS_LENGTH;

    public WriteBlockLplPayload {
        CdbBytes.checkU32(blockAddress, "BlockAddress");
        if (data == null || data.length > MAX_DATA) throw new IllegalArgumentException("LPL block data must be 0-" + MAX_DATA + " bytes");
        data = CdbBytes.copy(data);
    }

    @Override public byte[] data() { return CdbBytes.copy(data); }

    public byte[] encode() {
        byte[] b = new byte[ADDRESS_LENGTH + data.length];
        CdbBytes.put32(b, 0, blockAddress);
        System.arraycopy(data, 0, b, ADDRESS_LENGTH, data.length);
        return b;
    }

    public static WriteBlockLplPayload decode(byte[] b) {
        CdbBytes.requireAtLeast(b, ADDRESS_LENGTH, "a Write Block LPL (0103h) payload");
        if (b.length > ADDRESS_LENGTH + MAX_DATA) {
            throw new CdbFormatException("a Write Block LPL (0103h) payload is at most " + (ADDRESS_LENGTH + MAX_DATA) + " bytes");
        }
        return new WriteBlockLplPayload(CdbBytes.u32(b, 0), Arrays.copyOfRange(b, ADDRESS_LENGTH, b.length));
    }

    @Override public boolean equals(Object o) {
        return o instanceof WriteBlockLplPayload p && p.blockAddress == blockAddress && Arrays.equals(p.data, data);
    }

    @Override public int hashCode() { return Long.hashCode(blockAddress) * 31 + Arrays.hashCode(data); }

    @Override public String toString() {
        return "WriteBlockLplPayload[blockAddress=" + blockAddress + ", data=" + data.length + " bytes]";
    }
}
