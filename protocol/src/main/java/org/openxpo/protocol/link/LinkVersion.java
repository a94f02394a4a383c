package org.openxpo.protocol.link;

import java.nio.charset.StandardCharsets;

/**
 * The link's version and compatibility rules: a server accepts clients of its own major version; within a major, the
 * session speaks the smaller of the two minors, and minors only add (frame types, event kinds, codes, pins).
 */
public final class LinkVersion {
    private LinkVersion() {}

    public static final int MAJOR = 1;
    /** 1.1 added I2C_BATCH, I3C_BATCH and BATCH_RESULT. */
    public static final int MINOR = 1;

    /** The first minor with I2C_BATCH and I3C_BATCH. */
    public static final int BATCH_MINOR = 1;

    /** First bytes of every HELLO body, so a server can tell a stray connection from an old or new client. */
    public static final String MAGIC = "XPOL";

    static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);

    /** Whether a peer speaking {@code major}.x can talk to this implementation. */
    public static boolean accepts(int major) { return major == MAJOR; }

    /** The minor version a session with a peer of the same major speaks. */
    public static int sessionMinor(int peerMinor) { return Math.min(MINOR, peerMinor); }

    public static String text() { return MAJOR + "." + MINOR; }
}
