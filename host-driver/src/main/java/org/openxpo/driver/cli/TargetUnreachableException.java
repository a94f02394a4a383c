package org.openxpo.driver.cli;

/** Opening the target failed (exit code 3). */
final class TargetUnreachableException extends RuntimeException {
    TargetUnreachableException(String message, Throwable cause) { super(message, cause); }
}
