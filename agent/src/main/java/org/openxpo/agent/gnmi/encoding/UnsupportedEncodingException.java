package org.openxpo.agent.gnmi.encoding;

/** A request asked for an encoding the agent does not offer (gNMI answers UNIMPLEMENTED). */
public final class UnsupportedEncodingException extends RuntimeException {
    public UnsupportedEncodingException(String message) { super(message); }
}
