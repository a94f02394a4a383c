package org.openxpo.driver.firmware;

import org.openxpo.protocol.cdb.FirmwareManagementFeaturesReply;
import org.openxpo.protocol.cdb.WriteBlockLplPayload;

import java.time.Duration;

/**
 * CDB 0041h: how the module takes firmware, as the driver uses it. The reply's layout is the protocol's
 * {@link FirmwareManagementFeaturesReply}; durations are already multiplied out (MaxDurationCoding ×10 honoured,
 * unlike the kernel).
 */
public record FirmwareFeatures(FirmwareManagementFeaturesReply advertised) {

    public boolean abortSupported() { return advertised.abortSupported(); }

    /** StartCmdPayloadSize: the image bytes the Start command carries. */
    public int startPayloadSize() { return advertised.startPayloadSize(); }

    /** ReadWriteLengthExt i: CDB pages take accesses of 8·(1+i) bytes. */
    public int readWriteLengthExt() { return advertised.readWriteLengthExt(); }

    public boolean lplWrites() { return advertised.writeMechanism().lpl(); }

    public boolean eplWrites() { return advertised.writeMechanism().epl(); }

    public Duration maxStart() { return advertised.maxStart(); }

    public Duration maxAbort() { return advertised.maxAbort(); }

    public Duration maxWrite() { return advertised.maxWrite(); }

    public Duration maxComplete() { return advertised.maxComplete(); }

    /**
     * Bytes of image data per LPL block: the whole LPL (120 bytes) minus the block address. ReadWriteLengthExt bounds
     * each bus access, not the payload: the access layer writes the LPL in pieces of the advertised size (the kernel
     * shrinks the block instead, to 4 bytes on a module advertising 8-byte accesses).
     */
    public int lplBlockSize() { return WriteBlockLplPayload.MAX_DATA; }
}
