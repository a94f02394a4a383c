package org.openxpo.protocol.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one frame big-endian: reserves the length field, writes the header, and patches the length at the end. */
final class FrameWriter {
    private byte[] buf = new byte[64];
    private int size;

    FrameWriter(FrameType type, int requestId) {
        u32(0);
        u8(type.code());
        u32(requestId);
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void u32(int v) {
        u16(v >>> 16);
        u16(v);
    }

    void u48(long v) {
        u16((int) (v >>> 32));
        u32((int) v);
    }

    void u64(long v) {
        u32((int) (v >>> 32));
        u32((int) v);
    }

    void bool(boolean v) { u8(v ? 1 : 0); }

    void bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, buf, size, data.length);
        size += data.length;
    }

    /** The records already fitted the text to {@link LinkLimits#MAX_TEXT_BYTES}. */
    void text(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        u16(utf8.length);
        bytes(utf8);
    }

    byte[] finish() {
        int length = size - LinkLimits.LENGTH_FIELD;
        if (length > LinkLimits.MAX_FRAME_LENGTH)
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds " + LinkLimits.MAX_FRAME_LENGTH);
        buf[0] = (byte) (length >>> 24);
        buf[1] = (byte) (length >>> 16);
        buf[2] = (byte) (length >>> 8);
        buf[3] = (byte) length;
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
