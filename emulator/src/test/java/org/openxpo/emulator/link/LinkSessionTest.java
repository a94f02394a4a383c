package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;

/** Handshake, cage list, pins and request-level errors. */
class LinkSessionTest extends LinkFixture {
    @Override
    int cageCount() { return 3; }

    @Override
    Set<Integer> emptyCages() { return Set.of(2); }

    @Test
    void helloIsAnsweredWithServerNameVersionAndCageCount() {
        LinkTestClient c = rawClient();
        Frame.HelloOk ok = assertInstanceOf(Frame.HelloOk.class, c.call(Frame.Hello.current(7, "xpoctl")));
        assertEquals(new Frame.HelloOk(7, 1, 1, "openxpo-emulator", 3), ok);
        assertEquals(1, server.connections());
    }

    @Test
    void aBusyPortFailsWithTheBindError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
            () -> LinkServer.start(chassis, server.address(), BusTiming.OFF));
        assertInstanceOf(BindException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("cannot listen on"), e.getMessage());
    }

    @Test
    void closingTheServerEndsItsConnections() {
        LinkServer second = extraServer(BusTiming.OFF);
        LinkTestClient c = track(LinkTestClient.open(second));
        c.subscribe(0, EventKind.PRESENCE);
        assertEquals(3, second.subscriptions(), "one listener per cage");
        second.close();
        soon().until(c::closedByServer);
        assertEquals(0, second.connections());
        assertEquals(0, second.subscriptions());
        second.close(); // idempotent
    }

    @Test
    void anotherMajorVersionIsRefusedAndClosed() {
        LinkTestClient c = rawClient();
        c.send(new Frame.Hello(1, 2, 0, "future-client"));
        assertTrue(c.expectError(LinkError.VERSION_MISMATCH).message().contains("need major 1"));
        soon().until(c::closedByServer);
    }

    @Test
    void aRequestBeforeHelloIsRefusedAndClosed() {
        LinkTestClient c = rawClient();
        c.send(new Frame.Ping(3));
        assertEquals(3, c.expectError(LinkError.NOT_HANDSHAKEN).requestId());
        soon().until(c::closedByServer);
        soon().until(() -> server.connections() == 0);
    }

    @Test
    void aSecondHelloEndsTheSessionAfterEarlierAnswers() {
        LinkTestClient c = client();
        c.send(new Frame.Ping(c.id()));
        c.send(Frame.Hello.current(c.id(), "again"));
        assertInstanceOf(Frame.Ack.class, c.next());
        c.expectError(LinkError.UNEXPECTED_FRAME);
        soon().until(c::closedByServer);
    }

    @Test
    void listCagesReportsWhichCagesHoldAModule() {
        Frame.CageList list = assertInstanceOf(Frame.CageList.class, client().call(new Frame.ListCages(5)));
        assertEquals(List.of(new Frame.CagePresence(1, true), new Frame.CagePresence(2, false),
            new Frame.CagePresence(3, true)), list.cages());
    }

    @Test
    void anUnknownCageIsRefusedAndTheSessionGoesOn() {
        LinkTestClient c = client();
        c.send(new Frame.I2cTransfer(c.id(), 9, LinkTestClient.pageRead(0)));
        assertTrue(c.expectError(LinkError.UNKNOWN_CAGE).message().contains("no cage 9"));
        c.send(new Frame.PinRead(c.id(), 0));
        c.expectError(LinkError.UNKNOWN_CAGE);
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())));
    }

    @Test
    void hostPinsAreWrittenAndModulePinsOnlyRead() {
        LinkTestClient c = client();
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.PinWrite(c.id(), 1, Pin.LP_MODE, true)));
        c.send(new Frame.PinWrite(c.id(), 1, Pin.INT_L, false));
        c.expectError(LinkError.BAD_ARGUMENT);
        Frame.PinLevels levels = assertInstanceOf(Frame.PinLevels.class, c.call(new Frame.PinRead(c.id(), 1)));
        assertEquals(Pin.values().length, levels.levels().size());
        assertTrue(levels.levels().get(Pin.LP_MODE));
        assertEquals(false, levels.levels().get(Pin.MOD_PRS_L), "ModPrsL is low with a module plugged");
        assertTrue(chassis.cage(1).readPin(Pin.LP_MODE), "the write reached the cage");
        Frame.PinLevels empty = assertInstanceOf(Frame.PinLevels.class, c.call(new Frame.PinRead(c.id(), 2)));
        assertTrue(empty.levels().get(Pin.MOD_PRS_L), "ModPrsL is high on an empty cage");
    }

    @Test
    void anEmptyCageAnswersNoModuleThenSkipped() {
        List<I2cResult> r = client().i2c(2, LinkTestClient.pageRead(0).toArray(I2cMessage[]::new));
        assertEquals(List.of(I2cResult.Status.NO_MODULE, I2cResult.Status.SKIPPED, I2cResult.Status.SKIPPED),
            r.stream().map(I2cResult::status).toList());
    }

    @Test
    void aBatchToAnEmptyCageStopsAtItsFirstTransferAndOneToNoCageIsRefused() {
        LinkTestClient c = client();
        List<List<I2cMessage>> batch = List.of(LinkTestClient.pageRead(0), LinkTestClient.pageRead(1));
        Frame.BatchResult r = assertInstanceOf(Frame.BatchResult.class, c.call(new Frame.I2cBatch(c.id(), 2, batch)));
        assertEquals(List.of(I2cResult.Status.NO_MODULE, I2cResult.Status.SKIPPED, I2cResult.Status.SKIPPED),
            r.results().get(0).stream().map(I2cResult::status).toList());
        assertTrue(r.results().get(1).stream().allMatch(x -> x.status() == I2cResult.Status.SKIPPED));
        Frame.ErrorReply e = assertInstanceOf(Frame.ErrorReply.class, c.call(new Frame.I2cBatch(c.id(), 9, batch)));
        assertEquals(LinkError.UNKNOWN_CAGE, e.error());
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())), "the session goes on");
    }
}
