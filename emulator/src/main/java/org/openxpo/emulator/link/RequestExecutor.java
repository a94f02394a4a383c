package org.openxpo.emulator.link;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkProtocolException;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.Pin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns one request of a handshaken connection into its answer: a response frame or an ERROR. */
final class RequestExecutor {
    private static final Logger log = LoggerFactory.getLogger(RequestExecutor.class);

    private final Map<Integer, CageBus> cages;
    private final EventSubscriptions subscriptions;

    RequestExecutor(Map<Integer, CageBus> cages, EventSubscriptions subscriptions) {
        this.cages = cages;
        this.subscriptions = subscriptions;
    }

    /**
     * The answer to {@code request}, which was ready to run at {@code slot.ready()} ({@link System#nanoTime()}, see
     * {@link CageBus}; a timed transaction sets when the answer may leave); throws only when the connection's worker is
     * interrupted (the client left).
     */
    Frame answer(Frame request, BusSlot slot) throws InterruptedException {
        int id = request.requestId();
        try {
            return execute(request, slot);
        } catch (LinkProtocolException e) {
            return e.toReply();
        } catch (IllegalArgumentException e) {
            return new Frame.ErrorReply(id, LinkError.BAD_ARGUMENT, e.getMessage());
        } catch (UnsupportedOperationException e) {
            return new Frame.ErrorReply(id, LinkError.UNSUPPORTED, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("request {} failed", request.type(), e);
            return new Frame.ErrorReply(id, LinkError.INTERNAL, e.toString());
        }
    }

    /**
     * The answer to {@code request} if it can be given on the calling thread without waiting: requests that do not use
     * a bus, and transactions on a cage whose bus is free now and that are short enough when bus time is modelled
     * ({@link CageBus#tryHold}; a timed one sets {@code slot}'s answer time, which the caller keeps to). Null when the
     * request must be handed to a thread that may wait.
     */
    Frame answerNow(Frame request, BusSlot slot) {
        CageBus bus = busOf(request);
        try {
            if (bus != null && !bus.tryHold(longestBusNanos(request, bus.timing()), slot)) return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return answer(request, slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // not reached: the bus was held without waiting
            return null;
        } finally {
            if (bus != null) bus.release();
        }
    }

    /**
     * The most bus time {@code request} can take: every message run. Batches (which wait between their transfers) and
     * ENTDAA (whose time depends on the targets that answer) count as unbounded.
     */
    private static long longestBusNanos(Frame request, BusTiming timing) {
        if (!timing.enabled()) return 0;
        return switch (request) {
            case Frame.I2cTransfer t -> timing.transferNanos(t.messages());
            case Frame.I3cTransfer t -> timing.transferNanos(t.messages());
            case Frame.CccCall c -> timing.cccNanos(c.request());
            default -> Long.MAX_VALUE;
        };
    }

    /** The cage bus a request holds while it runs; null for requests that use none (and for unknown cages). */
    private CageBus busOf(Frame request) {
        int cage = switch (request) {
            case Frame.I2cTransfer t -> t.cage();
            case Frame.I2cBatch b -> b.cage();
            case Frame.I3cBatch b -> b.cage();
            case Frame.I3cTransfer t -> t.cage();
            case Frame.CccCall c -> c.cage();
            case Frame.EntdaaCall e -> e.cage();
            default -> 0;
        };
        return cage == 0 ? null : cages.get(cage);
    }

    private Frame execute(Frame request, BusSlot slot) throws InterruptedException {
        int id = request.requestId();
        return switch (request) {
            case Frame.Ping p -> new Frame.Ack(id);
            case Frame.ListCages l -> new Frame.CageList(id, cageList());
            case Frame.I2cTransfer t -> new Frame.TransferResult(id, bus(id, t.cage()).i2c(t.messages(), slot));
            case Frame.I2cBatch b -> new Frame.BatchResult(id, bus(id, b.cage()).i2cBatch(b.transfers(), slot));
            case Frame.I3cBatch b -> new Frame.BatchResult(id, bus(id, b.cage()).i3cBatch(b.transfers(), slot));
            case Frame.I3cTransfer t -> new Frame.TransferResult(id, bus(id, t.cage()).i3c(t.messages(), slot));
            case Frame.CccCall c -> new Frame.CccAnswer(id, bus(id, c.cage()).ccc(c.request(), slot));
            case Frame.EntdaaCall e -> new Frame.EntdaaAnswer(id, bus(id, e.cage()).entdaa(e.firstAddress(), slot));
            case Frame.PinWrite w -> writePin(w);
            case Frame.PinRead r -> new Frame.PinLevels(id, levels(bus(id, r.cage()).connector()));
            case Frame.Subscribe s -> {
                if (s.cage() != 0) bus(id, s.cage());
                subscriptions.add(s.cage(), EventKind.mask(s.kinds()));
                yield new Frame.Ack(id);
            }
            case Frame.Unsubscribe u -> {
                if (u.cage() != 0) bus(id, u.cage());
                subscriptions.remove(u.cage(), EventKind.mask(u.kinds()));
                yield new Frame.Ack(id);
            }
            default -> throw new LinkProtocolException(LinkError.UNEXPECTED_FRAME, id,
                request.type() + " is not a request a server answers");
        };
    }

    private CageBus bus(int requestId, int cage) {
        CageBus bus = cages.get(cage);
        if (bus == null) throw new LinkProtocolException(LinkError.UNKNOWN_CAGE, requestId, "no cage " + cage);
        return bus;
    }

    private List<Frame.CagePresence> cageList() {
        List<Frame.CagePresence> list = new ArrayList<>(cages.size());
        for (CageBus bus : cages.values())
            list.add(new Frame.CagePresence(bus.number(), !bus.connector().readPin(Pin.MOD_PRS_L)));
        return list;
    }

    private Frame writePin(Frame.PinWrite w) {
        CageBus bus = bus(w.requestId(), w.cage());
        if (!w.pin().hostDriven())
            throw new LinkProtocolException(LinkError.BAD_ARGUMENT, w.requestId(),
                w.pin() + " is driven by the module; the host only reads it");
        bus.connector().writePin(w.pin(), w.high());
        return new Frame.Ack(w.requestId());
    }

    private static Map<Pin, Boolean> levels(ControlConnector connector) {
        Map<Pin, Boolean> levels = new EnumMap<>(Pin.class);
        for (Pin pin : Pin.values()) levels.put(pin, connector.readPin(pin));
        return levels;
    }
}
