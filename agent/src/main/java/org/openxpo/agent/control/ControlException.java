package org.openxpo.agent.control;

/** A control request that cannot be done, with the HTTP status that says why (400, 404, 409, 503). */
public final class ControlException extends RuntimeException {
    private final int status;

    public ControlException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }
}
