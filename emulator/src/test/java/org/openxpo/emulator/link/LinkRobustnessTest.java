package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.Pin;

/** Bad input, floods and slow readers: each gets a clear ERROR, and the server goes on serving everyone else. */
class LinkRobustnessTest extends LinkFixture {
    @Test
    void anOversizeLengthIsRefusedBeforeItsBodyAndTheConnectionClosed() {
        LinkTestClient healthy = client(), bad = client();
        bad.sendRaw(new byte[] {0x00, 0x02, 0x00, 0x01, 0x10});
        Frame.ErrorReply e = bad.expectError(LinkError.FRAME_TOO_LARGE);
        assertEquals(0, e.requestId());
        soon().until(bad::closedByServer);
        assertArrayEquals(inProcessPage(1, 0), healthy.readPage(1, 0));
    }

    @Test
    void randomBytesGetAFatalErrorAndTheServerServesOthers() {
        LinkTestClient healthy = client();
        Random random = new Random(42);
        for (boolean handshaken : new boolean[] {false, true}) {
            LinkTestClient garbage = handshaken ? client() : rawClient();
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            garbage.sendRaw(noise);
            Frame.ErrorReply e = assertInstanceOf(Frame.ErrorReply.class, garbage.next());
            assertTrue(e.error().closesConnection(), e::toString);
            soon().until(garbage::closedByServer);
        }
        assertArrayEquals(inProcessPage(1, 1), healthy.readPage(1, 1));
        soon().until(() -> server.connections() == 1);
    }

    @Test
    void aMalformedFrameIsAnsweredInOrderAndNothingAfterItRuns() {
        LinkTestClient c = client();
        ByteBuffer bytes = ByteBuffer.allocate(64);
        bytes.put(FrameCodec.encode(new Frame.Ping(1)));
        bytes.putInt(5 + 3).put((byte) 0x10).putInt(2).putShort((short) 1).put((byte) 1); // 1 message announced, none sent
        bytes.put(FrameCodec.encode(new Frame.PinWrite(3, 1, Pin.LP_MODE, true)));
        c.sendRaw(Arrays.copyOf(bytes.array(), bytes.position()));
        assertInstanceOf(Frame.Ack.class, c.next());
        assertEquals(2, c.expectError(LinkError.MALFORMED_FRAME).requestId());
        soon().until(c::closedByServer);
        assertFalse(chassis.cage(1).readPin(Pin.LP_MODE), "the PIN_WRITE after the malformed frame did not run");
    }

    @Test
    void aRequestThatFailsWithAnErrorClosesItsConnectionAndTheServerServesOthers() {
        LinkServer failing = track(LinkServer.start(withBrokenI2c(1), new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF));
        LinkTestClient c = track(LinkTestClient.open(failing)), other = track(LinkTestClient.open(failing));
        c.send(new Frame.I2cTransfer(c.id(), 1, LinkTestClient.pageRead(0)));
        soon().until(c::closedByServer);
        assertArrayEquals(inProcessPage(2, 0), other.readPage(2, 0));
        // the worker gave its thread back in good order: the next request of the same kind runs too
        LinkTestClient again = track(LinkTestClient.open(failing));
        again.send(new Frame.I2cTransfer(again.id(), 1, LinkTestClient.pageRead(0)));
        soon().until(again::closedByServer);
    }

    /** The fixture's chassis, but cage {@code broken}'s I2C transfers fail with an {@link Error} (a bug, not a bus condition). */
    private Chassis withBrokenI2c(int broken) {
        return new Chassis() {
            @Override
            public List<Integer> cages() { return chassis.cages(); }

            @Override
            public ControlConnector cage(int n) {
                ControlConnector real = chassis.cage(n);
                if (n != broken) return real;
                return (ControlConnector) Proxy.newProxyInstance(ControlConnector.class.getClassLoader(),
                    new Class<?>[] {ControlConnector.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("i2c")) throw new AssertionError("a firmware bug");
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            }
        };
    }

    @Test
    void anUnknownTypeOrBadArgumentRefusesOneRequestOnly() {
        LinkTestClient c = client();
        c.sendRaw(ByteBuffer.allocate(9).putInt(5).put((byte) 0x7F).putInt(41).array());
        assertEquals(41, c.expectError(LinkError.UNKNOWN_TYPE).requestId());
        c.sendRaw(ByteBuffer.allocate(12).putInt(8).put((byte) 0x30).putInt(42).putShort((short) 0).put((byte) 0x80).array());
        assertEquals(42, c.expectError(LinkError.BAD_ARGUMENT).requestId());
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())));
    }

    @Test
    void requestsBeyondTheInFlightLimitGetBusyInTheirPlace() {
        LinkServer slow = extraServer(BusTiming.i2c(100_000));
        LinkTestClient c = track(LinkTestClient.open(slow));
        int total = LinkLimits.MAX_IN_FLIGHT + 44;
        ByteBuffer burst = ByteBuffer.allocate(total * 16);
        // a 0.74 s transfer holds the queue while the pings pile up behind it
        burst.put(FrameCodec.encode(new Frame.I2cTransfer(1000, 1, List.of(I2cMessage.read(0x50, 8192)))));
        for (int i = 1; i < total; i++) burst.put(FrameCodec.encode(new Frame.Ping(1000 + i)));
        c.sendRaw(Arrays.copyOf(burst.array(), burst.position()));
        assertInstanceOf(Frame.TransferResult.class, c.next());
        for (int i = 1; i < total; i++) {
            Frame f = c.next();
            assertEquals(1000 + i, f.requestId());
            if (i < LinkLimits.MAX_IN_FLIGHT) assertInstanceOf(Frame.Ack.class, f, "request " + i);
            else assertEquals(LinkError.BUSY, assertInstanceOf(Frame.ErrorReply.class, f, "request " + i).error());
        }
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())), "the session goes on");
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndOthersAreServed() throws Exception {
        LinkTestClient healthy = client();
        Socket silent = track(new Socket());
        silent.setReceiveBufferSize(4096);
        silent.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = silent.getOutputStream();
        out.write(FrameCodec.encode(Frame.Hello.current(1, "never-reads")));
        I2cMessage page = I2cMessage.read(0x50, I2cMessage.MAX_LENGTH);
        byte[] bigRead = FrameCodec.encode(new Frame.I2cTransfer(2, 1, List.of(page, page, page, page)));
        Thread sender = Thread.ofPlatform().daemon().start(() -> {
            try {
                // 1000 answers of 32 KiB: far beyond the 4 MiB queue plus the kernel's socket buffers; paced so that
                // the server keeps up (a flood would mostly earn small BUSY answers)
                for (int i = 0; i < 1000; i++) {
                    out.write(bigRead);
                    if (i % 16 == 15) Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // the server dropped us: expected
            }
        });
        soon().until(() -> server.statistics(1).transfers() > 0); // the silent client is being served
        soon().until(() -> server.connections() == 1);
        assertArrayEquals(inProcessPage(1, 2), healthy.readPage(1, 2));
        sender.join(10_000);
        assertFalse(sender.isAlive(), "the sender saw the connection end");
    }
}
