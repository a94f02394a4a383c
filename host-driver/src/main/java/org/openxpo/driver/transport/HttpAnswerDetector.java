package org.openxpo.driver.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.openxpo.driver.XpoException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * First in a link connection's pipeline: if the server's first bytes are {@code HTTP/}, the client was pointed at an
 * HTTP port (the emulator's control API, typically) and gets "not an emulator link" instead of the frame decoder's
 * FRAME_TOO_LARGE (the bytes "HTTP" read as a 1.2 GB frame length, which no link frame can have). Any other start is
 * handed on untouched, and the detector leaves the pipeline.
 */
final class HttpAnswerDetector extends ByteToMessageDecoder {
    private static final byte[] HTTP = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private final String where;

    /** {@code where}: "host:port", for the message. */
    HttpAnswerDetector(String where) { this.where = where; }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), HTTP.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != HTTP[i]) {
                ctx.pipeline().remove(this);   // hands the bytes read so far to the frame decoder
                return;
            }
        }
        if (n < HTTP.length) return;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(new XpoException.LinkFailure("not an emulator link: " + where + " answered in HTTP "
            + "(the emulator's control API port?); the link is on the emulator's --port, 9450 by default"));
        ctx.close();
    }
}
