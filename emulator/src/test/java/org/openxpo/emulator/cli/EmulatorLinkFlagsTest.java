package org.openxpo.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkError;

/** The link server's limits on the command line: checked like every flag, and passed to the server. */
class EmulatorLinkFlagsTest {
    final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        return EmulatorMain.run(args, new PrintWriter(out), new PrintWriter(err), RunningEmulator::close);
    }

    @Test
    void limitsOutOfRangeAreUsageErrorsNamingTheFlag() {
        assertEquals(EmulatorMain.USAGE, run("--link-memory", "0"));
        assertEquals("xpo-emulator: --link-memory must be 1-1048576 (MiB), not 0 (see --help)", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(EmulatorMain.USAGE, run("--link-connections", "-3"));
        assertEquals("xpo-emulator: --link-connections must be 1-65536, not -3 (see --help)", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(EmulatorMain.USAGE, run("--link-idle-timeout", "86401"));
        assertEquals("xpo-emulator: --link-idle-timeout must be 0-86400 (seconds, 0 = never), not 86401 (see --help)",
            err.toString().strip());
    }

    @Test
    void theConnectionLimitReachesTheLinkServer() {
        AtomicReference<Object> second = new AtomicReference<>();
        int code = EmulatorMain.run(new String[] {"--port", "0", "--control-port", "0", "--link-connections", "1"},
            new PrintWriter(out), new PrintWriter(err), emulator -> {
                try (Socket first = new Socket("127.0.0.1", emulator.linkPort())) {
                    // the server counts the first connection before the second arrives: which one is over is then sure
                    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> emulator.link().connections() == 1);
                    try (Socket over = new Socket("127.0.0.1", emulator.linkPort())) {
                        DataInputStream in = new DataInputStream(over.getInputStream());
                        byte[] payload = new byte[in.readInt()];
                        in.readFully(payload);
                        second.set(FrameCodec.decodePayload(ByteBuffer.wrap(payload)));
                    }
                } catch (Exception e) {
                    second.set(e);
                } finally {
                    emulator.close();
                }
            });
        assertEquals(0, code, err.toString());
        assertEquals(LinkError.BUSY, assertInstanceOf(Frame.ErrorReply.class, second.get()).error());
    }
}
