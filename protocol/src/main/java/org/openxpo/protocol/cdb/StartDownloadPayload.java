package org.openxpo.protocol.cdb;

import java.util.Arrays;

/**
 * Start Firmware Download (0101h) command payload, CMIS 5.3 §9.7.2: bytes 136–139 ImageSize (U32, the whole file
 * including the vendor header), 140–143 reserved, then the first StartCmdPayloadSize bytes of the image (the vendor
 * data, at most 112 bytes).
 */
public record StartDownloadPayload(long imageSize, byte[] vendorData) {
    /** Bytes before the vendor data. */
    public static final int HEADER_LENGTH = 8;
    /** The largest StartCmdPayloadSize: what fits the LPL after the header (Linux refuses more, too). */
    public static final int MAX_VENDOR_DATA = CdbPage.MAX_LPL - HEADER_LENGTH;

    public StartDownloadPayload {
        CdbBytes.checkU32(imageSize, "ImageSize");
        if (vendorData == null || vendorData.length > MAX_VENDOR_DATA) {
            throw new IllegalArgumentException("vendor data must be 0-" + MAX_VENDOR_DATA + " bytes");
        }
        vendorData = CdbBytes.copy(vendorData);
    }

    @Override public byte[] vendorData() { return CdbBytes.copy(vendorData); }

    public byte[] encode() {
        byte[] b = new byte[HEADER_LENGTH + vendorData.length];
        CdbBytes.put32(b, 0, imageSize);
        System.arraycopy(vendorData, 0, b, HEADER_LENGTH, vendorData.length);
        return b;
    }

    public static StartDownloadPayload decode(byte[] b) {
        CdbBytes.requireAtLeast(b, HEADER_LENGTH, "a Start Download (0101h) payload");
        if (b.length > HEADER_LENGTH + MAX_VENDOR_DATA) {
            throw new CdbFormatException("a Start Download (0101h) payload is at most " + (HEADER_LENGTH + MAX_VENDOR_DATA) + " bytes");
        }
        return new StartDownloadPayload(CdbBytes.u32(b, 0), Arrays.copyOfRange(b, HEADER_LENGTH, b.length));
    }

    @Override public boolean equals(Object o) {
        return o instanceof StartDownloadPayload p && p.imageSize == imageSize && Arrays.equals(p.vendorData, vendorData);
    }

    @Override public int hashCode() { return Long.hashCode(imageSize) * 31 + Arrays.hashCode(vendorData); }

    @Override public String toString() {
        return "StartDownloadPayload[imageSize=" + imageSize + ", vendorData=" + vendorData.length + " bytes]";
    }
}
