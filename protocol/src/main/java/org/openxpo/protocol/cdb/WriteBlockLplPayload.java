package org.openxpo.protocol.cdb;

/**
 * Write Firmware Block LPL (0103h) command payload, CMIS 5.3 §9.7.3: bytes 136–139 BlockAddress (U32, the image offset
 * minus StartCmdPayloadSize), then the block's data, at most 116 bytes.
 */
public record WriteBlockLplPayload(long blockAddress, byte[] data) {
    public static final int ADDRESS_LENGTH = 4;
    private static final LplBlock LAYOUT =
        new LplBlock("a Write Block LPL (0103h) payload", "BlockAddress", "LPL block data", ADDRESS_LENGTH);
    /** The most data one LPL block carries: the LPL less the address. */
    public static final int MAX_DATA = LAYOUT.maxBlock();

    public WriteBlockLplPayload { data = LAYOUT.checkedCopy(blockAddress, data); }

    @Override public byte[] data() { return CdbBytes.copy(data); }

    public byte[] encode() { return LAYOUT.encode(blockAddress, data); }

    public static WriteBlockLplPayload decode(byte[] b) { return new WriteBlockLplPayload(LAYOUT.value(b), LAYOUT.block(b)); }

    @Override public boolean equals(Object o) {
        return o instanceof WriteBlockLplPayload p && LplBlock.equal(blockAddress, data, p.blockAddress, p.data);
    }

    @Override public int hashCode() { return LplBlock.hash(blockAddress, data); }

    @Override public String toString() {
        return "WriteBlockLplPayload[blockAddress=" + blockAddress + ", data=" + data.length + " bytes]";
    }
}
