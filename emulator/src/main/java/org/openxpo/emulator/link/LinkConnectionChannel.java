package org.openxpo.emulator.link;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One accepted link connection: Netty's NIO channel, with its non-blocking socket reachable for {@link Outbox}'s writes
 * from a worker thread (only while nothing the event loop was handed is unwritten, so the two never interleave).
 * Bytes written here bypass the pipeline: right for the link's plain TCP frames; a pipeline that transformed outbound
 * bytes (TLS) would have to turn this path off.
 */
final class LinkConnectionChannel extends NioSocketChannel {
    LinkConnectionChannel(Channel parent, SocketChannel socket) { super(parent, socket); }

    /** Writes what the socket takes now (it never blocks); returns how many bytes that was. */
    int writeNow(ByteBuffer bytes) throws IOException { return javaChannel().write(bytes); }
}
