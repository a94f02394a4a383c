package org.openxpo.driver.transport;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkVersion;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A caller interrupted while it waits for the emulator's answer, or before its request is written, stops with
 * {@link XpoException.Aborted}; the connection stays up for the others.
 */
class LinkInterruptTest {
    /** An emulator link peer that answers the HELLO and then takes requests without ever answering them. */
    static final class SilentPeer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger requests = new AtomicInteger();
        private final Thread thread;

        SilentPeer() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = Thread.ofPlatform().daemon().name("silent-peer").start(this::serve);
        }

        private void serve() {
            try (Socket s = server.accept(); DataInputStream in = new DataInputStream(s.getInputStream())) {
                Frame hello = next(in);
                s.getOutputStream().write(FrameCodec.encode(new Frame.HelloOk(hello.requestId(), LinkVersion.MAJOR,
                    LinkVersion.MINOR, "silent peer", 1)));
                while (true) {
                    next(in);
                    requests.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static Frame next(DataInputStream in) throws IOException {
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return FrameCodec.decodePayload(ByteBuffer.wrap(payload));
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5_000);
        }
    }

    @Test
    void anInterruptedWaitIsAbortedNotALinkFailure() throws Exception {
        try (SilentPeer peer = new SilentPeer();
             LinkTransport link = LinkTransport.connect("127.0.0.1", peer.server.getLocalPort(), 1,
                 LinkTransport.Options.DEFAULT)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    link.i2c(List.of(I2cMessage.write(0x50, (byte) 0), I2cMessage.read(0x50, 1)));
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            await().atMost(Duration.ofSeconds(3)).until(() -> peer.requests.get() == 1);
            caller.interrupt();
            caller.join(3_000);
            assertInstanceOf(XpoException.Aborted.class, thrown.get(), "not " + thrown.get());
            assertEquals("interrupted while waiting for " + link.describe(), thrown.get().getMessage());
            assertTrue(flagKept.get(), "the caller's interrupt flag stays set");
        }
    }

    @Test
    void aCallerInterruptedBeforeItSendsIsAbortedAndTheConnectionStaysUp() throws Exception {
        try (SilentPeer peer = new SilentPeer();
             LinkTransport link = LinkTransport.connect("127.0.0.1", peer.server.getLocalPort(), 1,
                 LinkTransport.Options.DEFAULT)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt();   // the request is written from this thread, interrupt pending
                try {
                    link.i2c(List.of(I2cMessage.write(0x50, (byte) 0), I2cMessage.read(0x50, 1)));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.join(3_000);
            assertInstanceOf(XpoException.Aborted.class, thrown.get(), "not " + thrown.get());
            await("the request reaches the peer whole").atMost(Duration.ofSeconds(3)).until(() -> peer.requests.get() == 1);
            assertTrue(link.connected(), "the interrupt did not close the connection");
            // the peer takes one connection only: a request that reaches it went over the same one
            link.i2cAsync(List.of(I2cMessage.read(0x50, 1)));
            await("the next request reaches the peer").atMost(Duration.ofSeconds(3)).until(() -> peer.requests.get() == 2);
        }
    }
}
