package org.openxpo.protocol.cdb;

import org.openxpo.protocol.units.Codecs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reading and writing the big-endian fields of CDB payloads and replies, with their length checks. */
final class CdbBytes {
    private CdbBytes() {}

    static void requireLength(byte[] b, int length, String what) {
        if (b == null) throw new CdbFormatException(what + ": no bytes");
        if (b.length != length) {
            throw new CdbFormatException(what + " is " + length + " bytes, not " + b.length);
        }
    }

    static void requireAtLeast(byte[] b, int length, String what) {
        if (b == null) throw new CdbFormatException(what + ": no bytes");
        if (b.length < length) {
            throw new CdbFormatException(what + " needs at least " + length + " bytes, got " + b.length);
        }
    }

    /** The U32 a payload of exactly those 4 bytes carries. */
    static long onlyU32(byte[] b, String what) {
        requireLength(b, 4, what);
        return u32(b, 0);
    }

    /** A payload of the one U32 {@code v}. */
    static byte[] ofU32(long v) {
        byte[] b = new byte[4];
        put32(b, 0, v);
        return b;
    }

    static int u16(byte[] b, int at) { return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF); }

    static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, long v) {
        for (int k = 3; k >= 0; k--) {
            b[at + k] = (byte) v;
            v >>>= 8;
        }
    }

    static int checkU8(int v, String what) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(what + " " + v + " is not 0-255");
        return v;
    }

    static int checkU16(int v, String what) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException(what + " " + v + " is not 0-65535");
        return v;
    }

    static long checkU32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException(what + " " + v + " is not a U32");
        return v;
    }

    /** ASCII text of {@code length} bytes at {@code at}, NUL padding and trailing spaces removed. */
    static String ascii(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.US_ASCII).replace("\0", "").trim();
    }

    static void putAscii(byte[] b, int at, int length, String text, String what) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        if (t.length > length || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException(what + " '" + text + "' is not ASCII of at most " + length + " characters");
        }
        System.arraycopy(t, 0, b, at, t.length);
    }

    /**
     * Keeps a reply's check code (RPLChkCode) non-zero, which the Linux kernel requires, by flipping bit 7 of a byte or
     * bit field the command reserves ({@code reservedIndex}); decoders ignore it.
     */
    static byte[] withNonZeroCheck(byte[] reply, int reservedIndex) {
        if (Codecs.onesComplementChecksum(reply, 0, reply.length) == 0) reply[reservedIndex] ^= (byte) 0x80;
        return reply;
    }

    static byte[] copy(byte[] b) { return Arrays.copyOf(b, b.length); }
}
