package org.openxpo.protocol.cdb;

/**
 * The empty local payload (LPLLength 0) of the commands that take no parameters, and the empty reply (RPLLength 0) of
 * those that return nothing (CMIS 5.3 §9.4–9.7, cmis-digest §5.3): Abort 0004h, Module Features 0040h, FW Management
 * Features 0041h, Get Firmware Info 0100h, Abort Download 0102h, Complete Download 0107h, Commit Image 010Ah, and the
 * replies of 0001h, 0002h, 0004h, 0101h–0104h, 0107h, 0109h, 010Ah.
 */
public record NoPayload() {
    public static final NoPayload INSTANCE = new NoPayload();

    public byte[] encode() { return new byte[0]; }

    public static NoPayload decode(byte[] b) {
        CdbBytes.requireLength(b, 0, "an empty CDB payload");
        return INSTANCE;
    }
}
