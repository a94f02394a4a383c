package org.openxpo.protocol.cdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The project's firmware image file (docs/firmware.md): a 64-byte header and the payload.
 * <pre>
 *  0–3   magic "XPOF"            12–15 payload length (U32)
 *  4     format version (1)      16–47 SHA-256 over header bytes 0–15 and the payload
 *  5/6   image major / minor     48–63 reserved, zero
 *  7     flags (0)
 *  8–9   build (U16)
 *  10–11 reserved, zero
 * </pre>
 * The header is exactly the CDB StartCmdPayloadSize the emulator advertises, so it travels in the Start command.
 */
public final class FirmwareImageFormat {
    private FirmwareImageFormat() {}

    public static final int HEADER_SIZE = 64;
    public static final int FORMAT_VERSION = 1;
    /** Largest image the emulated module stores (a bank's flash). */
    public static final int MAX_IMAGE_SIZE = 16 * 1024 * 1024;
    private static final byte[] MAGIC = "XPOF".getBytes(StandardCharsets.US_ASCII);

    /** What the header says. */
    public record Header(int major, int minor, int build, int payloadLength) {
        public String version() { return major + "." + minor; }
    }

    /** Builds an image of {@code payload} with the given version. */
    public static byte[] pack(int major, int minor, int build, byte[] payload) {
        if (major < 0 || major > 254 || minor < 0 || minor > 254) {
            throw new IllegalArgumentException("version " + major + "." + minor + " (each part 0-254; 255.255 means invalid)");
        }
        if (build < 0 || build > 0xFFFF) throw new IllegalArgumentException("build " + build);
        if (payload.length > MAX_IMAGE_SIZE - HEADER_SIZE) throw new IllegalArgumentException("payload too large");
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        b.put(MAGIC).put((byte) FORMAT_VERSION).put((byte) major).put((byte) minor).put((byte) 0)
            .putShort((short) build).putShort((short) 0).putInt(payload.length);
        byte[] out = b.array();
        System.arraycopy(payload, 0, out, HEADER_SIZE, payload.length);
        System.arraycopy(digest(out, payload.length), 0, out, 16, 32);
        return out;
    }

    /** A deterministic payload of {@code size} bytes (for tests, demos and benchmarks). */
    public static byte[] samplePayload(int size, long seed) {
        byte[] p = new byte[size];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < size; i++) {
            x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
            p[i] = (byte) x;
        }
        return p;
    }

    /** Reads just the header fields (no digest check); null if the bytes do not start like an image. */
    public static Header header(byte[] image) {
        if (image.length < HEADER_SIZE || !Arrays.equals(Arrays.copyOf(image, 4), MAGIC)) return null;
        ByteBuffer b = ByteBuffer.wrap(image);
        return new Header(image[5] & 0xFF, image[6] & 0xFF, b.getShort(8) & 0xFFFF, b.getInt(12));
    }

    /**
     * Validates a whole image: magic, format, reserved bytes, the length against the header, and the digest.
     * Returns the header, or throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static Header validate(byte[] image) {
        Header h = checkHeader(image);
        byte[] want = digest(image, h.payloadLength());
        if (!MessageDigest.isEqual(want, Arrays.copyOfRange(image, 16, 48))) {
            throw new IllegalArgumentException("image digest does not match: the image is corrupt");
        }
        return h;
    }

    /**
     * Checks what the header alone can tell, before a host sends anything: magic, format, the length against the
     * file's, the version. Returns the header, or throws {@link IllegalArgumentException} saying what is wrong; the
     * payload's digest is left to {@link #validate} (the module's Complete).
     */
    public static Header checkHeader(byte[] image) {
        Header h = header(image);
        if (h == null) throw new IllegalArgumentException("not an XPO firmware image (magic 'XPOF' missing)");
        if ((image[4] & 0xFF) != FORMAT_VERSION) throw new IllegalArgumentException("unknown image format " + (image[4] & 0xFF));
        if (h.payloadLength() < 0 || (long) h.payloadLength() + HEADER_SIZE != image.length) {
            throw new IllegalArgumentException("image is " + image.length + " bytes but its header says "
                + (HEADER_SIZE + (long) h.payloadLength()));
        }
        if (h.major() == 255 || h.minor() == 255) throw new IllegalArgumentException("version 255 is reserved");
        return h;
    }

    private static byte[] digest(byte[] image, int payloadLength) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(image, 0, 16);
            md.update(image, HEADER_SIZE, payloadLength);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
