package org.openxpo.protocol.cdb;

import java.util.Arrays;

/**
 * The LPL layout of the two firmware commands that carry image bytes in the local payload, Start Download (0101h,
 * CMIS 5.3 §9.7.2) and Write Block LPL (0103h, §9.7.3): a U32 at byte 0, then a block of bytes from {@code blockAt} to
 * the end of the payload, at most the LPL less {@code blockAt}. The payload records keep their own names for the two
 * parts and delegate the layout, its checks and the content equality of the block here.
 *
 * @param what      the payload in error messages ("a Write Block LPL (0103h) payload")
 * @param valueName the CMIS name of the U32 ("BlockAddress")
 * @param blockName the block in error messages ("LPL block data")
 * @param blockAt   the byte the block starts at
 */
record LplBlock(String what, String valueName, String blockName, int blockAt) {

    /** The longest block: what fits the LPL after {@code blockAt}. */
    int maxBlock() { return CdbPage.MAX_LPL - blockAt; }

    /** A private copy of {@code block}, after checking it and {@code value} for a new payload. */
    byte[] checkedCopy(long value, byte[] block) {
        CdbBytes.checkU32(value, valueName);
        if (block == null || block.length > maxBlock()) {
            throw new IllegalArgumentException(blockName + " must be 0-" + maxBlock() + " bytes");
        }
        return CdbBytes.copy(block);
    }

    byte[] encode(long value, byte[] block) {
        byte[] b = new byte[blockAt + block.length];
        CdbBytes.put32(b, 0, value);
        System.arraycopy(block, 0, b, blockAt, block.length);
        return b;
    }

    /** The U32 of a received payload, after checking the payload's length. */
    long value(byte[] b) {
        CdbBytes.requireAtLeast(b, blockAt, what);
        if (b.length > CdbPage.MAX_LPL) throw new CdbFormatException(what + " is at most " + CdbPage.MAX_LPL + " bytes");
        return CdbBytes.u32(b, 0);
    }

    /** The block of a received payload whose length {@link #value} has checked. */
    byte[] block(byte[] b) { return Arrays.copyOfRange(b, blockAt, b.length); }

    /** Payloads compare by content, the block's bytes included. */
    static boolean equal(long value, byte[] block, long otherValue, byte[] otherBlock) {
        return value == otherValue && Arrays.equals(block, otherBlock);
    }

    static int hash(long value, byte[] block) { return Long.hashCode(value) * 31 + Arrays.hashCode(block); }
}
