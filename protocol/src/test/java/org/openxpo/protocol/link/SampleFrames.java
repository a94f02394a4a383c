package org.openxpo.protocol.link;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.openxpo.protocol.link.Frame.*;
import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/** Frames for the tests: hand-picked ones covering every type and edge, and seeded random valid ones. */
final class SampleFrames {
    private SampleFrames() {}

    static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) data[i] = (byte) i;
        return data;
    }

    /** The worked example of docs/wire-protocol.md: select page 0x01, then read its 128 bytes after a repeated start. */
    static I2cTransfer pageRead() {
        return new I2cTransfer(1, 1, List.of(I2cMessage.write(0x50, (byte) 0x7F, (byte) 0x01),
            I2cMessage.write(0x50, (byte) 0x80), I2cMessage.read(0x50, 128)));
    }

    static TransferResult pageReadResult() {
        return new TransferResult(1, List.of(I2cResult.ack(), I2cResult.ack(), I2cResult.ack(counting(128))));
    }

    /** The batch example of docs/wire-protocol.md: select page A0h, then write two bytes at 128, each with its STOP. */
    static I2cBatch eplBatch() {
        return new I2cBatch(2, 1, List.of(List.of(I2cMessage.write(0x50, (byte) 0x7F, (byte) 0xA0)),
            List.of(I2cMessage.write(0x50, (byte) 0x80, (byte) 0x11, (byte) 0x22))));
    }

    static BatchResult eplBatchResult() {
        return new BatchResult(2, List.of(List.of(I2cResult.ack()), List.of(I2cResult.ack())));
    }

    static List<Frame> all() {
        return List.of(
            Hello.current(1, "xpoctl"),
            new Hello(2, 1, 7, "client from a newer minor ✓"),
            new HelloOk(1, 1, 0, "openxpo-emulator", 4),
            new Ping(0xFFFF_FFFF),
            new ListCages(3),
            new CageList(3, List.of(new CagePresence(1, true), new CagePresence(2, false))),
            new CageList(4, List.of()),
            pageRead(),
            new I2cTransfer(5, 2, List.of(I2cMessage.write(0x50), I2cMessage.read(0x50, 0))),
            new I2cTransfer(6, 65535, List.of(I2cMessage.write(0x7F, counting(LinkLimits.MAX_MESSAGE_LENGTH)))),
            pageReadResult(),
            new TransferResult(7, List.of(I2cResult.dataNack(3), I2cResult.of(I2cResult.Status.SKIPPED))),
            new TransferResult(8, List.of(I2cResult.of(I2cResult.Status.ADDRESS_NACK), I2cResult.of(I2cResult.Status.BUS_ERROR),
                I2cResult.of(I2cResult.Status.NO_MODULE))),
            eplBatch(),
            eplBatchResult(),
            new I2cBatch(23, 7, List.of(List.of(I2cMessage.write(0x50, (byte) 0x25), I2cMessage.read(0x50, 1)),
                List.of(I2cMessage.write(0x51, counting(LinkLimits.MAX_MESSAGE_LENGTH))))),
            new BatchResult(23, List.of(List.of(I2cResult.ack(), I2cResult.of(I2cResult.Status.ADDRESS_NACK)),
                List.of(I2cResult.of(I2cResult.Status.SKIPPED), I2cResult.of(I2cResult.Status.SKIPPED)))),
            new I3cBatch(24, 1, List.of(List.of(I2cMessage.write(0x08, (byte) 0x7F, (byte) 0x11)),
                List.of(I2cMessage.write(0x08, (byte) 0x80), I2cMessage.read(0x08, 128)))),
            new I3cTransfer(9, 1, List.of(I2cMessage.write(0x08, (byte) 0x00), I2cMessage.read(0x08, 2))),
            new CccCall(10, 1, CccRequest.broadcast(Ccc.ENEC_BC, (byte) Ccc.EVENT_INT)),
            new CccCall(11, 1, CccRequest.directRead(Ccc.GETPID, 0x08, 6)),
            new CccAnswer(11, CccResult.ack(new byte[] {1, 2, 3, 4, 5, 6})),
            new CccAnswer(12, CccResult.nack()),
            new EntdaaCall(13, 1, 0x08),
            new EntdaaAnswer(13, List.of(new I3cDevice(0xFFFF_FFFF_FFFFL, 0x26, 0xC6, 0x08), new I3cDevice(0, 0, 0, 0x09))),
            new EntdaaAnswer(14, List.of()),
            new PinWrite(15, 1, Pin.RESET_L, false),
            new PinRead(16, 1),
            new PinLevels(16, Map.of(Pin.RESET_L, true, Pin.LP_MODE, false, Pin.POWER_ENABLE, true, Pin.INT_L, true,
                Pin.MOD_PRS_L, false, Pin.POWER_GOOD, true)),
            new Subscribe(17, 0, EventKind.all()),
            new Subscribe(18, 3, EnumSet.of(EventKind.INT_L)),
            new Unsubscribe(19, 0, EnumSet.of(EventKind.IBI, EventKind.RESET)),
            new Unsubscribe(20, 1, Set.of()),
            new Ack(21),
            new Event(new TargetEvent.IntL(1, 1_000_000_000L, true)),
            new Event(new TargetEvent.Ibi(2, -1L, 0x08, new byte[] {(byte) 0x80, 0x01})),
            new Event(new TargetEvent.Presence(3, 0, false)),
            new Event(new TargetEvent.Reset(4, 42, "pin")),
            new Event(new TargetEvent.PinLevel(5, Long.MAX_VALUE, Pin.POWER_GOOD, true)),
            new ErrorReply(22, LinkError.UNKNOWN_CAGE, "no cage 9"),
            new ErrorReply(0, LinkError.MALFORMED_FRAME, ""));
    }

    /** A random valid frame of a random type (every type equally likely). */
    static Frame random(Random rnd) {
        int id = rnd.nextInt() | 1;
        int cage = rnd.nextInt(65536);
        FrameType type = FrameType.values()[rnd.nextInt(FrameType.values().length)];
        return switch (type) {
            case HELLO -> new Hello(id, LinkVersion.MAJOR, rnd.nextInt(256), text(rnd)); // other majors decode without a name
            case HELLO_OK -> new HelloOk(id, rnd.nextInt(256), rnd.nextInt(256), text(rnd), rnd.nextInt(LinkLimits.MAX_CAGES + 1));
            case PING -> new Ping(id);
            case LIST_CAGES -> new ListCages(id);
            case ACK -> new Ack(id);
            case CAGE_LIST -> {
                List<CagePresence> cages = new ArrayList<>();
                for (int c = 1, n = rnd.nextInt(20); c <= n; c++) cages.add(new CagePresence(c, rnd.nextBoolean()));
                yield new CageList(id, cages);
            }
            case I2C_TRANSFER -> new I2cTransfer(id, cage, messages(rnd));
            case I3C_TRANSFER -> new I3cTransfer(id, cage, messages(rnd));
            case TRANSFER_RESULT -> new TransferResult(id, results(rnd));
            case I2C_BATCH -> new I2cBatch(id, cage, transfers(rnd));
            case I3C_BATCH -> new I3cBatch(id, cage, transfers(rnd));
            case BATCH_RESULT -> {
                List<List<I2cResult>> results = new ArrayList<>();
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) results.add(results(rnd));
                yield new BatchResult(id, results);
            }
            case I3C_CCC -> new CccCall(id, cage, new CccRequest(rnd.nextInt(256), rnd.nextInt(128),
                bytes(rnd, rnd.nextInt(4)), rnd.nextInt(256)));
            case CCC_RESULT -> new CccAnswer(id, new CccResult(rnd.nextBoolean(), bytes(rnd, rnd.nextInt(8))));
            case I3C_ENTDAA -> new EntdaaCall(id, cage, rnd.nextInt(128));
            case ENTDAA_RESULT -> {
                List<I3cDevice> devices = new ArrayList<>();
                for (int i = 0, n = rnd.nextInt(4); i < n; i++)
                    devices.add(new I3cDevice(rnd.nextLong() >>> 16, rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(128)));
                yield new EntdaaAnswer(id, devices);
            }
            case PIN_WRITE -> new PinWrite(id, cage, pin(rnd), rnd.nextBoolean());
            case PIN_READ -> new PinRead(id, cage);
            case PIN_LEVELS -> {
                Map<Pin, Boolean> levels = new java.util.EnumMap<>(Pin.class);
                for (Pin p : Pin.values()) if (rnd.nextBoolean()) levels.put(p, rnd.nextBoolean());
                yield new PinLevels(id, levels);
            }
            case SUBSCRIBE -> new Subscribe(id, cage, kinds(rnd));
            case UNSUBSCRIBE -> new Unsubscribe(id, cage, kinds(rnd));
            case EVENT -> new Event(event(rnd));
            case ERROR -> new ErrorReply(rnd.nextBoolean() ? 0 : id, rnd.nextInt(65536), text(rnd));
        };
    }

    private static List<I2cMessage> messages(Random rnd) {
        List<I2cMessage> messages = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(5); i < n; i++) {
            int address = rnd.nextInt(128);
            messages.add(rnd.nextBoolean() ? I2cMessage.read(address, rnd.nextInt(300))
                : I2cMessage.write(address, bytes(rnd, rnd.nextInt(40))));
        }
        return messages;
    }

    private static List<List<I2cMessage>> transfers(Random rnd) {
        List<List<I2cMessage>> transfers = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) transfers.add(messages(rnd));
        return transfers;
    }

    private static List<I2cResult> results(Random rnd) {
        List<I2cResult> results = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
            I2cResult.Status status = I2cResult.Status.values()[rnd.nextInt(I2cResult.Status.values().length)];
            results.add(status == I2cResult.Status.DATA_NACK ? I2cResult.dataNack(rnd.nextInt(300))
                : status == I2cResult.Status.ACK ? I2cResult.ack(bytes(rnd, rnd.nextInt(130)))
                : I2cResult.of(status));
        }
        return results;
    }

    private static TargetEvent event(Random rnd) {
        int cage = rnd.nextInt(65536);
        long time = rnd.nextLong();
        return switch (EventKind.values()[rnd.nextInt(EventKind.values().length)]) {
            case INT_L -> new TargetEvent.IntL(cage, time, rnd.nextBoolean());
            case IBI -> new TargetEvent.Ibi(cage, time, rnd.nextInt(128), bytes(rnd, 1 + rnd.nextInt(8)));
            case PRESENCE -> new TargetEvent.Presence(cage, time, rnd.nextBoolean());
            case RESET -> new TargetEvent.Reset(cage, time, text(rnd));
            case PIN_LEVEL -> new TargetEvent.PinLevel(cage, time, pin(rnd), rnd.nextBoolean());
        };
    }

    private static Set<EventKind> kinds(Random rnd) { return EventKind.fromMask(rnd.nextInt(32)); }

    private static Pin pin(Random rnd) { return Pin.values()[rnd.nextInt(Pin.values().length)]; }

    private static byte[] bytes(Random rnd, int length) {
        byte[] data = new byte[length];
        rnd.nextBytes(data);
        return data;
    }

    private static final String[] WORDS = {"", "xpoctl", "openxpo-emulator", "power", "Grüße", "温度", "🙂 emoji"};

    private static String text(Random rnd) { return WORDS[rnd.nextInt(WORDS.length)]; }
}
