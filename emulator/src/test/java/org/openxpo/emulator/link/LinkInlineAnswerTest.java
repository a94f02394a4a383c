package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;

/**
 * Requests answered on the event loop (nothing queued, the bus free) and requests handed to a worker (the bus busy)
 * keep one order per connection, and a busy bus is waited for, never overtaken.
 */
class LinkInlineAnswerTest extends LinkFixture {
    @Test
    void aRequestBehindOneWaitingForTheBusIsAnsweredAfterIt() throws Exception {
        LinkTestClient c = client();
        CageBus bus = server.cageBuses().get(1);
        Frame.I2cTransfer read = new Frame.I2cTransfer(c.id(), 1, LinkTestClient.pageRead(0x01));
        Frame.Ping ping = new Frame.Ping(c.id());
        Frame.I2cTransfer otherCage = new Frame.I2cTransfer(c.id(), 2, LinkTestClient.pageRead(0x01));
        assertTrue(bus.tryHold(0, new BusSlot(System.nanoTime())), "the test holds cage 1's bus, as another client's transfer would");
        try {
            c.send(read);
            soon().until(() -> bus.waiting() == 1); // the read was handed off and waits for the bus
            c.send(ping);
            c.send(otherCage);
        } finally {
            bus.release();
        }
        Frame first = c.next(), second = c.next(), third = c.next();
        assertEquals(List.of(read.requestId(), ping.requestId(), otherCage.requestId()),
            List.of(first.requestId(), second.requestId(), third.requestId()), "answers in request order");
        assertArrayEquals(inProcessPage(1, 0x01),
            assertInstanceOf(Frame.TransferResult.class, first).results().get(2).data());
        assertInstanceOf(Frame.Ack.class, second);
        assertArrayEquals(inProcessPage(2, 0x01),
            assertInstanceOf(Frame.TransferResult.class, third).results().get(2).data());
    }

    @Test
    void onceTheQueueIsAnsweredRequestsRunOnTheEventLoopAgainAndStayInOrder() throws Exception {
        LinkTestClient c = client();
        CageBus bus = server.cageBuses().get(1);
        assertTrue(bus.tryHold(0, new BusSlot(System.nanoTime())));
        Frame.I2cTransfer waiting = new Frame.I2cTransfer(c.id(), 1, LinkTestClient.pageRead(0x00));
        try {
            c.send(waiting);
            soon().until(() -> bus.waiting() == 1);
        } finally {
            bus.release();
        }
        assertEquals(waiting.requestId(), c.next().requestId());
        for (int i = 0; i < 50; i++) {
            Frame.I2cTransfer t = new Frame.I2cTransfer(c.id(), 1 + i % 2, LinkTestClient.pageRead(0x02));
            Frame answer = c.call(t);
            assertEquals(t.requestId(), answer.requestId());
            assertArrayEquals(inProcessPage(t.cage(), 0x02),
                assertInstanceOf(Frame.TransferResult.class, answer).results().get(2).data(), "read " + i);
        }
    }
}
