package org.openxpo.emulator.link;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.connector.TargetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's event subscriptions: a kind mask per cage, and a listener on each cage whose mask is not empty.
 * Listeners are registered only while needed and all removed when the connection ends, so a departed client leaves
 * nothing behind in the cages.
 */
final class EventSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);

    private final Map<Integer, CageBus> cages;
    private final Outbox outbox;
    private final AtomicInteger serverListeners;
    private final Map<Integer, CageListener> listeners = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    EventSubscriptions(Map<Integer, CageBus> cages, Outbox outbox, AtomicInteger serverListeners) {
        this.cages = cages;
        this.outbox = outbox;
        this.serverListeners = serverListeners;
    }

    /** Adds {@code kindMask} to the subscription of {@code cage} (0 = every cage). */
    synchronized void add(int cage, int kindMask) {
        if (kindMask == 0) return; // an empty SUBSCRIBE changes nothing and holds no listener
        for (CageBus bus : targets(cage)) {
            if (closed) return;
            CageListener l = listeners.get(bus.number());
            if (l != null) {
                l.mask |= kindMask;
                continue;
            }
            l = new CageListener(bus.number());
            l.mask = kindMask; // before subscribing: events from the first moment on are sent
            l.handle = bus.connector().subscribe(l);
            listeners.put(bus.number(), l);
            serverListeners.incrementAndGet();
        }
    }

    /** Removes {@code kindMask} from the subscription of {@code cage} (0 = every cage). */
    synchronized void remove(int cage, int kindMask) {
        for (CageBus bus : targets(cage)) {
            CageListener l = listeners.get(bus.number());
            if (l == null) continue;
            l.mask &= ~kindMask;
            if (l.mask == 0) unsubscribe(listeners.remove(bus.number()));
        }
    }

    /** Unsubscribes from every cage; later subscriptions are ignored. */
    synchronized void closeAll() {
        closed = true;
        listeners.values().forEach(this::unsubscribe);
        listeners.clear();
    }

    private Collection<CageBus> targets(int cage) {
        return cage == 0 ? cages.values() : List.of(cages.get(cage));
    }

    private void unsubscribe(CageListener l) {
        try {
            l.handle.close();
        } catch (Exception e) {
            log.warn("unsubscribing from cage {} failed", l.cage, e);
        }
        serverListeners.decrementAndGet();
    }

    /** Runs on the module's thread with its lock held: filters and sends (a non-blocking write at most), nothing more. */
    private final class CageListener implements Consumer<TargetEvent> {
        final int cage;
        volatile int mask;
        AutoCloseable handle;

        CageListener(int cage) { this.cage = cage; }

        @Override
        public void accept(TargetEvent event) {
            if ((mask & EventKind.of(event).mask()) == 0) return;
            try {
                outbox.sendFromHere(new Frame.Event(event));
            } catch (RuntimeException e) {
                // never let a bad event escape into the module's firmware
                log.warn("event {} of cage {} cannot be sent", event, cage, e);
            }
        }
    }
}
