package org.openxpo.protocol.link;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads over one frame that check the remaining bytes first, so a lying count or length fails as
 * MALFORMED_FRAME before anything is allocated, and nothing but {@link LinkProtocolException} escapes.
 */
final class FrameReader {
    private final ByteBuffer in;
    private int requestId;

    FrameReader(ByteBuffer in) { this.in = in; }

    /** The id errors found from now on are reported against. */
    void requestId(int id) { requestId = id; }

    int remaining() { return in.remaining(); }

    int u8() {
        need(1);
        return in.get() & 0xFF;
    }

    int u16() {
        need(2);
        return in.getShort() & 0xFFFF;
    }

    /** An unsigned 32-bit value in an int's bits. */
    int u32() {
        need(4);
        return in.getInt();
    }

    long u48() {
        need(6);
        return (long) (in.getShort() & 0xFFFF) << 32 | Integer.toUnsignedLong(in.getInt());
    }

    long u64() {
        need(8);
        return in.getLong();
    }

    /** A byte that must be 0 or 1: any other value would make two encodings mean the same thing. */
    boolean bool() {
        int b = u8();
        if (b > 1) throw malformed("boolean byte " + b);
        return b == 1;
    }

    byte[] bytes(int length) {
        need(length);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** u16 length + UTF-8; invalid UTF-8 is refused rather than replaced, so the text reads back as sent. */
    String text() {
        int length = u16();
        if (length > LinkLimits.MAX_TEXT_BYTES) throw badArgument("text of " + length + " bytes");
        ByteBuffer utf8 = ByteBuffer.wrap(bytes(length));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw malformed("text is not valid UTF-8");
        }
    }

    void need(int bytes) {
        if (bytes > in.remaining())
            throw malformed("truncated: needs " + bytes + " more bytes, " + in.remaining() + " left");
    }

    void skipRest() { in.position(in.limit()); }

    void expectEnd() {
        if (in.hasRemaining()) throw malformed(in.remaining() + " unexpected trailing bytes");
    }

    LinkProtocolException malformed(String message) {
        return new LinkProtocolException(LinkError.MALFORMED_FRAME, requestId, message);
    }

    LinkProtocolException badArgument(String message) {
        return new LinkProtocolException(LinkError.BAD_ARGUMENT, requestId, message);
    }
}
