package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;

/** I2C/I3C transfers through the link: contents, order, a bus shared by clients, statistics. */
class LinkTransferTest extends LinkFixture {
    /** Static pages with different contents: identity, advertising, thresholds. */
    private static final int[] PAGES = {0x00, 0x01, 0x02};

    @Test
    void aPageReadThroughTheLinkEqualsAnInProcessRead() {
        LinkTestClient c = client();
        for (int page : PAGES) assertArrayEquals(inProcessPage(1, page), c.readPage(1, page), "page " + page);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        LinkTestClient c = client();
        List<Frame> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int id = c.id();
            sent.add(i % 5 == 4 ? new Frame.Ping(id) : new Frame.I2cTransfer(id, 1 + i % 2, LinkTestClient.pageRead(PAGES[i % 3])));
        }
        sent.forEach(c::send);
        for (int i = 0; i < sent.size(); i++) {
            Frame answer = c.next();
            assertEquals(sent.get(i).requestId(), answer.requestId(), "answer " + i);
            if (sent.get(i) instanceof Frame.I2cTransfer t) {
                byte[] data = assertInstanceOf(Frame.TransferResult.class, answer).results().get(2).data();
                assertArrayEquals(inProcessPage(t.cage(), PAGES[i % 3]), data, "answer " + i);
            } else {
                assertInstanceOf(Frame.Ack.class, answer);
            }
        }
    }

    @Test
    void clientsOnOneCageShareThePageSelectLikeABus() {
        LinkTestClient a = client(), b = client();
        assertTrue(a.i2c(1, write(127, 0x01)).get(0).ok());
        List<I2cResult> selected = b.i2c(1, write(127), read(1));
        assertEquals(0x01, selected.get(1).data()[0], "B sees the page A selected");
        List<I2cResult> upper = b.i2c(1, write(0x80), read(128));
        assertArrayEquals(inProcessPage(1, 0x01), upper.get(1).data(), "B reads the page A selected");
    }

    @Test
    void transfersOfConcurrentClientsNeverInterleave() throws Exception {
        int clients = 4, rounds = 150;
        List<byte[]> expected = new ArrayList<>();
        for (int page : PAGES) expected.add(inProcessPage(1, page));
        List<LinkTestClient> cs = new ArrayList<>();
        for (int i = 0; i < clients; i++) cs.add(client());
        CageStatistics before = server.statistics(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LinkTestClient c = cs.get(i);
                int page = i % PAGES.length;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++)
                        assertArrayEquals(expected.get(page), c.readPage(1, PAGES[page]), "round " + r + " page " + page);
                }));
            }
            for (Future<?> f : done) f.get();
        }
        CageStatistics after = server.statistics(1);
        assertEquals(clients * rounds, after.transfers() - before.transfers());
        assertEquals(clients * rounds, after.pageSelects() - before.pageSelects());
        assertEquals(clients * rounds * 128L, after.bytesRead() - before.bytesRead());
    }

    @Test
    void statisticsCountTransfersBytesNacksAndPageSelects() {
        LinkTestClient c = client();
        c.readPage(2, 0x01);
        c.i2c(2, write(127), read(1)); // reads the page select: not a select
        List<I2cResult> nack = c.i2c(2, I2cMessage.write(0x51, (byte) 0), read(1));
        assertEquals(I2cResult.Status.ADDRESS_NACK, nack.get(0).status());
        assertEquals(I2cResult.Status.SKIPPED, nack.get(1).status());
        c.i2c(2, write(120, 1, 2, 3, 4, 5, 6, 7, 0)); // spans 127: selects page 0
        assertEquals(new CageStatistics(4, 2 + 1 + 1 + 9, 128 + 1, 1, 2), server.statistics(2));
        assertEquals(CageStatistics.NONE, server.statistics(1));
    }

    @Test
    void aBatchRunsItsTransfersInOrderAsSeparateTransfersWould() {
        LinkTestClient c = client();
        List<List<I2cMessage>> batch = List.of(List.of(write(127, 0xA0)), List.of(write(128, 1, 2, 3, 4, 5, 6, 7, 8)),
            List.of(write(127, 0xA1)), List.of(write(128, 9, 10, 11, 12)), List.of(write(127), read(1)));
        CageStatistics before = server.statistics(1);
        Frame.BatchResult r = assertInstanceOf(Frame.BatchResult.class, c.call(new Frame.I2cBatch(c.id(), 1, batch)));
        assertEquals(5, r.results().size());
        for (List<I2cResult> t : r.results()) assertTrue(t.stream().allMatch(I2cResult::ok), "every transfer ACKed: " + t);
        assertEquals(0xA1, r.results().get(4).get(1).data()[0] & 0xFF, "the last transfer sees the page the batch selected");
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, java.util.Arrays.copyOf(inProcessPage(1, 0xA0), 8));
        assertArrayEquals(new byte[] {9, 10, 11, 12}, java.util.Arrays.copyOf(inProcessPage(1, 0xA1), 4));
        CageStatistics after = server.statistics(1);
        assertEquals(5, after.transfers() - before.transfers(), "each transfer of the batch counts as one");
        assertEquals(2, after.pageSelects() - before.pageSelects());
    }

    @Test
    void aBatchStopsAtTheFirstFailedTransferSoNoDataLandsOnTheWrongPage() {
        LinkTestClient c = client();
        byte[] page9f = inProcessPage(1, 0x9F);
        // the page select goes to a wrong address: the data write after it must not reach page 9Fh (selected now)
        assertTrue(c.i2c(1, write(127, 0x9F)).get(0).ok());
        List<List<I2cMessage>> batch = List.of(List.of(I2cMessage.write(0x51, (byte) 127, (byte) 0xA0)),
            List.of(write(128, 0xAA, 0xBB)), List.of(write(127, 0xA2)));
        Frame.BatchResult r = assertInstanceOf(Frame.BatchResult.class, c.call(new Frame.I2cBatch(c.id(), 1, batch)));
        assertEquals(List.of(I2cResult.of(I2cResult.Status.ADDRESS_NACK)), r.results().get(0));
        assertEquals(List.of(I2cResult.of(I2cResult.Status.SKIPPED)), r.results().get(1));
        assertEquals(List.of(I2cResult.of(I2cResult.Status.SKIPPED)), r.results().get(2));
        assertArrayEquals(page9f, inProcessPage(1, 0x9F), "page 9Fh untouched");
        assertEquals(0x9F, c.i2c(1, write(127), read(1)).get(1).data()[0] & 0xFF, "the skipped select did not run");
    }

    @Test
    void i3cAssignsAnAddressAndReadsTheSameMemory() {
        LinkTestClient c = client();
        Frame.EntdaaAnswer assigned = assertInstanceOf(Frame.EntdaaAnswer.class, c.call(new Frame.EntdaaCall(c.id(), 1, 0x30)));
        assertEquals(1, assigned.devices().size());
        I3cDevice device = assigned.devices().get(0);
        assertEquals(0x30, device.dynamicAddress());
        Frame.CccAnswer bcr = assertInstanceOf(Frame.CccAnswer.class,
            c.call(new Frame.CccCall(c.id(), 1, CccRequest.directRead(0x8E, 0x30, 1))));
        assertTrue(bcr.result().acknowledged());
        assertEquals(device.bcr(), bcr.result().data()[0] & 0xFF);
        List<I2cMessage> pageRead = List.of(I2cMessage.write(0x30, (byte) 127, (byte) 0x01),
            I2cMessage.write(0x30, (byte) 0x80), I2cMessage.read(0x30, 128));
        Frame.TransferResult r = assertInstanceOf(Frame.TransferResult.class, c.call(new Frame.I3cTransfer(c.id(), 1, pageRead)));
        assertArrayEquals(inProcessPage(1, 0x01), r.results().get(2).data());
        List<List<I2cMessage>> batch = List.of(List.of(I2cMessage.write(0x30, (byte) 127, (byte) 0x02)),
            List.of(I2cMessage.write(0x30, (byte) 0x80), I2cMessage.read(0x30, 128)),
            List.of(I2cMessage.write(0x50, (byte) 127, (byte) 0x01)), List.of(I2cMessage.write(0x30, (byte) 127)));
        Frame.BatchResult b = assertInstanceOf(Frame.BatchResult.class, c.call(new Frame.I3cBatch(c.id(), 1, batch)));
        assertArrayEquals(inProcessPage(1, 0x02), b.results().get(1).get(1).data(), "the batch's I3C reads");
        assertFalse(b.results().get(2).get(0).ok(), "0x50 is not an I3C dynamic address");
        assertEquals(I2cResult.Status.SKIPPED, b.results().get(3).get(0).status());
    }
}
