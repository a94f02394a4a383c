package org.openxpo.driver.firmware;

import java.time.Duration;

/**
 * CDB 0041h: how the module takes firmware. Durations are already multiplied out (MaxDurationCoding ×10 honoured,
 * unlike the kernel).
 */
public record FirmwareFeatures(boolean abortSupported, int startPayloadSize, int readWriteLengthExt,
                               boolean lplWrites, boolean eplWrites, Duration maxStart, Duration maxAbort,
                               Duration maxWrite, Duration maxComplete) {

    static FirmwareFeatures decode(byte[] r) {
        int m = (r[1] & 0x08) != 0 ? 10 : 1;
        int write = r[5] & 0xFF;
        return new FirmwareFeatures((r[1] & 1) != 0, r[2] & 0xFF, r[4] & 0xFF, write == 0x01 || write == 0x11,
            write == 0x10 || write == 0x11, ms(r, 8, m), ms(r, 10, m), ms(r, 12, m), ms(r, 14, m));
    }

    private static Duration ms(byte[] r, int at, int multiplier) {
        return Duration.ofMillis((long) (((r[at] & 0xFF) << 8) | (r[at + 1] & 0xFF)) * multiplier);
    }

    /** Bytes of image data per LPL block: the LPL (at most 120 bytes, or the access limit) minus the address. */
    public int lplBlockSize() { return Math.min(8 * (1 + Math.min(readWriteLengthExt, 15)), 120) - 4; }
}
