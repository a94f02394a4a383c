package org.openxpo.driver.transport;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** Requests nobody answers fail with the request timeout, the pipelined ones as well as the waiting ones. */
class LinkRequestTimeoutTest {
    private static final List<I2cMessage> READ = List.of(I2cMessage.write(0x50, (byte) 0), I2cMessage.read(0x50, 1));
    private static final LinkTransport.Options SHORT = new LinkTransport.Options(Duration.ofSeconds(3),
        Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofSeconds(2), "timeout test");

    @Test
    void pipelinedRequestsWithoutAnAnswerFailWithTheTimeout() throws Exception {
        try (LinkInterruptTest.SilentPeer peer = new LinkInterruptTest.SilentPeer();
             LinkTransport link = LinkTransport.connect("127.0.0.1", peer.server.getLocalPort(), 1, SHORT)) {
            List<CompletableFuture<List<I2cResult>>> sent = List.of(link.i2cAsync(READ), link.i2cAsync(READ));
            await().atMost(Duration.ofSeconds(3)).until(() -> sent.stream().allMatch(CompletableFuture::isDone));
            for (CompletableFuture<List<I2cResult>> f : sent) {
                CompletionException e = assertThrows(CompletionException.class, f::join);
                assertInstanceOf(XpoException.LinkFailure.class, e.getCause());
                assertEquals("no answer from " + link.describe() + " within 200 ms", e.getCause().getMessage());
            }
            // the peer's thread may read them later than the timeout fires, on a busy machine
            await("both requests reach the peer").atMost(Duration.ofSeconds(3)).until(() -> peer.requests.get() == 2);
        }
    }

    @Test
    void aWaitingRequestWithoutAnAnswerFailsWithTheTimeout() throws Exception {
        try (LinkInterruptTest.SilentPeer peer = new LinkInterruptTest.SilentPeer();
             LinkTransport link = LinkTransport.connect("127.0.0.1", peer.server.getLocalPort(), 1, SHORT)) {
            XpoException e = assertThrows(XpoException.LinkFailure.class, () -> link.i2c(READ));
            assertEquals("no answer from " + link.describe() + " within 200 ms", e.getMessage());
        }
    }
}
