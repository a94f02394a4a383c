package org.openxpo.protocol.link;

/**
 * A frame the codec refuses: the only exception {@link FrameCodec#decode} throws. It carries the error to answer with
 * and the request id it concerns (0 when the header could not be read, or for connection-level errors).
 */
public final class LinkProtocolException extends RuntimeException {
    private final LinkError error;
    private final int requestId;

    public LinkProtocolException(LinkError error, int requestId, String message) {
        super(message, null, false, false); // a routine rejection of peer input: the stack trace is noise
        this.error = error;
        this.requestId = requestId;
    }

    public LinkError error() { return error; }

    public int requestId() { return requestId; }

    /** The ERROR frame a server answers with. */
    public Frame.ErrorReply toReply() { return new Frame.ErrorReply(requestId, error, getMessage()); }

    @Override
    public String toString() { return error + " (request " + Integer.toUnsignedString(requestId) + "): " + getMessage(); }
}
