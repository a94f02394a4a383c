package org.openxpo.driver.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkFrameDecoder;
import org.openxpo.protocol.link.LinkFrameEncoder;
import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.types.ModuleState;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** {@link LinkTransport#i2cBatch}: split into requests that fit a frame, failures across parts, and a 1.0 server. */
class LinkBatchTest {
    private static final int MODULE = 0x50;
    private EmulatedChassis chassis;

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(1, EmulatorClock.system(),
            i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> chassis.cage(1).module().moduleState() == ModuleState.READY);
    }

    @AfterEach
    void stop() { chassis.close(); }

    /** Select page 00h, then {@code n} reads of its upper 128 bytes: 1 + n transfers. */
    private static List<List<I2cMessage>> pageReads(int n) {
        List<List<I2cMessage>> batch = new ArrayList<>();
        batch.add(List.of(I2cMessage.write(MODULE, (byte) 127, (byte) 0)));
        for (int i = 0; i < n; i++) batch.add(List.of(I2cMessage.write(MODULE, (byte) 128), I2cMessage.read(MODULE, 128)));
        return batch;
    }

    private byte[] page00() {
        return chassis.cage(1).i2c(List.of(I2cMessage.write(MODULE, (byte) 127, (byte) 0), I2cMessage.write(MODULE, (byte) 128),
            I2cMessage.read(MODULE, 128))).get(2).data();
    }

    @Test
    void aBatchBeyondOneFramesLimitsIsSentAsSeveralRequestsInOrder() {
        List<List<I2cMessage>> batch = pageReads(299);   // 300 transfers, 599 messages, 38 KiB read
        assertTrue(batch.size() > LinkLimits.MAX_BATCH_TRANSFERS);
        try (LinkServer server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
             LinkTransport t = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT)) {
            List<List<I2cResult>> results = t.i2cBatch(batch);
            assertEquals(300, results.size());
            byte[] expected = page00();
            for (int i = 1; i < results.size(); i++) assertArrayEquals(expected, results.get(i).get(1).data(), "transfer " + i);
            assertEquals(300, server.statistics(1).transfers(), "every transfer ran once");
        }
    }

    @Test
    void overI3cABatchIsOneI3cBatchToTheDynamicAddress() {
        try (LinkServer server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
             I3cTransport t = I3cTransport.assign(LinkTransport.connect("127.0.0.1", server.port(), 1,
                 LinkTransport.Options.DEFAULT))) {
            long before = server.statistics(1).transfers();
            List<List<I2cResult>> results = t.i2cBatch(pageReads(5));
            assertEquals(6, results.size());
            for (int i = 1; i < 6; i++) assertArrayEquals(page00(), results.get(i).get(1).data(), "transfer " + i);
            assertEquals(6, server.statistics(1).transfers() - before);
        }
    }

    @Test
    void aFailureInOnePartSkipsEveryLaterPart() {
        List<List<I2cMessage>> batch = pageReads(199);
        batch.set(10, List.of(I2cMessage.write(0x51, (byte) 0)));   // nobody at 0x51
        try (LinkServer server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
             LinkTransport t = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT)) {
            List<List<I2cResult>> results = t.i2cBatch(batch);
            assertEquals(200, results.size());
            assertTrue(results.get(9).stream().allMatch(I2cResult::ok));
            assertEquals(I2cResult.Status.ADDRESS_NACK, results.get(10).get(0).status());
            for (int i = 11; i < 200; i++) {
                assertTrue(results.get(i).stream().allMatch(r -> r.status() == I2cResult.Status.SKIPPED), "transfer " + i);
            }
            assertEquals(11, server.statistics(1).transfers(), "nothing after the failure ran");
        }
    }

    @Test
    void aServerSpeakingOneZeroGetsOneTransferAtATime() throws Exception {
        AtomicInteger transfers = new AtomicInteger(), batches = new AtomicInteger();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new LinkFrameDecoder(), new LinkFrameEncoder(), new OneZeroServer(transfers, batches));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (LinkTransport t = LinkTransport.connect("127.0.0.1", port, 1, LinkTransport.Options.DEFAULT)) {
                List<List<I2cResult>> results = t.i2cBatch(pageReads(3));
                assertEquals(4, results.size());
                assertArrayEquals(page00(), results.get(3).get(1).data());
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(4, transfers.get(), "one I2C_TRANSFER per transfer");
        assertEquals(0, batches.get(), "no I2C_BATCH in a 1.0 session");
    }

    /** What a 1.0 server does: HELLO_OK with minor 0, transfers run on the emulated cage, anything newer refused. */
    private final class OneZeroServer extends SimpleChannelInboundHandler<Frame> {
        private final AtomicInteger transfers, batches;

        OneZeroServer(AtomicInteger transfers, AtomicInteger batches) {
            this.transfers = transfers;
            this.batches = batches;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Frame f) {
            Frame answer = switch (f) {
                case Frame.Hello h -> new Frame.HelloOk(h.requestId(), 1, 0, "one-zero", 1);
                case Frame.I2cTransfer t -> {
                    transfers.incrementAndGet();
                    yield new Frame.TransferResult(t.requestId(), chassis.cage(1).i2c(t.messages()));
                }
                case Frame.I2cBatch b -> {
                    batches.incrementAndGet();
                    yield new Frame.ErrorReply(b.requestId(), LinkError.UNKNOWN_TYPE, "unknown frame type 0x14");
                }
                default -> new Frame.ErrorReply(f.requestId(), LinkError.UNSUPPORTED, f.type() + " not served here");
            };
            ctx.writeAndFlush(answer);
        }
    }
}
