package org.openxpo.protocol.cdb;

import java.time.Duration;

/**
 * Firmware Management Features (0041h) reply, CMIS 5.3 §9.4.2, 18 bytes:
 * <pre>
 *  136      reserved
 *  137      bit7 image readback, bit3 MaxDurationCoding (durations in 10 ms), bit2 skip erased blocks,
 *           bit1 Copy (0108h) supported, bit0 Abort Download (0102h) supported
 *  138      StartCmdPayloadSize: image bytes the Start command carries (Linux refuses more than 112)
 *  139      ErasedByte
 *  140      ReadWriteLengthExt i: CDB pages take reads and writes of 8·(1+i) bytes
 *  141/142  WriteMechanism / ReadMechanism ({@link TransferMechanism})
 *  143      HitlessRestart: 1 = Run does not hit traffic
 *  144–153  MaxDurationStart, Abort, Write, Complete, Copy: U16 in 1 ms, or 10 ms with MaxDurationCoding
 * </pre>
 * The duration fields keep their raw units ({@code startUnits} …); {@link #maxStart()} etc. give the time.
 */
public record FirmwareManagementFeaturesReply(boolean imageReadback, boolean durationsInTenMs, boolean skipsErasedBlocks,
                                              boolean copySupported, boolean abortSupported, int startPayloadSize,
                                              int erasedByte, int readWriteLengthExt, TransferMechanism writeMechanism,
                                              TransferMechanism readMechanism, boolean hitlessRestart, int startUnits,
                                              int abortUnits, int writeUnits, int completeUnits, int copyUnits) {
    public static final int LENGTH = CdbCommand.FW_MANAGEMENT_FEATURES.replyLength();
    private static final int RESERVED = 0, FLAGS = 1, START_SIZE = 2, ERASED = 3, EXT = 4, WRITE = 5, READ = 6,
        HITLESS = 7, DURATIONS = 8;
    private static final int READBACK = 0x80, TEN_MS = 0x08, SKIP_ERASED = 0x04, COPY = 0x02, ABORT = 0x01;

    public FirmwareManagementFeaturesReply {
        CdbBytes.checkU8(startPayloadSize, "StartCmdPayloadSize");
        CdbBytes.checkU8(erasedByte, "ErasedByte");
        CdbBytes.checkU8(readWriteLengthExt, "ReadWriteLengthExt");
        if (writeMechanism == null || readMechanism == null) throw new IllegalArgumentException("mechanism missing");
        for (int d : new int[] {startUnits, abortUnits, writeUnits, completeUnits, copyUnits}) CdbBytes.checkU16(d, "duration");
    }

    public Duration maxStart() { return duration(startUnits); }

    public Duration maxAbort() { return duration(abortUnits); }

    public Duration maxWrite() { return duration(writeUnits); }

    public Duration maxComplete() { return duration(completeUnits); }

    public Duration maxCopy() { return duration(copyUnits); }

    private Duration duration(int units) { return Duration.ofMillis((long) units * (durationsInTenMs ? 10 : 1)); }

    public byte[] encode() {
        byte[] r = new byte[LENGTH];
        r[FLAGS] = (byte) ((imageReadback ? READBACK : 0) | (durationsInTenMs ? TEN_MS : 0)
            | (skipsErasedBlocks ? SKIP_ERASED : 0) | (copySupported ? COPY : 0) | (abortSupported ? ABORT : 0));
        r[START_SIZE] = (byte) startPayloadSize;
        r[ERASED] = (byte) erasedByte;
        r[EXT] = (byte) readWriteLengthExt;
        r[WRITE] = (byte) writeMechanism.code();
        r[READ] = (byte) readMechanism.code();
        r[HITLESS] = (byte) (hitlessRestart ? 1 : 0);
        int at = DURATIONS;
        for (int d : new int[] {startUnits, abortUnits, writeUnits, completeUnits, copyUnits}) {
            CdbBytes.put16(r, at, d);
            at += 2;
        }
        return CdbBytes.withNonZeroCheck(r, RESERVED);
    }

    public static FirmwareManagementFeaturesReply decode(byte[] r) {
        CdbBytes.requireLength(r, LENGTH, "a Firmware Management Features (0041h) reply");
        int flags = r[FLAGS] & 0xFF;
        return new FirmwareManagementFeaturesReply((flags & READBACK) != 0, (flags & TEN_MS) != 0,
            (flags & SKIP_ERASED) != 0, (flags & COPY) != 0, (flags & ABORT) != 0, r[START_SIZE] & 0xFF,
            r[ERASED] & 0xFF, r[EXT] & 0xFF, TransferMechanism.fromCode(r[WRITE] & 0xFF),
            TransferMechanism.fromCode(r[READ] & 0xFF), (r[HITLESS] & 0xFF) != 0, CdbBytes.u16(r, DURATIONS),
            CdbBytes.u16(r, DURATIONS + 2), CdbBytes.u16(r, DURATIONS + 4), CdbBytes.u16(r, DURATIONS + 6),
            CdbBytes.u16(r, DURATIONS + 8));
    }
}
