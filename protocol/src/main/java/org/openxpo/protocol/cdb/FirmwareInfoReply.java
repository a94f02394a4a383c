package org.openxpo.protocol.cdb;

import java.util.Optional;

/**
 * Get Firmware Info (0100h) reply, CMIS 5.3 §9.7.1, 110 bytes:
 * <pre>
 *  136      FirmwareStatus: bit0 image A running, bit1 A committed, bit2 A invalid (empty); bits 4–6 the same for B
 *  137      information present: bit0 image A, bit1 image B, bit2 factory/boot image (bits 7–3 reserved)
 *  138–173  image A: major, minor, build (U16), 32 bytes of ASCII extra information
 *  174–209  image B, same layout
 *  210–245  factory/boot image, same layout
 * </pre>
 */
public record FirmwareInfoReply(BankStatus bankA, BankStatus bankB, Optional<ImageInfo> imageA,
                                Optional<ImageInfo> imageB, Optional<ImageInfo> factoryImage) {
    public static final int LENGTH = CdbCommand.GET_FIRMWARE_INFO.replyLength();
    private static final int STATUS = 0, PRESENT = 1, IMAGE_A = 2, IMAGE_B = 38, FACTORY = 74, EXTRA_LENGTH = 32;
    private static final int BANK_B_SHIFT = 4, FACTORY_PRESENT = 0x04;

    /** The state bits of one bank (A or B). */
    public record BankStatus(boolean running, boolean committed, boolean invalid) {
        int bits() { return (running ? 1 : 0) | (committed ? 2 : 0) | (invalid ? 4 : 0); }

        static BankStatus of(int bits) { return new BankStatus((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0); }
    }

    /** The version of one image and its extra information (at most 32 ASCII characters). */
    public record ImageInfo(int major, int minor, int build, String extra) {
        public ImageInfo {
            CdbBytes.checkU8(major, "major version");
            CdbBytes.checkU8(minor, "minor version");
            CdbBytes.checkU16(build, "build");
            if (extra == null || extra.length() > EXTRA_LENGTH || !extra.chars().allMatch(c -> c < 0x80)) {
                throw new IllegalArgumentException("image extra information must be at most " + EXTRA_LENGTH + " ASCII characters");
            }
        }

        public String version() { return major + "." + minor; }

        void encode(byte[] r, int at) {
            r[at] = (byte) major;
            r[at + 1] = (byte) minor;
            CdbBytes.put16(r, at + 2, build);
            CdbBytes.putAscii(r, at + 4, EXTRA_LENGTH, extra, "image extra information");
        }

        static ImageInfo decode(byte[] r, int at) {
            return new ImageInfo(r[at] & 0xFF, r[at + 1] & 0xFF, CdbBytes.u16(r, at + 2), CdbBytes.ascii(r, at + 4, EXTRA_LENGTH));
        }
    }

    public FirmwareInfoReply {
        if (bankA == null || bankB == null || imageA == null || imageB == null || factoryImage == null) {
            throw new IllegalArgumentException("a firmware info reply has two bank states and three optional images");
        }
    }

    public byte[] encode() {
        byte[] r = new byte[LENGTH];
        r[STATUS] = (byte) (bankA.bits() | bankB.bits() << BANK_B_SHIFT);
        r[PRESENT] = (byte) ((imageA.isPresent() ? 1 : 0) | (imageB.isPresent() ? 2 : 0)
            | (factoryImage.isPresent() ? FACTORY_PRESENT : 0));
        imageA.ifPresent(i -> i.encode(r, IMAGE_A));
        imageB.ifPresent(i -> i.encode(r, IMAGE_B));
        factoryImage.ifPresent(i -> i.encode(r, FACTORY));
        return CdbBytes.withNonZeroCheck(r, PRESENT);
    }

    public static FirmwareInfoReply decode(byte[] r) {
        CdbBytes.requireLength(r, LENGTH, "a Get Firmware Info (0100h) reply");
        int status = r[STATUS] & 0xFF, present = r[PRESENT] & 0xFF;
        return new FirmwareInfoReply(BankStatus.of(status), BankStatus.of(status >> BANK_B_SHIFT),
            image(r, present, 1, IMAGE_A), image(r, present, 2, IMAGE_B), image(r, present, FACTORY_PRESENT, FACTORY));
    }

    private static Optional<ImageInfo> image(byte[] r, int present, int bit, int at) {
        return (present & bit) != 0 ? Optional.of(ImageInfo.decode(r, at)) : Optional.empty();
    }
}
