package org.openxpo.agent.gnmi;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.openxpo.agent.gnmi.encoding.UnsupportedEncodingException;
import org.openxpo.agent.gnmi.path.InvalidPathException;
import org.openxpo.agent.gnmi.path.UnknownPathException;

/** The gRPC status for each way a request can be wrong (gNMI specification §2.7, §3.3.4, §3.5.1.5). */
final class GnmiErrors {
    private GnmiErrors() {}

    static StatusRuntimeException invalid(String message) { return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException(); }

    static StatusRuntimeException notFound(String message) { return Status.NOT_FOUND.withDescription(message).asRuntimeException(); }

    static StatusRuntimeException unimplemented(String message) {
        return Status.UNIMPLEMENTED.withDescription(message).asRuntimeException();
    }

    /** The status for an exception thrown while handling a request; an unexpected one is INTERNAL without details. */
    static StatusRuntimeException of(RuntimeException e) {
        return switch (e) {
            case StatusRuntimeException s -> s;
            case InvalidPathException p -> invalid(p.getMessage());
            case UnknownPathException u -> unimplemented(u.getMessage());
            case UnsupportedEncodingException u -> unimplemented(u.getMessage());
            default -> Status.INTERNAL.withDescription("the agent failed to answer: " + e.getClass().getSimpleName())
                .asRuntimeException();
        };
    }
}
