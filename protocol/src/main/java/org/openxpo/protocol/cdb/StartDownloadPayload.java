package org.openxpo.protocol.cdb;

/**
 * Start Firmware Download (0101h) command payload, CMIS 5.3 §9.7.2: bytes 136–139 ImageSize (U32, the whole file
 * including the vendor header), 140–143 reserved, then the first StartCmdPayloadSize bytes of the image (the vendor
 * data, at most 112 bytes).
 */
public record StartDownloadPayload(long imageSize, byte[] vendorData) {
    /** Bytes before the vendor data. */
    public static final int HEADER_LENGTH = 8;
    private static final LplBlock LAYOUT =
        new LplBlock("a Start Download (0101h) payload", "ImageSize", "vendor data", HEADER_LENGTH);
    /** The largest StartCmdPayloadSize: what fits the LPL after the header (Linux refuses more, too). */
    public static final int MAX_VENDOR_DATA = LAYOUT.maxBlock();

    public StartDownloadPayload { vendorData = LAYOUT.checkedCopy(imageSize, vendorData); }

    @Override public byte[] vendorData() { return CdbBytes.copy(vendorData); }

    public byte[] encode() { return LAYOUT.encode(imageSize, vendorData); }

    public static StartDownloadPayload decode(byte[] b) { return new StartDownloadPayload(LAYOUT.value(b), LAYOUT.block(b)); }

    @Override public boolean equals(Object o) {
        return o instanceof StartDownloadPayload p && LplBlock.equal(imageSize, vendorData, p.imageSize, p.vendorData);
    }

    @Override public int hashCode() { return LplBlock.hash(imageSize, vendorData); }

    @Override public String toString() {
        return "StartDownloadPayload[imageSize=" + imageSize + ", vendorData=" + vendorData.length + " bytes]";
    }
}
