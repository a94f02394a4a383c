package org.openxpo.emulator.link;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link server's listening socket: Netty's, except that an accepted connection becomes a
 * {@link LinkConnectionChannel}, whose socket a connection's worker may write a due answer to itself.
 */
final class LinkListenChannel extends NioServerSocketChannel {
    private static final Logger log = LoggerFactory.getLogger(LinkListenChannel.class);

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) return 0;
        try {
            accepted.add(new LinkConnectionChannel(this, socket));
            return 1;
        } catch (RuntimeException e) {
            // as Netty's own channel does: a socket that cannot become a channel is closed, not served
            log.warn("cannot serve an accepted link connection", e);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing what was never served
            }
            return 0;
        }
    }
}
