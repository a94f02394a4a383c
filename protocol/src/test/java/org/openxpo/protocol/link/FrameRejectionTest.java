package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frames a peer may send that the codec must refuse, each with the error a server would answer with. */
class FrameRejectionTest {

    /** A frame from a payload (type, id, body), with a correct length field. */
    private static byte[] frame(String payloadHex) {
        byte[] payload = Hex.bytes(payloadHex);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    private static LinkProtocolException refused(byte[] wire, LinkError expected) {
        LinkProtocolException e = assertThrows(LinkProtocolException.class, () -> FrameCodec.decode(ByteBuffer.wrap(wire)),
            () -> "accepted " + Hex.text(wire));
        assertEquals(expected, e.error(), e::getMessage);
        return e;
    }

    @Test
    void everyTruncationOfEveryFrameIsMalformed() {
        for (Frame f : SampleFrames.all()) {
            byte[] wire = FrameCodec.encode(f);
            for (int cut = 4; cut < wire.length; cut++) {
                byte[] truncated = Arrays.copyOf(wire, cut);
                ByteBuffer.wrap(truncated).putInt(0, cut - 4); // a consistent length field: the body itself is short
                refused(truncated, LinkError.MALFORMED_FRAME);
            }
            for (int cut = 0; cut < 4; cut++) refused(Arrays.copyOf(wire, cut), LinkError.MALFORMED_FRAME);
        }
    }

    @Test
    void aLengthFieldThatDisagreesWithTheBytesIsMalformed() {
        byte[] wire = FrameCodec.encode(new Frame.Ping(1));
        refused(Arrays.copyOf(wire, wire.length - 1), LinkError.MALFORMED_FRAME);
        refused(Arrays.copyOf(wire, wire.length + 1), LinkError.MALFORMED_FRAME);
    }

    @Test
    void trailingBytesAreMalformed() {
        refused(frame("02 00000001 00"), LinkError.MALFORMED_FRAME);
        refused(frame("10 00000001 0001 01 01 50 0001 FF"), LinkError.MALFORMED_FRAME); // a read carries no data
    }

    @Test
    void anOversizeLengthIsRefusedBeforeItsBodyIsLookedAt() {
        refused(Hex.bytes("00 01 00 01  02 00 00 00 01"), LinkError.FRAME_TOO_LARGE);
        refused(Hex.bytes("FF FF FF FF"), LinkError.FRAME_TOO_LARGE);
        assertThrows(LinkProtocolException.class,
            () -> FrameCodec.decodePayload(ByteBuffer.allocate(LinkLimits.MAX_FRAME_LENGTH + 1)));
    }

    @Test
    void aFrameOfExactlyTheBoundIsNotTooLarge() {
        byte[] text = new byte[LinkLimits.MAX_FRAME_LENGTH - 5];
        // an ERROR whose message is too long still fails as BAD_ARGUMENT, not FRAME_TOO_LARGE: the size was fine
        ByteBuffer.wrap(text).putShort(0, (short) 0x11).putShort(2, (short) (text.length - 4));
        refused(frame("FF 00000001" + Hex.text(text)), LinkError.BAD_ARGUMENT);
    }

    @Test
    void unknownTypesAreRefusedWithTheirRequestId() {
        for (int code = 0; code < 256; code++) {
            if (FrameType.fromCode(code) != null) continue;
            LinkProtocolException e = refused(frame(String.format("%02X 0000002A", code)), LinkError.UNKNOWN_TYPE);
            assertEquals(42, e.requestId());
            assertTrue(!e.error().closesConnection(), "a newer minor's request must not end the session");
        }
    }

    @Test
    void requestIdZeroIsReservedForEvents() {
        refused(frame("02 00000000"), LinkError.MALFORMED_FRAME);
        refused(frame("E0 00000007 01 0001 0000000000000000 01"), LinkError.MALFORMED_FRAME);
        assertEquals(0, ((Frame.ErrorReply) FrameCodec.decode(ByteBuffer.wrap(frame("FF 00000000 0001 0000")))).requestId());
    }

    @Test
    void transferCountsOutsideOneToSixtyFourAreBadArguments() {
        LinkProtocolException none = refused(frame("10 00000005 0001 00"), LinkError.BAD_ARGUMENT);
        assertEquals(5, none.requestId());
        refused(frame("10 00000005 0001 41" + " 01 50 0000".repeat(65)), LinkError.BAD_ARGUMENT);
        refused(frame("90 00000005 00"), LinkError.BAD_ARGUMENT);
        refused(frame("14 00000005 0001 00"), LinkError.BAD_ARGUMENT); // a batch without transfers
        refused(frame("14 00000005 0001 41" + " 01 01 50 0000".repeat(65)), LinkError.BAD_ARGUMENT);
        refused(frame("14 00000005 0001 01 00"), LinkError.BAD_ARGUMENT); // a transfer without messages
        refused(frame("94 00000005 00"), LinkError.BAD_ARGUMENT);
    }

    @Test
    void countsBeyondTheDataAreMalformed() {
        refused(frame("10 00000001 0001 03  01 50 0080  01 50 0080"), LinkError.MALFORMED_FRAME);
        refused(frame("10 00000001 0001 01  00 50 2000 00"), LinkError.MALFORMED_FRAME); // 8192 write bytes announced
        refused(frame("83 00000001 FFFF 0001 01"), LinkError.MALFORMED_FRAME); // 65535 cages announced
        refused(frame("93 00000001 FF"), LinkError.MALFORMED_FRAME);
        refused(frame("14 00000001 0001 02  01 00 50 0002 7F A0"), LinkError.MALFORMED_FRAME); // a second transfer announced
        refused(frame("94 00000001 01  02 00 FFFF 0000"), LinkError.MALFORMED_FRAME);
        refused(frame("FF 00000001 0001 FFFF"), LinkError.BAD_ARGUMENT); // text longer than any text may be
    }

    @Test
    void valuesOutOfRangeAreBadArguments() {
        refused(frame("10 00000001 0001 01 01 80 0001"), LinkError.BAD_ARGUMENT); // address 0x80
        refused(frame("10 00000001 0001 01 01 50 2001"), LinkError.BAD_ARGUMENT); // read of 8193
        refused(frame("10 00000001 0001 05" + " 01 50 2000".repeat(5)), LinkError.BAD_ARGUMENT); // 40 KiB transfer
        refused(frame("90 00000001 01 06 FFFF 0000"), LinkError.BAD_ARGUMENT); // unknown status
        refused(frame("90 00000001 01 02 2000 0000"), LinkError.BAD_ARGUMENT); // nack index past any message
        refused(frame("20 00000001 0001 63 01"), LinkError.BAD_ARGUMENT); // unknown pin
        refused(frame("30 00000001 0000 20"), LinkError.BAD_ARGUMENT); // unknown event kind bit
        refused(frame("E0 00000000 09 0001 0000000000000000"), LinkError.BAD_ARGUMENT); // unknown event kind
        refused(frame("E0 00000000 02 0001 0000000000000000 08 00"), LinkError.BAD_ARGUMENT); // IBI without its byte
        refused(frame("13 00000001 0001 80"), LinkError.BAD_ARGUMENT); // ENTDAA from 0x80
    }

    @Test
    void ambiguousEncodingsAreMalformed() {
        refused(frame("20 00000001 0001 01 02"), LinkError.MALFORMED_FRAME); // level byte 2
        refused(frame("10 00000001 0001 01 03 50 0001"), LinkError.MALFORMED_FRAME); // reserved flag bit
        refused(frame("90 00000001 01 00 0003 0000"), LinkError.MALFORMED_FRAME); // nack index on an ACK
        refused(frame("A1 00000001 02 02 00 01 01"), LinkError.MALFORMED_FRAME); // pins out of order
        refused(frame("A1 00000001 02 01 00 01 01"), LinkError.MALFORMED_FRAME); // pin repeated
        refused(frame("FF 00000001 0001 0002 C3 28"), LinkError.MALFORMED_FRAME); // invalid UTF-8
        refused(frame("FF 00000001 0001 0003 ED A0 80"), LinkError.MALFORMED_FRAME); // UTF-8 of a lone surrogate
    }

    @Test
    void helloNeedsTheMagic() {
        refused(frame("01 00000001 58 50 4F 4D 01 00 0000"), LinkError.MALFORMED_FRAME);
    }

    @Test
    void helloOfAnotherMajorDecodesSoTheServerCanRefuseItCleanly() {
        var hello = (Frame.Hello) FrameCodec.decode(ByteBuffer.wrap(frame("01 00000001 58 50 4F 4C 02 03 DE AD BE EF")));
        assertEquals(2, hello.major());
        assertEquals(3, hello.minor());
        assertTrue(!LinkVersion.accepts(hello.major()));
    }

    @Test
    void errorCodesFromANewerPeerReadAsInternalAndKeepTheirNumber() {
        var error = (Frame.ErrorReply) FrameCodec.decode(ByteBuffer.wrap(frame("FF 00000009 0123 0002 68 69")));
        assertEquals(0x0123, error.code());
        assertEquals(LinkError.INTERNAL, error.error());
        assertEquals("hi", error.message());
    }
}
