package org.openxpo.driver.firmware;

import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareWriteMechanism;

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
        FirmwareWriteMechanism write = FirmwareWriteMechanism.fromCode(r[5] & 0xFF);
        return new FirmwareFeatures((r[1] & 1) != 0, r[2] & 0xFF, r[4] & 0xFF, write != null && write.lpl(),
            write != null && write.epl(), ms(r, 8, m), ms(r, 10, m), ms(r, 12, m), ms(r, 14, m));
    }

    private static Duration ms(byte[] r, int at, int multiplier) {
        return Duration.ofMillis((long) (((r[at] & 0xFF) << 8) | (r[at + 1] & 0xFF)) * multiplier);
    }

    /**
     * Bytes of image data per LPL block: the whole LPL (120 bytes) minus the block address. ReadWriteLengthExt bounds
     * each bus access, not the payload: the access layer writes the LPL in pieces of the advertised size (the kernel
     * shrinks the block instead, to 4 bytes on a module advertising 8-byte accesses).
     */
    public int lplBlockSize() { return CdbPage.MAX_LPL - BLOCK_ADDRESS_BYTES; }

    /** The BlockAddress (U32) that starts a Write FW Block LPL payload (0103h). */
    private static final int BLOCK_ADDRESS_BYTES = 4;
}
