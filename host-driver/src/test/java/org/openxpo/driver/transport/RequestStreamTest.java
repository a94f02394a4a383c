package org.openxpo.driver.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Frames of callers that write from their own thread and frames queued for the event loop reach the peer whole and in
 * each caller's order, also when the socket cannot take them all at once.
 */
class RequestStreamTest {
    private static final int CALLERS = 4, FRAMES_EACH = 300, PADDING = 2_000;

    @Test
    void framesArriveWholeAndInEachCallersOrderThroughAFullSocket() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);   // with a peer that does not read yet, the client's writes fill up
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            RequestStream.LinkChannel ch = (RequestStream.LinkChannel) new Bootstrap().group(group)
                .channelFactory(RequestStream.LinkChannel::new).option(ChannelOption.SO_SNDBUF, 4096)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(server.getLocalSocketAddress()).syncUninterruptibly().channel();
            RequestStream stream = new RequestStream(ch);
            try (Socket peer = server.accept()) {
                // callers 0 and 1 wait for answers (send), 2 and 3 pipeline (queue); all at once, the peer not reading
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> callers = new ArrayList<>();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    int caller = c;
                    callers.add(Thread.ofPlatform().start(() -> {
                        try {
                            start.await();
                            for (int seq = 0; seq < FRAMES_EACH; seq++) {
                                byte[] frame = frame(caller, seq);
                                if (caller < 2) stream.send(frame); else stream.queue(frame);
                            }
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }));
                }
                start.countDown();
                for (Thread t : callers) t.join(10_000);
                assertEquals(List.of(), failures, "no caller failed or waited for the peer");

                int[] next = new int[CALLERS];
                DataInputStream in = new DataInputStream(peer.getInputStream());
                for (int i = 0; i < CALLERS * FRAMES_EACH; i++) {
                    byte[] payload = new byte[in.readInt()];
                    in.readFully(payload);
                    Frame.I2cTransfer t = (Frame.I2cTransfer) FrameCodec.decodePayload(ByteBuffer.wrap(payload));
                    byte[] data = t.messages().get(0).data();
                    int caller = data[0], seq = (data[1] & 0xFF) << 8 | data[2] & 0xFF;
                    assertEquals(next[caller], seq, "frame " + i + ": caller " + caller + "'s frames in order");
                    assertEquals(PADDING, data.length, "frame " + i + " whole");
                    next[caller]++;
                }
                assertArrayEquals(new int[] {FRAMES_EACH, FRAMES_EACH, FRAMES_EACH, FRAMES_EACH}, next);
            } finally {
                ch.close().syncUninterruptibly();
            }
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Caller {@code caller}'s frame {@code seq}: an I2C write of {@link #PADDING} bytes that starts with both. */
    private static byte[] frame(int caller, int seq) {
        byte[] data = new byte[PADDING];
        data[0] = (byte) caller;
        data[1] = (byte) (seq >> 8);
        data[2] = (byte) seq;
        return FrameCodec.encode(new Frame.I2cTransfer(caller * 1_000 + seq + 1, 1, List.of(I2cMessage.write(0x50, data))));
    }
}
