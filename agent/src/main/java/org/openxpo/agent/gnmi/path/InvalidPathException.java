package org.openxpo.agent.gnmi.path;

/** A path that is malformed (gNMI answers INVALID_ARGUMENT). */
public final class InvalidPathException extends IllegalArgumentException {
    public InvalidPathException(String message) { super(message); }
}
