package org.openxpo.agent.gnmi.path;

/** A well-formed path that names nothing the agent serves (gNMI answers UNIMPLEMENTED). */
public final class UnknownPathException extends RuntimeException {
    public UnknownPathException(String message) { super(message); }
}
