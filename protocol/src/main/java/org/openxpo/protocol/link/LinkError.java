package org.openxpo.protocol.link;

/**
 * Error codes of the ERROR frame. A fatal error ends the connection: the server sends the ERROR and closes; the others
 * refuse one request and the connection goes on.
 */
public enum LinkError {
    /** The frame does not follow its layout: truncated, trailing bytes, a count beyond the data, bad UTF-8. */
    MALFORMED_FRAME(0x0001, true),
    /** The length field exceeds {@link LinkLimits#MAX_FRAME_LENGTH}; the stream cannot be resynchronised. */
    FRAME_TOO_LARGE(0x0002, true),
    /** The frame type is unknown to the receiver (e.g. a newer minor's request); the frame was skipped. */
    UNKNOWN_TYPE(0x0003, false),
    /** HELLO asked for a major version the server does not speak. */
    VERSION_MISMATCH(0x0004, true),
    /** A request arrived before the HELLO handshake completed. */
    NOT_HANDSHAKEN(0x0005, true),
    /** A frame only the other side sends (e.g. EVENT from a client), or a second HELLO. */
    UNEXPECTED_FRAME(0x0006, true),
    /** The cage number is not one of the server's cages. */
    UNKNOWN_CAGE(0x0010, false),
    /** A field is out of range or inconsistent (address above 0x7F, too many messages, unknown pin, ...). */
    BAD_ARGUMENT(0x0011, false),
    /** The target cannot do this (e.g. I3C through an adapter that only speaks I2C). */
    UNSUPPORTED(0x0012, false),
    /** Too many unanswered requests on this connection; the request was not executed, retry after answers arrive. */
    BUSY(0x0020, false),
    /** The client did not read fast enough and the server's queue for it overflowed; the connection is dropped. */
    SLOW_CONSUMER(0x0021, true),
    /** The server failed while executing the request; it may have partly executed. */
    INTERNAL(0x00FF, false);

    private final int code;
    private final boolean fatal;

    LinkError(int code, boolean fatal) {
        this.code = code;
        this.fatal = fatal;
    }

    /** The u16 sent in the ERROR frame. */
    public int code() { return code; }

    /** True when the server closes the connection after sending this error. */
    public boolean closesConnection() { return fatal; }

    /** The error with this code; codes from a newer peer read as {@link #INTERNAL} (the ERROR layout never changes). */
    public static LinkError fromCode(int code) {
        for (LinkError e : values()) if (e.code == code) return e;
        return INTERNAL;
    }
}
