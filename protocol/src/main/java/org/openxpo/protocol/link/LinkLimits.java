package org.openxpo.protocol.link;

import org.openxpo.protocol.connector.I2cMessage;

/** The bounds of the emulator link (docs/wire-protocol.md, "Limits"). Both sides enforce them. */
public final class LinkLimits {
    private LinkLimits() {}

    /** Size of the length prefix that starts every frame. */
    public static final int LENGTH_FIELD = 4;

    /** Frame type + request id: the smallest frame after the length field. */
    public static final int HEADER_LENGTH = 5;

    /** Largest value of the length field (bytes after it); a larger one is refused before anything is allocated. */
    public static final int MAX_FRAME_LENGTH = 64 * 1024;

    /** Messages per I2C/I3C transfer (Linux allows 42 per I2C_RDWR). */
    public static final int MAX_MESSAGES = 64;

    /** Longest single message: the kernel's i2c-dev cap. */
    public static final int MAX_MESSAGE_LENGTH = I2cMessage.MAX_LENGTH;

    /**
     * Write bytes plus read lengths of one transfer, or of all the transfers of a batch: four full-length messages. It
     * keeps both the request and its result (read data + per-message overhead) comfortably inside
     * {@link #MAX_FRAME_LENGTH}.
     */
    public static final int MAX_TRANSFER_BYTES = 4 * I2cMessage.MAX_LENGTH;

    /** Transfers in one I2C_BATCH (since 1.1): a 2 KiB CDB EPL block with its page selects and trigger takes 35. */
    public static final int MAX_BATCH_TRANSFERS = 64;

    /** Messages in one I2C_BATCH, all transfers together. */
    public static final int MAX_BATCH_MESSAGES = 256;

    /** UTF-8 bytes of a text (names, reset causes, error messages); senders cut longer texts. */
    public static final int MAX_TEXT_BYTES = 1024;

    /** IBI payload bytes, mandatory data byte included. */
    public static final int MAX_IBI_PAYLOAD = 255;

    /** Cages one server offers (fits a CAGE_LIST in one frame with room to spare). */
    public static final int MAX_CAGES = 1024;

    /** Unanswered requests per connection; the server answers further ones with BUSY without executing them. */
    public static final int MAX_IN_FLIGHT = 256;

    /** Unsent bytes the server queues per connection before it drops the connection as a slow consumer. */
    public static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
}
