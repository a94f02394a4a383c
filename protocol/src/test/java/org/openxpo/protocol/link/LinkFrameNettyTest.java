package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openxpo.protocol.link.SameContent.assertSameContent;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Netty adapter in an EmbeddedChannel: stream cutting, ordering of frames and refusals, and the size bound. */
class LinkFrameNettyTest {

    /** Records frames and refusals in the order the pipeline delivers them. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> seen = new ArrayList<>();

        @Override public void channelRead(ChannelHandlerContext ctx, Object msg) { seen.add(msg); }

        @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) { seen.add(cause); }
    }

    private final Recorder recorder = new Recorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(new LinkFrameDecoder(), recorder);

    private void feed(byte[]... chunks) {
        for (byte[] chunk : chunks) channel.writeInbound(Unpooled.wrappedBuffer(chunk));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void theEncoderWritesWhatTheCodecEncodes() {
        EmbeddedChannel out = new EmbeddedChannel(new LinkFrameEncoder());
        out.writeOutbound(SampleFrames.pageRead());
        ByteBuf written = out.readOutbound();
        assertArrayEquals(FrameCodec.encode(SampleFrames.pageRead()), ByteBufUtil.getBytes(written));
        written.release();
    }

    @Test
    void aFrameArrivingByteByByteIsDeliveredOnceComplete() {
        byte[] wire = FrameCodec.encode(SampleFrames.pageReadResult());
        for (int i = 0; i < wire.length - 1; i++) feed(new byte[] {wire[i]});
        assertTrue(recorder.seen.isEmpty(), "nothing before the last byte");
        feed(new byte[] {wire[wire.length - 1]});
        assertEquals(1, recorder.seen.size());
        assertSameContent(SampleFrames.pageReadResult(), recorder.seen.get(0));
    }

    @Test
    void severalFramesInOneBufferComeOutInOrder() {
        List<Frame> frames = SampleFrames.all();
        feed(concat(frames.stream().map(FrameCodec::encode).toArray(byte[][]::new)));
        assertEquals(frames.size(), recorder.seen.size());
        for (int i = 0; i < frames.size(); i++) assertSameContent(frames.get(i), recorder.seen.get(i));
    }

    @Test
    void anOversizeLengthIsRefusedFromItsFourBytesAndTheStreamIsDropped() {
        feed(new byte[] {0x00, 0x01, 0x00, 0x01}); // announces 64 KiB + 1: refused without waiting for the body
        var refusal = assertInstanceOf(LinkProtocolException.class, recorder.seen.get(0));
        assertEquals(LinkError.FRAME_TOO_LARGE, refusal.error());
        feed(FrameCodec.encode(new Frame.Ping(1)));
        assertEquals(1, recorder.seen.size(), "nothing is decoded after a fatal refusal");
    }

    @Test
    void aNonFatalRefusalKeepsItsPlaceAndDecodingGoesOn() {
        byte[] unknownType = Hex.bytes("00 00 00 05  7A  00 00 00 02");
        feed(concat(FrameCodec.encode(new Frame.Ping(1)), unknownType, FrameCodec.encode(new Frame.Ping(3))));
        assertEquals(new Frame.Ping(1), recorder.seen.get(0));
        var refusal = assertInstanceOf(LinkProtocolException.class, recorder.seen.get(1));
        assertEquals(LinkError.UNKNOWN_TYPE, refusal.error());
        assertEquals(new Frame.ErrorReply(2, LinkError.UNKNOWN_TYPE, refusal.getMessage()), refusal.toReply());
        assertEquals(new Frame.Ping(3), recorder.seen.get(2));
    }

    @Test
    void aMalformedFrameEndsDecoding() {
        feed(concat(Hex.bytes("00 00 00 06  02  00 00 00 01  00"), FrameCodec.encode(new Frame.Ping(2))));
        assertEquals(1, recorder.seen.size());
        assertEquals(LinkError.MALFORMED_FRAME, assertInstanceOf(LinkProtocolException.class, recorder.seen.get(0)).error());
    }

    @Test
    void aLengthShorterThanTheHeaderIsMalformed() {
        feed(Hex.bytes("00 00 00 04  02 00 00 00"));
        assertEquals(LinkError.MALFORMED_FRAME, assertInstanceOf(LinkProtocolException.class, recorder.seen.get(0)).error());
    }

    @Test
    void streamsCutAtRandomPointsDecodeToTheFramesSent() {
        Random rnd = new Random(11);
        for (int round = 0; round < 200; round++) {
            EmbeddedChannel ch = new EmbeddedChannel(new LinkFrameDecoder(), new Recorder());
            Recorder seen = (Recorder) ch.pipeline().last();
            List<Frame> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 0, n = 1 + rnd.nextInt(20); i < n; i++) {
                Frame f = SampleFrames.random(rnd);
                sent.add(f);
                stream.writeBytes(FrameCodec.encode(f));
            }
            byte[] bytes = stream.toByteArray();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + rnd.nextInt(300));
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
                at += n;
            }
            assertEquals(sent.size(), seen.seen.size());
            for (int i = 0; i < sent.size(); i++) assertSameContent(sent.get(i), seen.seen.get(i));
            ch.finishAndReleaseAll();
        }
    }
}
