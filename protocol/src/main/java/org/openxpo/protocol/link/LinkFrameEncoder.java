package org.openxpo.protocol.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link Frame}s to the stream. Stateless, so one instance may serve every channel. */
@ChannelHandler.Sharable
public final class LinkFrameEncoder extends MessageToByteEncoder<Frame> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        out.writeBytes(FrameCodec.encode(frame));
    }
}
