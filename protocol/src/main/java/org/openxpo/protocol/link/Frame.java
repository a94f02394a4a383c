package org.openxpo.protocol.link;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * One frame of the emulator link, laid out in docs/wire-protocol.md. Requests carry a non-zero id that their response
 * echoes; events carry id 0; an ERROR carries the id of the request it refuses, or 0 for the connection as a whole.
 * The records validate on construction (throwing {@link IllegalArgumentException}), so anything that can be built can
 * be encoded and decodes back to an equal frame.
 */
public sealed interface Frame {

    FrameType type();

    /** The request id (unsigned 32 bits on the wire). */
    int requestId();

    /** Opens a session: the first frame a client sends. */
    record Hello(int requestId, int major, int minor, String clientName) implements Frame {
        public Hello {
            Check.requestId(requestId);
            Check.unsigned(major, 8, "major version");
            Check.unsigned(minor, 8, "minor version");
            clientName = LinkText.fit(clientName);
        }

        /** A HELLO for this implementation's version. */
        public static Hello current(int requestId, String clientName) {
            return new Hello(requestId, LinkVersion.MAJOR, LinkVersion.MINOR, clientName);
        }

        @Override public FrameType type() { return FrameType.HELLO; }
    }

    /** The server accepted the HELLO; {@code major}.{@code minor} is the server's own version. */
    record HelloOk(int requestId, int major, int minor, String serverName, int cageCount) implements Frame {
        public HelloOk {
            Check.requestId(requestId);
            Check.unsigned(major, 8, "major version");
            Check.unsigned(minor, 8, "minor version");
            serverName = LinkText.fit(serverName);
            if (cageCount < 0 || cageCount > LinkLimits.MAX_CAGES) throw new IllegalArgumentException("cage count " + cageCount);
        }

        @Override public FrameType type() { return FrameType.HELLO_OK; }
    }

    /** Answered with {@link Ack}: a liveness check and a round-trip probe. */
    record Ping(int requestId) implements Frame {
        public Ping { Check.requestId(requestId); }

        @Override public FrameType type() { return FrameType.PING; }
    }

    /** Asks for every cage and whether a module sits in it. */
    record ListCages(int requestId) implements Frame {
        public ListCages { Check.requestId(requestId); }

        @Override public FrameType type() { return FrameType.LIST_CAGES; }
    }

    /** One entry of a {@link CageList}. */
    record CagePresence(int cage, boolean present) {
        public CagePresence { Check.cage(cage); }
    }

    record CageList(int requestId, List<CagePresence> cages) implements Frame {
        public CageList {
            Check.requestId(requestId);
            cages = List.copyOf(Check.present(cages, "cages"));
            if (cages.size() > LinkLimits.MAX_CAGES) throw new IllegalArgumentException(cages.size() + " cages");
            Set<Integer> seen = new HashSet<>();
            for (CagePresence c : cages)
                if (!seen.add(c.cage())) throw new IllegalArgumentException("cage " + c.cage() + " listed twice");
        }

        @Override public FrameType type() { return FrameType.CAGE_LIST; }
    }

    /** I2C messages joined by repeated starts, executed atomically on the cage's bus. */
    record I2cTransfer(int requestId, int cage, List<I2cMessage> messages) implements Frame {
        public I2cTransfer {
            Check.requestId(requestId);
            Check.cage(cage);
            messages = Check.messages(messages);
        }

        @Override public FrameType type() { return FrameType.I2C_TRANSFER; }
    }

    /** I3C SDR private transfer: the same shape as I2C, addressed to dynamic addresses. */
    record I3cTransfer(int requestId, int cage, List<I2cMessage> messages) implements Frame {
        public I3cTransfer {
            Check.requestId(requestId);
            Check.cage(cage);
            messages = Check.messages(messages);
        }

        @Override public FrameType type() { return FrameType.I3C_TRANSFER; }
    }

    /** One result per message of an I2C or I3C transfer, in message order. */
    record TransferResult(int requestId, List<I2cResult> results) implements Frame {
        public TransferResult {
            Check.requestId(requestId);
            results = Check.results(results);
        }

        @Override public FrameType type() { return FrameType.TRANSFER_RESULT; }
    }

    /**
     * I2C transfers run back to back on the cage's bus, each ending with its own STOP, with no other connection's
     * transfer between them; after a failed transfer the rest are skipped (since 1.1).
     */
    record I2cBatch(int requestId, int cage, List<List<I2cMessage>> transfers) implements Frame {
        public I2cBatch {
            Check.requestId(requestId);
            Check.cage(cage);
            transfers = Check.batch(transfers, Check::messages, m -> (long) m.length());
        }

        @Override public FrameType type() { return FrameType.I2C_BATCH; }
    }

    /** {@link I2cBatch} for I3C SDR private transfers to dynamic addresses (since 1.1). */
    record I3cBatch(int requestId, int cage, List<List<I2cMessage>> transfers) implements Frame {
        public I3cBatch {
            Check.requestId(requestId);
            Check.cage(cage);
            transfers = Check.batch(transfers, Check::messages, m -> (long) m.length());
        }

        @Override public FrameType type() { return FrameType.I3C_BATCH; }
    }

    /** One result list per transfer of an {@link I2cBatch} or {@link I3cBatch}, in order. */
    record BatchResult(int requestId, List<List<I2cResult>> results) implements Frame {
        public BatchResult {
            Check.requestId(requestId);
            results = Check.batch(results, Check::results, r -> (long) r.data().length);
        }

        @Override public FrameType type() { return FrameType.BATCH_RESULT; }
    }

    record CccCall(int requestId, int cage, CccRequest request) implements Frame {
        public CccCall {
            Check.requestId(requestId);
            Check.cage(cage);
            Check.present(request, "CCC request");
        }

        @Override public FrameType type() { return FrameType.I3C_CCC; }
    }

    record CccAnswer(int requestId, CccResult result) implements Frame {
        public CccAnswer {
            Check.requestId(requestId);
            Check.present(result, "CCC result");
            if (result.data() == null) result = new CccResult(result.acknowledged(), new byte[0]);
            Check.unsigned(result.data().length, 8, "CCC data length");
        }

        @Override public FrameType type() { return FrameType.CCC_RESULT; }
    }

    /** ENTDAA: assign dynamic addresses from {@code firstAddress} upwards. */
    record EntdaaCall(int requestId, int cage, int firstAddress) implements Frame {
        public EntdaaCall {
            Check.requestId(requestId);
            Check.cage(cage);
            Check.address(firstAddress);
        }

        @Override public FrameType type() { return FrameType.I3C_ENTDAA; }
    }

    record EntdaaAnswer(int requestId, List<I3cDevice> devices) implements Frame {
        public EntdaaAnswer {
            Check.requestId(requestId);
            devices = Check.devices(devices);
        }

        @Override public FrameType type() { return FrameType.ENTDAA_RESULT; }
    }

    record PinWrite(int requestId, int cage, Pin pin, boolean high) implements Frame {
        public PinWrite {
            Check.requestId(requestId);
            Check.cage(cage);
            Check.present(pin, "pin");
        }

        @Override public FrameType type() { return FrameType.PIN_WRITE; }
    }

    record PinRead(int requestId, int cage) implements Frame {
        public PinRead {
            Check.requestId(requestId);
            Check.cage(cage);
        }

        @Override public FrameType type() { return FrameType.PIN_READ; }
    }

    /** The level of every pin of a cage ({@code true} = electrically high). */
    record PinLevels(int requestId, Map<Pin, Boolean> levels) implements Frame {
        public PinLevels {
            Check.requestId(requestId);
            EnumMap<Pin, Boolean> copy = new EnumMap<>(Pin.class);
            Check.present(levels, "levels").forEach((pin, high) -> copy.put(Check.present(pin, "pin"), Check.present(high, "level")));
            levels = Collections.unmodifiableMap(copy);
        }

        @Override public FrameType type() { return FrameType.PIN_LEVELS; }
    }

    /** Adds event kinds to the connection's subscription for a cage (0 = every cage). */
    record Subscribe(int requestId, int cage, Set<EventKind> kinds) implements Frame {
        public Subscribe {
            Check.requestId(requestId);
            Check.cage(cage);
            kinds = kindSet(kinds);
        }

        @Override public FrameType type() { return FrameType.SUBSCRIBE; }
    }

    /** Removes event kinds from the connection's subscription for a cage (0 = every cage). */
    record Unsubscribe(int requestId, int cage, Set<EventKind> kinds) implements Frame {
        public Unsubscribe {
            Check.requestId(requestId);
            Check.cage(cage);
            kinds = kindSet(kinds);
        }

        @Override public FrameType type() { return FrameType.UNSUBSCRIBE; }
    }

    /** The empty answer to PING, PIN_WRITE, SUBSCRIBE and UNSUBSCRIBE. */
    record Ack(int requestId) implements Frame {
        public Ack { Check.requestId(requestId); }

        @Override public FrameType type() { return FrameType.ACK; }
    }

    /** A pushed event; its request id is always 0. */
    record Event(TargetEvent event) implements Frame {
        public Event { event = Check.event(event); }

        @Override public int requestId() { return 0; }

        @Override public FrameType type() { return FrameType.EVENT; }
    }

    /** Refuses a request (or, with id 0, the connection). {@code code} keeps the raw number a newer peer may send. */
    record ErrorReply(int requestId, int code, String message) implements Frame {
        public ErrorReply {
            Check.unsigned(code, 16, "error code");
            message = LinkText.fit(message);
        }

        public ErrorReply(int requestId, LinkError error, String message) { this(requestId, error.code(), message); }

        /** The error; unknown codes read as {@link LinkError#INTERNAL}. */
        public LinkError error() { return LinkError.fromCode(code); }

        @Override public FrameType type() { return FrameType.ERROR; }
    }

    private static Set<EventKind> kindSet(Set<EventKind> kinds) {
        EnumSet<EventKind> copy = EnumSet.noneOf(EventKind.class);
        for (EventKind k : Check.present(kinds, "event kinds")) copy.add(Check.present(k, "event kind"));
        return Collections.unmodifiableSet(copy);
    }
}
