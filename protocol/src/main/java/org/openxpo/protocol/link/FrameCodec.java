package org.openxpo.protocol.link;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openxpo.protocol.link.Frame.*;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;

/**
 * Encodes and decodes link frames (docs/wire-protocol.md). Pure and thread-safe. Decoding is total: it returns a frame
 * or throws {@link LinkProtocolException}, allocates no more than the frame holds, and runs in time linear in its size.
 */
public final class FrameCodec {
    private FrameCodec() {}

    private static final int READ_FLAG = 0x01;
    private static final int NO_NACK_INDEX = 0xFFFF;

    /** The frame as sent on the wire, length field included. */
    public static byte[] encode(Frame frame) {
        FrameWriter out = new FrameWriter(frame.type(), frame.requestId());
        switch (frame) {
            case Hello h -> {
                out.bytes(LinkVersion.MAGIC_BYTES);
                out.u8(h.major());
                out.u8(h.minor());
                out.text(h.clientName());
            }
            case HelloOk h -> {
                out.u8(h.major());
                out.u8(h.minor());
                out.text(h.serverName());
                out.u16(h.cageCount());
            }
            case Ping p -> { }
            case ListCages l -> { }
            case Ack a -> { }
            case CageList l -> {
                out.u16(l.cages().size());
                for (CagePresence c : l.cages()) {
                    out.u16(c.cage());
                    out.bool(c.present());
                }
            }
            case I2cTransfer t -> writeTransfer(t.cage(), t.messages(), out);
            case I3cTransfer t -> writeTransfer(t.cage(), t.messages(), out);
            case TransferResult r -> writeResults(r.results(), out);
            case I2cBatch b -> writeBatch(b.cage(), b.transfers(), out);
            case I3cBatch b -> writeBatch(b.cage(), b.transfers(), out);
            case BatchResult b -> {
                out.u8(b.results().size());
                for (List<I2cResult> r : b.results()) writeResults(r, out);
            }
            case CccCall c -> {
                CccRequest r = c.request();
                out.u16(c.cage());
                out.u8(r.code());
                out.u8(r.address());
                out.u8(r.data().length);
                out.bytes(r.data());
                out.u8(r.readLength());
            }
            case CccAnswer a -> {
                out.bool(a.result().acknowledged());
                out.u8(a.result().data().length);
                out.bytes(a.result().data());
            }
            case EntdaaCall e -> {
                out.u16(e.cage());
                out.u8(e.firstAddress());
            }
            case EntdaaAnswer e -> {
                out.u8(e.devices().size());
                for (I3cDevice d : e.devices()) {
                    out.u48(d.provisionedId());
                    out.u8(d.bcr());
                    out.u8(d.dcr());
                    out.u8(d.dynamicAddress());
                }
            }
            case PinWrite p -> {
                out.u16(p.cage());
                out.u8(p.pin().wireId());
                out.bool(p.high());
            }
            case PinRead p -> out.u16(p.cage());
            case PinLevels p -> {
                List<Map.Entry<Pin, Boolean>> byWireId = new ArrayList<>(p.levels().entrySet());
                byWireId.sort(Comparator.comparingInt(e -> e.getKey().wireId()));
                out.u8(byWireId.size());
                for (Map.Entry<Pin, Boolean> e : byWireId) {
                    out.u8(e.getKey().wireId());
                    out.bool(e.getValue());
                }
            }
            case Subscribe s -> {
                out.u16(s.cage());
                out.u8(EventKind.mask(s.kinds()));
            }
            case Unsubscribe u -> {
                out.u16(u.cage());
                out.u8(EventKind.mask(u.kinds()));
            }
            case Event e -> EventCodec.write(e.event(), out);
            case ErrorReply e -> {
                out.u16(e.code());
                out.text(e.message());
            }
        }
        return out.finish();
    }

    /** Decodes one whole frame: the length field followed by exactly that many bytes. The buffer is not moved. */
    public static Frame decode(ByteBuffer frame) {
        ByteBuffer in = frame.slice(); // big-endian whatever the caller's order, and the caller's position untouched
        if (in.remaining() < LinkLimits.LENGTH_FIELD)
            throw new LinkProtocolException(LinkError.MALFORMED_FRAME, 0, "shorter than the length field");
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > LinkLimits.MAX_FRAME_LENGTH) throw tooLarge(length);
        if (length != in.remaining())
            throw new LinkProtocolException(LinkError.MALFORMED_FRAME, 0,
                "length field says " + length + " bytes, " + in.remaining() + " follow");
        return decodePayload(in);
    }

    /** Decodes the bytes after a frame's length field (what a stream decoder has cut out). The buffer is not moved. */
    public static Frame decodePayload(ByteBuffer payload) {
        if (payload.remaining() > LinkLimits.MAX_FRAME_LENGTH) throw tooLarge(payload.remaining());
        FrameReader in = new FrameReader(payload.slice());
        int code = in.u8();
        int id = in.u32();
        in.requestId(id);
        FrameType type = FrameType.fromCode(code);
        if (type == null)
            throw new LinkProtocolException(LinkError.UNKNOWN_TYPE, id, String.format("unknown frame type 0x%02X", code));
        try {
            Frame frame = body(type, id, in);
            in.expectEnd();
            return frame;
        } catch (IllegalArgumentException e) {
            // the records (ours and the target's) own the value ranges; their refusal is the peer's bad argument
            throw in.badArgument(e.getMessage());
        }
    }

    static LinkProtocolException tooLarge(long length) {
        return new LinkProtocolException(LinkError.FRAME_TOO_LARGE, 0,
            "frame of " + length + " bytes exceeds " + LinkLimits.MAX_FRAME_LENGTH);
    }

    private static Frame body(FrameType type, int id, FrameReader in) {
        if (type == FrameType.EVENT ? id != 0 : id == 0 && type != FrameType.ERROR)
            throw in.malformed("request id " + Integer.toUnsignedString(id) + " on " + type
                + " (0 is for events only)");
        return switch (type) {
            case HELLO -> hello(id, in);
            case HELLO_OK -> new HelloOk(id, in.u8(), in.u8(), in.text(), in.u16());
            case PING -> new Ping(id);
            case LIST_CAGES -> new ListCages(id);
            case ACK -> new Ack(id);
            case CAGE_LIST -> cageList(id, in);
            case I2C_TRANSFER -> new I2cTransfer(id, in.u16(), messages(in));
            case I3C_TRANSFER -> new I3cTransfer(id, in.u16(), messages(in));
            case TRANSFER_RESULT -> new TransferResult(id, results(in));
            case I2C_BATCH -> new I2cBatch(id, in.u16(), transfers(in));
            case I3C_BATCH -> new I3cBatch(id, in.u16(), transfers(in));
            case BATCH_RESULT -> {
                int count = in.u8();
                List<List<I2cResult>> results = new ArrayList<>(count);
                for (int i = 0; i < count; i++) results.add(results(in));
                yield new BatchResult(id, results);
            }
            case I3C_CCC -> {
                int cage = in.u16(), code = in.u8(), address = in.u8();
                byte[] data = in.bytes(in.u8());
                yield new CccCall(id, cage, new CccRequest(code, address, data, in.u8()));
            }
            case CCC_RESULT -> {
                boolean ack = in.bool();
                yield new CccAnswer(id, new CccResult(ack, in.bytes(in.u8())));
            }
            case I3C_ENTDAA -> new EntdaaCall(id, in.u16(), in.u8());
            case ENTDAA_RESULT -> entdaaAnswer(id, in);
            case PIN_WRITE -> new PinWrite(id, in.u16(), EventCodec.pin(in), in.bool());
            case PIN_READ -> new PinRead(id, in.u16());
            case PIN_LEVELS -> pinLevels(id, in);
            case SUBSCRIBE -> new Subscribe(id, in.u16(), EventKind.fromMask(in.u8()));
            case UNSUBSCRIBE -> new Unsubscribe(id, in.u16(), EventKind.fromMask(in.u8()));
            case EVENT -> new Event(EventCodec.read(in));
            case ERROR -> new ErrorReply(id, in.u16(), in.text());
        };
    }

    /** Only magic, major and minor are common to every major; the rest of another major's HELLO is not ours to read. */
    private static Hello hello(int id, FrameReader in) {
        for (byte m : LinkVersion.MAGIC_BYTES)
            if (in.u8() != (m & 0xFF)) throw in.malformed("HELLO without the " + LinkVersion.MAGIC + " magic");
        int major = in.u8(), minor = in.u8();
        if (!LinkVersion.accepts(major)) {
            in.skipRest();
            return new Hello(id, major, minor, "");
        }
        return new Hello(id, major, minor, in.text());
    }

    private static void writeTransfer(int cage, List<I2cMessage> messages, FrameWriter out) {
        out.u16(cage);
        writeMessages(messages, out);
    }

    private static void writeBatch(int cage, List<List<I2cMessage>> transfers, FrameWriter out) {
        out.u16(cage);
        out.u8(transfers.size());
        for (List<I2cMessage> t : transfers) writeMessages(t, out);
    }

    private static List<List<I2cMessage>> transfers(FrameReader in) {
        int count = in.u8();
        List<List<I2cMessage>> transfers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) transfers.add(messages(in));
        return transfers;
    }

    private static void writeMessages(List<I2cMessage> messages, FrameWriter out) {
        out.u8(messages.size());
        for (I2cMessage m : messages) {
            out.u8(m.read() ? READ_FLAG : 0);
            out.u8(m.address());
            out.u16(m.length());
            if (!m.read()) out.bytes(m.data());
        }
    }

    private static List<I2cMessage> messages(FrameReader in) {
        int count = in.u8();
        List<I2cMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.u8();
            if ((flags & ~READ_FLAG) != 0) throw in.malformed(String.format("reserved message flag bits 0x%02X", flags));
            int address = in.u8(), length = in.u16();
            boolean read = flags == READ_FLAG;
            messages.add(new I2cMessage(read, address, length, read ? null : in.bytes(length)));
        }
        return messages;
    }

    private static void writeResults(List<I2cResult> results, FrameWriter out) {
        out.u8(results.size());
        for (I2cResult r : results) {
            out.u8(r.status().wire());
            out.u16(r.status() == I2cResult.Status.DATA_NACK ? r.nackIndex() : NO_NACK_INDEX);
            out.u16(r.data().length);
            out.bytes(r.data());
        }
    }

    private static List<I2cResult> results(FrameReader in) {
        int count = in.u8();
        List<I2cResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int code = in.u8();
            I2cResult.Status status = I2cResult.Status.fromWire(code);
            if (status == null) throw in.badArgument("unknown transfer status " + code);
            int nack = in.u16();
            boolean dataNack = status == I2cResult.Status.DATA_NACK;
            if (!dataNack && nack != NO_NACK_INDEX) throw in.malformed("nack index on a " + status + " result");
            results.add(new I2cResult(status, dataNack ? nack : -1, in.bytes(in.u16())));
        }
        return results;
    }

    private static CageList cageList(int id, FrameReader in) {
        int count = in.u16();
        in.need(count * 3); // before sizing the list: the count is the peer's word
        List<CagePresence> cages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) cages.add(new CagePresence(in.u16(), in.bool()));
        return new CageList(id, cages);
    }

    private static EntdaaAnswer entdaaAnswer(int id, FrameReader in) {
        int count = in.u8();
        List<I3cDevice> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) devices.add(new I3cDevice(in.u48(), in.u8(), in.u8(), in.u8()));
        return new EntdaaAnswer(id, devices);
    }

    /** Pins in ascending wire id, each once: the one encoding of a set of levels. */
    private static PinLevels pinLevels(int id, FrameReader in) {
        int count = in.u8();
        Map<Pin, Boolean> levels = new EnumMap<>(Pin.class);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            Pin pin = EventCodec.pin(in);
            if (pin.wireId() <= previous) throw in.malformed("pins out of order or repeated at " + pin);
            previous = pin.wireId();
            levels.put(pin, in.bool());
        }
        return new PinLevels(id, levels);
    }
}
