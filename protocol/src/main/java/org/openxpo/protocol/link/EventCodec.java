package org.openxpo.protocol.link;

import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/** The body of an EVENT frame: kind, cage, timestamp, then the kind's own fields. */
final class EventCodec {
    private EventCodec() {}

    static void write(TargetEvent event, FrameWriter out) {
        out.u8(EventKind.of(event).code());
        out.u16(event.cage());
        out.u64(event.timestampNanos());
        switch (event) {
            case TargetEvent.IntL e -> out.bool(e.asserted());
            case TargetEvent.Ibi e -> {
                out.u8(e.address());
                out.u8(e.payload().length);
                out.bytes(e.payload());
            }
            case TargetEvent.Presence e -> out.bool(e.present());
            case TargetEvent.Reset e -> out.text(e.cause());
            case TargetEvent.PinLevel e -> {
                out.u8(e.pin().wireId());
                out.bool(e.high());
            }
        }
    }

    static TargetEvent read(FrameReader in) {
        int code = in.u8();
        EventKind kind = EventKind.fromCode(code);
        if (kind == null) throw in.badArgument("unknown event kind " + code);
        int cage = in.u16();
        long timestamp = in.u64();
        return switch (kind) {
            case INT_L -> new TargetEvent.IntL(cage, timestamp, in.bool());
            case IBI -> {
                int address = in.u8();
                byte[] payload = in.bytes(in.u8());
                yield new TargetEvent.Ibi(cage, timestamp, address, payload);
            }
            case PRESENCE -> new TargetEvent.Presence(cage, timestamp, in.bool());
            case RESET -> new TargetEvent.Reset(cage, timestamp, in.text());
            case PIN_LEVEL -> new TargetEvent.PinLevel(cage, timestamp, pin(in), in.bool());
        };
    }

    static Pin pin(FrameReader in) {
        int id = in.u8();
        Pin pin = Pin.fromWireId(id);
        if (pin == null) throw in.badArgument("unknown pin " + id);
        return pin;
    }
}
