package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;

/** The outbox holds a timed answer, handed over before its bus time is over, until that time. */
class OutboxTest {
    /** Notes when each write reaches the socket side of the pipeline, and what it carried. */
    private static final class WriteClock extends ChannelOutboundHandlerAdapter {
        final List<Long> at = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            at.add(System.nanoTime());
            bytes.add(ByteBufUtil.getBytes((ByteBuf) msg));
            ctx.write(msg, promise);
        }
    }

    private final WriteClock clock = new WriteClock();
    private final EmbeddedChannel channel = new EmbeddedChannel(clock);
    private final Outbox outbox = new Outbox(channel, new MemoryBudget(1 << 20));

    @Test
    void aTimedAnswerLeavesNoEarlierThanItsTimeAndWhatIsQueuedAfterItWaitsWithIt() {
        long notBefore = System.nanoTime() + 20_000_000;
        outbox.send(new Frame.Ack(1), notBefore);
        outbox.send(new Frame.Ack(2)); // an untimed frame behind it (an event, a refusal) keeps its place
        channel.runPendingTasks();

        assertTrue(clock.at.getFirst() >= notBefore, "written " + (notBefore - clock.at.getFirst()) + " ns early");
        assertArrayEquals(concat(FrameCodec.encode(new Frame.Ack(1)), FrameCodec.encode(new Frame.Ack(2))),
            clock.bytes.getFirst(), "both frames, in order, in one write");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
