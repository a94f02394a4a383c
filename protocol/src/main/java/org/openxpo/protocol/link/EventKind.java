package org.openxpo.protocol.link;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.openxpo.protocol.connector.TargetEvent;

/** The kinds of pushed events: a code in the EVENT frame and a bit in the SUBSCRIBE mask. */
public enum EventKind {
    INT_L(1),
    IBI(2),
    PRESENCE(3),
    RESET(4),
    PIN_LEVEL(5);

    private final int code;

    EventKind(int code) { this.code = code; }

    public int code() { return code; }

    /** Bit {@code code - 1} of the subscription mask. */
    public int mask() { return 1 << (code - 1); }

    public static EventKind of(TargetEvent event) {
        return switch (event) {
            case TargetEvent.IntL e -> INT_L;
            case TargetEvent.Ibi e -> IBI;
            case TargetEvent.Presence e -> PRESENCE;
            case TargetEvent.Reset e -> RESET;
            case TargetEvent.PinLevel e -> PIN_LEVEL;
        };
    }

    /** The kind with this code, or null. */
    public static EventKind fromCode(int code) {
        for (EventKind k : values()) if (k.code == code) return k;
        return null;
    }

    public static Set<EventKind> all() { return Collections.unmodifiableSet(EnumSet.allOf(EventKind.class)); }

    public static int mask(Set<EventKind> kinds) {
        int mask = 0;
        for (EventKind k : kinds) mask |= k.mask();
        return mask;
    }

    /** The kinds in {@code mask}; bits of unknown kinds are refused. */
    public static Set<EventKind> fromMask(int mask) {
        EnumSet<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (EventKind k : values()) if ((mask & k.mask()) != 0) kinds.add(k);
        if (mask(kinds) != mask) throw new IllegalArgumentException(String.format("unknown event kind bits 0x%02X", mask));
        return Collections.unmodifiableSet(kinds);
    }
}
