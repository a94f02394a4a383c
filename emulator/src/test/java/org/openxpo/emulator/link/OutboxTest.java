package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;

/**
 * The outbox holds a timed answer, handed over before its bus time is over, until that time; a worker with nothing
 * queued ahead writes its due answer itself, and the stream stays whole and in order whatever the socket takes.
 */
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

    /** A socket that takes at most {@code room} bytes per write, and runs {@code during} as it writes. */
    private static final class FakeSocket implements Outbox.SocketWriter {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        final List<Long> at = new ArrayList<>();
        int room = Integer.MAX_VALUE;
        Runnable during = () -> {};

        @Override
        public int writeNow(ByteBuffer bytes) {
            at.add(System.nanoTime());
            during.run();
            int n = Math.min(room, bytes.remaining());
            byte[] part = new byte[n];
            bytes.get(part);
            taken.writeBytes(part);
            return n;
        }
    }

    private final FakeSocket socket = new FakeSocket();
    private final Outbox direct = new Outbox(channel, new MemoryBudget(1 << 20), socket);

    @Test
    void aDueAnswerWithNothingQueuedIsWrittenByTheWorkerItselfAndNoEarlierThanItsTime() {
        long notBefore = System.nanoTime() + 5_000_000;
        direct.sendWhenDue(new Frame.Ack(1), notBefore);
        channel.runPendingTasks();

        assertTrue(socket.at.getFirst() >= notBefore, "written " + (notBefore - socket.at.getFirst()) + " ns early");
        assertArrayEquals(FrameCodec.encode(new Frame.Ack(1)), socket.taken.toByteArray());
        assertTrue(clock.at.isEmpty(), "the event loop wrote nothing");
    }

    @Test
    void whatTheSocketDoesNotTakeAndWhatWasQueuedMeanwhileFollowInOrderThroughTheEventLoop() {
        Frame answer = new Frame.Ack(1), event = new Frame.Ack(2);
        socket.room = 3;
        socket.during = () -> direct.send(event); // an event raised while the worker writes
        direct.sendWhenDue(answer, System.nanoTime());
        channel.runPendingTasks();

        byte[] wire = concat(socket.taken.toByteArray(), clock.bytes.getFirst());
        assertArrayEquals(concat(FrameCodec.encode(answer), FrameCodec.encode(event)), wire,
            "the answer whole, then the event");
        assertEquals(0, direct.queuedBytes(), "all of it handed to the socket");
    }

    @Test
    void aDueAnswerBehindAQueuedFrameWaitsItsTurnInTheEventLoopsWrite() {
        direct.send(new Frame.Ack(1));
        direct.sendWhenDue(new Frame.Ack(2), System.nanoTime());
        channel.runPendingTasks();

        assertTrue(socket.at.isEmpty(), "the worker did not write past the queued frame");
        assertArrayEquals(concat(FrameCodec.encode(new Frame.Ack(1)), FrameCodec.encode(new Frame.Ack(2))),
            clock.bytes.getFirst());
    }

    @Test
    void aConnectionShedWhileTheWorkerWritesGetsTheRestOfThatFrameThenItsError() {
        Frame answer = new Frame.TransferResult(1, List.of(I2cResult.ack(new byte[128])));
        socket.room = 10;
        socket.during = () -> direct.shed("test");
        direct.sendWhenDue(answer, System.nanoTime());
        channel.runPendingTasks();

        byte[] error = FrameCodec.encode(new Frame.ErrorReply(0, LinkError.SLOW_CONSUMER, "test"));
        assertArrayEquals(concat(FrameCodec.encode(answer), error),
            concat(socket.taken.toByteArray(), clock.bytes.getFirst()), "the frame is never cut by the error");
    }

    @Test
    void anEventWithNothingQueuedIsWrittenByTheThreadThatRaisesIt() {
        direct.sendFromHere(new Frame.Ack(7));
        channel.runPendingTasks();

        assertArrayEquals(FrameCodec.encode(new Frame.Ack(7)), socket.taken.toByteArray());
        assertTrue(clock.at.isEmpty(), "the event loop was not needed");
        assertEquals(0, direct.queuedBytes());
    }

    @Test
    void anEventRaisedWhileTheWorkerWritesWaitsForTheWholeAnswer() {
        Frame answer = new Frame.TransferResult(1, List.of(I2cResult.ack(new byte[128]))), event = new Frame.Ack(2);
        socket.room = 10;
        socket.during = () -> direct.sendFromHere(event); // the module raises IntL while the worker's write is cut short
        direct.sendWhenDue(answer, System.nanoTime());
        channel.runPendingTasks();

        assertArrayEquals(concat(FrameCodec.encode(answer), FrameCodec.encode(event)),
            concat(socket.taken.toByteArray(), clock.bytes.getFirst()), "never two writers: the answer whole, then the event");
    }

    @Test
    void anEventBehindAQueuedFrameLeavesAfterIt() {
        direct.send(new Frame.Ack(1));
        direct.sendFromHere(new Frame.Ack(2));
        channel.runPendingTasks();

        assertTrue(socket.at.isEmpty(), "not written past the queued frame");
        assertArrayEquals(concat(FrameCodec.encode(new Frame.Ack(1)), FrameCodec.encode(new Frame.Ack(2))), clock.bytes.getFirst());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
