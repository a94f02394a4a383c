package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/** Pushed events: to subscribers of the cage and kind only, across unplugging, and nothing left after a disconnect. */
class LinkEventTest extends LinkFixture {
    @Override
    int cageCount() { return 2; }

    @Test
    void aLaserFailureRaisesAnIntLEventForSubscribersOfThatCageAndKindOnly() {
        LinkTestClient host = client();
        for (int cage = 1; cage <= 2; cage++) clearFlagsUntilIntLIsReleased(host, cage);
        LinkTestClient onCage1 = client(), onCage2 = client(), presenceOnly = client(), everything = client();
        onCage1.subscribe(1, EventKind.INT_L);
        onCage2.subscribe(2, EventKind.INT_L);
        presenceOnly.subscribe(1, EventKind.PRESENCE);
        everything.subscribe(0, EventKind.values());

        chassis.cage(1).module().inject(new Fault.LaserFailure(Set.of(1)));

        soon().until(() -> !onCage1.events(TargetEvent.IntL.class).isEmpty());
        TargetEvent.IntL intL = (TargetEvent.IntL) onCage1.events(TargetEvent.IntL.class).get(0);
        assertEquals(1, intL.cage());
        assertTrue(intL.asserted());
        soon().until(() -> everything.events.contains(intL));
        assertInstanceOf(Frame.Ack.class, onCage2.call(new Frame.Ping(onCage2.id()))); // anything pushed came first
        assertInstanceOf(Frame.Ack.class, presenceOnly.call(new Frame.Ping(presenceOnly.id())));
        assertEquals(List.of(), onCage2.events, "cage 2 stayed quiet");
        assertEquals(List.of(), presenceOnly.events, "no presence change happened");
        assertEquals(List.of(), host.events, "the host never subscribed");
    }

    @Test
    void anEventCausedByARequestArrivesBeforeItsAnswer() {
        LinkTestClient c = client();
        c.subscribe(1, EventKind.RESET);
        Frame.PinWrite reset = new Frame.PinWrite(c.id(), 1, Pin.RESET_L, false);
        assertInstanceOf(Frame.Ack.class, c.call(reset));
        List<Frame> arrivals = c.arrivals;
        Frame event = arrivals.get(arrivals.size() - 2);
        assertEquals(new TargetEvent.Reset(1, ((Frame.Event) event).event().timestampNanos(), "pin"),
            assertInstanceOf(Frame.Event.class, event).event());
        assertEquals(reset.requestId(), arrivals.get(arrivals.size() - 1).requestId());
    }

    @Test
    void unsubscribingStopsEvents() {
        LinkTestClient c = client();
        c.subscribe(1, EventKind.PRESENCE, EventKind.INT_L);
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Unsubscribe(c.id(), 1, Set.of(EventKind.PRESENCE))));
        assertEquals(1, server.subscriptions(), "still subscribed to INT_L");
        chassis.cage(1).unplug();
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Ping(c.id())));
        assertEquals(List.of(), c.events(TargetEvent.Presence.class));
        assertInstanceOf(Frame.Ack.class, c.call(new Frame.Unsubscribe(c.id(), 0, EventKind.all())));
        assertEquals(0, server.subscriptions());
    }

    @Test
    void unpluggingDuringTrafficGivesNoModuleAndAPresenceEvent() throws Exception {
        LinkTestClient watcher = client(), busy = client();
        watcher.subscribe(1, EventKind.PRESENCE);
        List<Frame> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) sent.add(new Frame.I2cTransfer(busy.id(), 1, LinkTestClient.pageRead(0x01)));
        sent.forEach(busy::send);
        Cage cage = chassis.cage(1);
        var module = cage.unplug();

        soon().until(() -> watcher.events.size() == 1);
        assertEquals(false, assertInstanceOf(TargetEvent.Presence.class, watcher.events.get(0)).present());
        List<I2cResult.Status> firstStatuses = new ArrayList<>();
        for (Frame request : sent) {
            Frame answer = busy.next();
            assertEquals(request.requestId(), answer.requestId());
            firstStatuses.add(assertInstanceOf(Frame.TransferResult.class, answer).results().get(0).status());
        }
        assertEquals(I2cResult.Status.NO_MODULE, firstStatuses.get(firstStatuses.size() - 1));
        int firstEmpty = firstStatuses.indexOf(I2cResult.Status.NO_MODULE);
        assertTrue(firstStatuses.subList(firstEmpty, firstStatuses.size()).stream().allMatch(s -> s == I2cResult.Status.NO_MODULE),
            "once the cage is empty every transfer finds it empty: " + firstStatuses);
        assertTrue(busy.call(new Frame.PinRead(busy.id(), 1)) instanceof Frame.PinLevels p && p.levels().get(Pin.MOD_PRS_L));

        cage.plug(module);
        soon().until(() -> watcher.events(TargetEvent.Presence.class).size() == 2);
        assertTrue(((TargetEvent.Presence) watcher.events(TargetEvent.Presence.class).get(1)).present());
        soon().until(module::responsive);
        assertArrayEquals(inProcessPage(1, 0x01), busy.readPage(1, 0x01), "served again once plugged back");
    }

    @Test
    void aClientThatLeavesLeavesNoSubscriptionsBehind() {
        LinkTestClient c = client();
        c.subscribe(0, EventKind.values());
        c.subscribe(2, EventKind.INT_L);
        assertEquals(2, server.subscriptions(), "one listener per subscribed cage");
        c.close();
        soon().until(() -> server.subscriptions() == 0 && server.connections() == 0);
        // the cages push to nobody now; a new client gets only what it asks for
        LinkTestClient next = client();
        chassis.cage(2).unplug();
        assertInstanceOf(Frame.Ack.class, next.call(new Frame.Ping(next.id())));
        assertEquals(List.of(), next.events);
    }

    /** Reads every latched flag (reading clears them) until the module releases IntL. */
    private void clearFlagsUntilIntLIsReleased(LinkTestClient host, int cage) {
        soon().until(() -> {
            host.i2c(cage, write(8), read(4));
            for (int bank = 0; bank < 8; bank++) host.i2c(cage, write(126, bank, 0x11), write(134), read(20));
            host.i2c(cage, write(126, 0, 0xB0), write(160), read(6));
            host.i2c(cage, write(126, 0, 0));
            Frame levels = host.call(new Frame.PinRead(host.id(), cage));
            return ((Frame.PinLevels) levels).levels().get(Pin.INT_L);
        });
    }
}
