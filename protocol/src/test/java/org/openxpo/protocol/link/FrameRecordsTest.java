package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.TargetEvent;

/** The records refuse what could not be encoded, so an encoder never produces bytes its peer must refuse. */
class FrameRecordsTest {

    @Test
    void requestsNeedANonZeroId() {
        assertThrows(IllegalArgumentException.class, () -> new Frame.Ping(0));
        assertThrows(IllegalArgumentException.class, () -> Frame.Hello.current(0, "x"));
        assertEquals(0, new Frame.Event(new TargetEvent.Presence(1, 0, true)).requestId());
    }

    @Test
    void transfersHoldOneToSixtyFourMessagesAndAtMostThirtyTwoKiB() {
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cTransfer(1, 1, List.of()));
        assertThrows(IllegalArgumentException.class,
            () -> new Frame.I2cTransfer(1, 1, Collections.nCopies(65, I2cMessage.read(0x50, 1))));
        assertThrows(IllegalArgumentException.class,
            () -> new Frame.I3cTransfer(1, 1, Collections.nCopies(5, I2cMessage.read(0x50, 8192))));
        var biggest = new Frame.I2cTransfer(1, 1, Collections.nCopies(4, I2cMessage.write(0x50, new byte[8192])));
        assertTrue(FrameCodec.encode(biggest).length < LinkLimits.MAX_FRAME_LENGTH);
    }

    @Test
    void batchesHoldOneToSixtyFourTransfersAndShareTheByteAndMessageBounds() {
        List<I2cMessage> select = List.of(I2cMessage.write(0x50, (byte) 0x7F, (byte) 0xA0));
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cBatch(1, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cBatch(1, 1, Collections.nCopies(65, select)));
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cBatch(1, 1, List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cBatch(1, 1,
            Collections.nCopies(5, List.of(I2cMessage.write(0x50, new byte[8192])))));
        assertThrows(IllegalArgumentException.class, () -> new Frame.I2cBatch(1, 1,
            Collections.nCopies(5, Collections.nCopies(52, I2cMessage.read(0x50, 1)))));
        var biggest = new Frame.I2cBatch(1, 1, Collections.nCopies(64, Collections.nCopies(4, I2cMessage.write(0x50, new byte[128]))));
        assertTrue(FrameCodec.encode(biggest).length < LinkLimits.MAX_FRAME_LENGTH);
        var biggestResult = new Frame.BatchResult(1, Collections.nCopies(64, Collections.nCopies(4, I2cResult.ack(new byte[128]))));
        assertTrue(FrameCodec.encode(biggestResult).length < LinkLimits.MAX_FRAME_LENGTH);
    }

    @Test
    void theLargestResultFitsInAFrame() {
        var results = new java.util.ArrayList<>(Collections.nCopies(60, I2cResult.ack()));
        results.addAll(Collections.nCopies(4, I2cResult.ack(new byte[8192])));
        assertTrue(FrameCodec.encode(new Frame.TransferResult(1, results)).length < LinkLimits.MAX_FRAME_LENGTH);
    }

    @Test
    void resultsAreKeptInWireForm() {
        var result = new Frame.TransferResult(1, List.of(new I2cResult(I2cResult.Status.ACK, 4, null)));
        assertEquals(-1, result.results().get(0).nackIndex());
        assertEquals(0, result.results().get(0).data().length);
        assertThrows(IllegalArgumentException.class,
            () -> new Frame.TransferResult(1, List.of(I2cResult.dataNack(-1))));
        assertEquals(0, new Frame.CccAnswer(1, new CccResult(true, null)).result().data().length);
    }

    @Test
    void longTextsAreCutAtACharacterBoundary() {
        String text = "é".repeat(600); // 1200 UTF-8 bytes
        var error = new Frame.ErrorReply(1, LinkError.INTERNAL, text);
        assertEquals(512, error.message().length());
        var reset = new Frame.Event(new TargetEvent.Reset(1, 0, "ü" + "x".repeat(2000)));
        assertEquals(LinkLimits.MAX_TEXT_BYTES, ((TargetEvent.Reset) reset.event()).cause().getBytes(StandardCharsets.UTF_8).length);
        var decoded = (Frame.ErrorReply) FrameCodec.decode(ByteBuffer.wrap(FrameCodec.encode(error)));
        assertEquals(error, decoded);
    }

    @Test
    void ibiPayloadsCarryTheMandatoryByte() {
        assertThrows(IllegalArgumentException.class, () -> new Frame.Event(new TargetEvent.Ibi(1, 0, 0x08, new byte[0])));
        assertThrows(IllegalArgumentException.class, () -> new Frame.Event(new TargetEvent.Ibi(1, 0, 0x08, new byte[256])));
    }

    @Test
    void subscriptionMasksHaveOneBitPerKind() {
        assertEquals(0x1F, EventKind.mask(EventKind.all()));
        assertEquals(EnumSet.of(EventKind.INT_L, EventKind.PRESENCE), EventKind.fromMask(0x05));
        assertThrows(IllegalArgumentException.class, () -> EventKind.fromMask(0x40));
    }

    @Test
    void fatalErrorsAreTheOnesThatBreakTheStreamOrTheSession() {
        for (LinkError e : LinkError.values()) assertEquals(e, LinkError.fromCode(e.code()));
        assertTrue(LinkError.MALFORMED_FRAME.closesConnection());
        assertTrue(LinkError.VERSION_MISMATCH.closesConnection());
        assertTrue(!LinkError.UNKNOWN_CAGE.closesConnection());
        assertTrue(!LinkError.BUSY.closesConnection());
    }
}
