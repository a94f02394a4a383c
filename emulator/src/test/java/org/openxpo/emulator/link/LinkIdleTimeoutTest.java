package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;

/** The optional idle timeout: a session with no traffic either way is closed; one that talks is not. */
class LinkIdleTimeoutTest extends LinkFixture {
    static final Duration IDLE = Duration.ofMillis(400);

    @Override
    ServerLimits limits() { return ServerLimits.DEFAULT.withIdleTimeout(IDLE); }

    @Test
    void aSilentSessionIsClosedAndAChattyOneStays() throws Exception {
        LinkTestClient chatty = client(), silent = client();
        AtomicBoolean stop = new AtomicBoolean();
        Thread pinger = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                chatty.call(new Frame.Ping(chatty.id()));
                try {
                    Thread.sleep(IDLE.toMillis() / 4);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            soon().until(silent::closedByServer);
            assertFalse(chatty.closedByServer(), "traffic keeps a session open");
        } finally {
            stop.set(true);
            pinger.join();
        }
        assertInstanceOf(Frame.Ack.class, chatty.call(new Frame.Ping(chatty.id())));
    }

    @Test
    void theDefaultLimitsHaveNoIdleTimeout() {
        assertFalse(ServerLimits.DEFAULT.idleTimeoutEnabled());
    }
}
