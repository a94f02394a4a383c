package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openxpo.protocol.link.SameContent.assertSameContent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.I2cResult;

class FrameCodecRoundTripTest {

    private static Frame roundTrip(Frame frame) {
        byte[] wire = FrameCodec.encode(frame);
        Frame back = FrameCodec.decode(ByteBuffer.wrap(wire));
        assertSameContent(frame, back);
        assertArrayEquals(wire, FrameCodec.encode(back), "re-encoding " + frame.type());
        return back;
    }

    @Test
    void everyFrameTypeSurvivesEncodeDecode() {
        Set<FrameType> covered = EnumSet.noneOf(FrameType.class);
        for (Frame frame : SampleFrames.all()) covered.add(roundTrip(frame).type());
        assertEquals(EnumSet.allOf(FrameType.class), covered, "sample frames cover every type");
    }

    @Test
    void everyEventKindSurvivesEncodeDecode() {
        Set<EventKind> kinds = SampleFrames.all().stream()
            .filter(f -> f instanceof Frame.Event)
            .map(f -> EventKind.of(((Frame.Event) roundTrip(f)).event()))
            .collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(EventKind.class), kinds);
    }

    @Test
    void seededRandomFramesSurviveEncodeDecode() {
        Random rnd = new Random(7);
        for (int i = 0; i < 5_000; i++) roundTrip(SampleFrames.random(rnd));
    }

    @Test
    void readDataAndNackIndexArriveIntact() {
        var result = (Frame.TransferResult) roundTrip(SampleFrames.pageReadResult());
        assertArrayEquals(SampleFrames.counting(128), result.results().get(2).data());
        var nack = (Frame.TransferResult) roundTrip(new Frame.TransferResult(3,
            java.util.List.of(I2cResult.dataNack(5), I2cResult.of(I2cResult.Status.SKIPPED))));
        assertEquals(5, nack.results().get(0).nackIndex());
        assertEquals(-1, nack.results().get(1).nackIndex());
    }

    @Test
    void decodeIgnoresTheCallersByteOrderAndPosition() {
        byte[] wire = FrameCodec.encode(SampleFrames.pageRead());
        ByteBuffer buffer = ByteBuffer.allocate(wire.length + 3).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[3]).put(wire).flip().position(3);
        assertSameContent(SampleFrames.pageRead(), FrameCodec.decode(buffer));
        assertEquals(3, buffer.position());
    }

    @Test
    void decodePayloadTakesTheBytesAfterTheLengthField() {
        byte[] wire = FrameCodec.encode(new Frame.Ping(9));
        assertEquals(new Frame.Ping(9), FrameCodec.decodePayload(ByteBuffer.wrap(wire, 4, wire.length - 4)));
    }
}
