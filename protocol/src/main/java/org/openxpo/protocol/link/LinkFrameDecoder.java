package org.openxpo.protocol.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into frames and decodes them into {@link Frame}s. A frame the codec refuses reaches the next
 * handlers as a {@link LinkProtocolException} through {@code exceptionCaught}, for them to answer with
 * {@link LinkProtocolException#toReply()}. After a non-fatal refusal (unknown type, bad argument) decoding goes on with
 * the next frame; after a fatal one every later byte is discarded, and the handler is expected to answer and close.
 * One instance per channel.
 */
public final class LinkFrameDecoder extends ByteToMessageDecoder {
    private boolean failed;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LinkLimits.LENGTH_FIELD) return;
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > LinkLimits.MAX_FRAME_LENGTH) {
            // refused before waiting for (and buffering) the body it announces
            fail(ctx, in, FrameCodec.tooLarge(length));
            return;
        }
        if (length < LinkLimits.HEADER_LENGTH) {
            fail(ctx, in, new LinkProtocolException(LinkError.MALFORMED_FRAME, 0, "frame length " + length));
            return;
        }
        if (in.readableBytes() < LinkLimits.LENGTH_FIELD + length) return;
        in.skipBytes(LinkLimits.LENGTH_FIELD);
        int bodyStart = in.readerIndex();
        in.skipBytes((int) length);
        try {
            out.add(FrameCodec.decodePayload(in.nioBuffer(bodyStart, (int) length)));
        } catch (LinkProtocolException e) {
            // ByteToMessageDecoder hands each decode call's output on before the next call, so earlier frames have
            // already gone up the pipeline and the error keeps its place in the stream
            if (e.error().closesConnection()) fail(ctx, in, e);
            else ctx.fireExceptionCaught(e);
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, LinkProtocolException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(e);
    }
}
