package org.openxpo.emulator.control;

/** A request the control API refuses, with the HTTP status that says why. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() { return status; }

    static ApiException badRequest(String message) { return new ApiException(400, message); }

    static ApiException notFound(String message) { return new ApiException(404, message); }

    static ApiException conflict(String message) { return new ApiException(409, message); }
}
