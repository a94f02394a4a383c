package org.openxpo.protocol.cdb;

/**
 * Run Firmware Image (0109h) command payload, CMIS 5.3 §9.7.7: byte 136 reserved, 137 ImageToRun ({@link Mode}),
 * 138–139 DelayToReset (U16 ms, counted from when the completion flag is set).
 */
public record RunImagePayload(Mode mode, int delayToResetMs) {
    public static final int LENGTH = 4;
    private static final int MODE = 1, DELAY = 2;

    /** Which image to run and whether the reset may hit traffic. */
    public enum Mode {
        /** 0: traffic-affecting reset into the inactive image. */
        RESET_TO_INACTIVE,
        /** 1: hitless reset into the inactive image. */
        HITLESS_TO_INACTIVE,
        /** 2: traffic-affecting reset into the running image. */
        RESET_TO_RUNNING,
        /** 3: hitless reset into the running image. */
        HITLESS_TO_RUNNING;

        public int code() { return ordinal(); }

        public boolean toInactive() { return this == RESET_TO_INACTIVE || this == HITLESS_TO_INACTIVE; }

        public boolean hitless() { return this == HITLESS_TO_INACTIVE || this == HITLESS_TO_RUNNING; }

        public static Mode fromCode(int code) {
            if (code < 0 || code >= values().length) throw new CdbFormatException("Run (0109h) mode " + code + " is not 0-3");
            return values()[code];
        }
    }

    public RunImagePayload {
        if (mode == null) throw new IllegalArgumentException("Run mode missing");
        CdbBytes.checkU16(delayToResetMs, "DelayToReset");
    }

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[MODE] = (byte) mode.code();
        CdbBytes.put16(b, DELAY, delayToResetMs);
        return b;
    }

    public static RunImagePayload decode(byte[] b) {
        CdbBytes.requireLength(b, LENGTH, "a Run Image (0109h) payload");
        return new RunImagePayload(Mode.fromCode(b[MODE] & 0xFF), CdbBytes.u16(b, DELAY));
    }
}
