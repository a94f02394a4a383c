package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.link.Frame;

/**
 * Bus timing at 1 MHz: a transfer no longer than the answer lead (a status byte: 39 µs) is run on the event loop when
 * the cage's bus is free, its answer held until its bus time is over; longer ones go to a worker. Either way no answer
 * comes before its bus time, and one connection's transfers follow each other on the modelled bus.
 */
class LinkTimedInlineTest extends LinkFixture {
    private static final BusTiming TIMING = BusTiming.i2c(1_000_000);
    /** The register byte, then one byte read: 39 clocks. */
    private static final List<I2cMessage> STATUS_READ = List.of(write(37), read(1));
    private static final long STATUS_NANOS = TIMING.transferNanos(STATUS_READ);
    private static final long PAGE_READ_NANOS = TIMING.transferNanos(LinkTestClient.pageRead(1));

    @Override
    BusTiming timing() { return TIMING; }

    @Test
    void aShortTransferOnAFreeBusIsAnsweredByTheEventLoopAndNeverBeforeItsBusTime() {
        assertTrue(STATUS_NANOS <= CageBus.ANSWER_LEAD_NANOS, "the read is short enough: " + STATUS_NANOS + " ns");
        LinkTestClient c = client();
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            Frame.TransferResult r = assertInstanceOf(Frame.TransferResult.class,
                c.call(new Frame.I2cTransfer(c.id(), 1 + i % 2, STATUS_READ)));
            long took = System.nanoTime() - t;
            assertTrue(r.results().get(1).ok(), "read " + i + " ACKed");
            assertTrue(took >= STATUS_NANOS, "read " + i + " answered after " + took + " ns, before its bus time");
        }
        assertEquals(0, server.workerThreads(), "no transfer needed a thread of its own");
    }

    @Test
    void aTransferLongerThanTheLeadGoesToAWorkerAndTakesItsBusTime() {
        LinkTestClient c = client();
        long t = System.nanoTime();
        c.readPage(1, 1);
        long took = System.nanoTime() - t;
        assertTrue(took >= PAGE_READ_NANOS, "answered after " + took + " ns, before its " + PAGE_READ_NANOS + " ns");
        assertTrue(server.workerThreads() >= 1, "a worker waited out the page read's bus time");
    }

    @Test
    void pipelinedShortTransfersOfOneClientTakeTheirBusTimeOneAfterAnother() {
        LinkTestClient c = client();
        List<Frame.I2cTransfer> sent = List.of(new Frame.I2cTransfer(c.id(), 1, STATUS_READ),
            new Frame.I2cTransfer(c.id(), 2, STATUS_READ), new Frame.I2cTransfer(c.id(), 1, STATUS_READ));
        long start = System.nanoTime();
        for (Frame f : sent) c.send(f);
        for (int i = 0; i < sent.size(); i++) assertEquals(sent.get(i).requestId(), c.next().requestId(), "in order");
        for (int k = 0; k < sent.size(); k++) {
            long at = c.answeredAt.get(sent.get(k).requestId()) - start;
            // the k-th answer cannot leave before k bus times, whichever thread ran it (the first runs on the loop)
            assertTrue(at >= (k + 1) * STATUS_NANOS, "answer " + (k + 1) + " after " + at + " ns");
        }
    }
}
