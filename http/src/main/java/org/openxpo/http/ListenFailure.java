package org.openxpo.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * Why an HTTP face could not open its port, as one exception that names the face and the address. A port in use stays
 * a {@link BindException} underneath, so a launcher can tell it apart and say which flag to change.
 */
public final class ListenFailure {
    private ListenFailure() {}

    public static RuntimeException of(String face, InetSocketAddress bind, Throwable cause) {
        String where = face + ": cannot listen on " + bind.getAddress().getHostAddress() + ":" + bind.getPort();
        if (cause instanceof BindException) {
            BindException b = new BindException(where + ": " + cause.getMessage());
            b.initCause(cause);
            return new UncheckedIOException(b);
        }
        if (cause instanceof IOException io) return new UncheckedIOException(where, io);
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
}
