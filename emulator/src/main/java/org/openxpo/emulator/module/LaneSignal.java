package org.openxpo.emulator.module;

import org.openxpo.protocol.types.PrbsPattern;

import java.util.Objects;

/**
 * What travels at one point of a lane's signal path: nothing, the traffic of one end, or a PRBS pattern of one of the
 * module's generators. {@code pattern} is set exactly for the generators.
 */
public record LaneSignal(Origin origin, PrbsPattern pattern) {
    /** Where the signal comes from. */
    public enum Origin {
        /** No signal (no light on the fiber). */
        NONE,
        /** The host's own transmission into the module's host input. */
        HOST,
        /** The far end's transmission arriving on the fiber. */
        FAR_END,
        /** The module's host-side PRBS generator. */
        HOST_GENERATOR,
        /** The module's media-side PRBS generator. */
        MEDIA_GENERATOR
    }

    public static final LaneSignal NONE = new LaneSignal(Origin.NONE, null);
    public static final LaneSignal HOST = new LaneSignal(Origin.HOST, null);
    public static final LaneSignal FAR_END = new LaneSignal(Origin.FAR_END, null);

    public LaneSignal {
        Objects.requireNonNull(origin, "origin");
        boolean generator = origin == Origin.HOST_GENERATOR || origin == Origin.MEDIA_GENERATOR;
        if (generator != (pattern != null)) throw new IllegalArgumentException(origin + " with pattern " + pattern);
    }

    static LaneSignal generated(boolean media, PrbsPattern pattern) {
        return new LaneSignal(media ? Origin.MEDIA_GENERATOR : Origin.HOST_GENERATOR, pattern);
    }

    /** True when a checker expecting {@code expected} locks on this signal. */
    boolean carries(PrbsPattern expected) { return pattern != null && pattern == expected; }
}
