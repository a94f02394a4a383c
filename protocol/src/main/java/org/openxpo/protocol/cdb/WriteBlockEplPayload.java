package org.openxpo.protocol.cdb;

/**
 * Write Firmware Block EPL (0104h) command payload, CMIS 5.3 §9.7.4: bytes 136–139 BlockAddress (U32, the image offset
 * minus StartCmdPayloadSize); the block's data, EPLLength bytes (at most 2048), is in pages A0h–AFh.
 */
public record WriteBlockEplPayload(long blockAddress) {
    public static final int LENGTH = 4;
    /** The most data one EPL block carries: the 16 EPL pages (Linux always sends blocks of this size). */
    public static final int MAX_DATA = CdbPage.MAX_EPL;

    public WriteBlockEplPayload { CdbBytes.checkU32(blockAddress, "BlockAddress"); }

    public byte[] encode() { return CdbBytes.ofU32(blockAddress); }

    public static WriteBlockEplPayload decode(byte[] b) {
        return new WriteBlockEplPayload(CdbBytes.onlyU32(b, "a Write Block EPL (0104h) payload"));
    }
}
