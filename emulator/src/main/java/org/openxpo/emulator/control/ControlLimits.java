package org.openxpo.emulator.control;

import java.time.Duration;

/**
 * What the control API lets its clients hold (docs/emulator-server.md, "Control API"): the request body limit holds in
 * addition.
 *
 * @param maxConnections connections served at once; a request on one more is answered 503 and its connection closed
 * @param idleTimeout    a connection that sends nothing for this long is closed (a request not finished by then too)
 */
public record ControlLimits(int maxConnections, Duration idleTimeout) {
    /** 64 connections, closed after 60 s without a byte from the client. */
    public static final ControlLimits DEFAULT = new ControlLimits(64, Duration.ofSeconds(60));

    public ControlLimits {
        if (maxConnections < 1 || maxConnections > 65_536)
            throw new IllegalArgumentException("the control API connection limit must be 1-65,536, not " + maxConnections);
        if (idleTimeout == null || idleTimeout.toMillis() < 1 || idleTimeout.compareTo(Duration.ofDays(1)) > 0)
            throw new IllegalArgumentException("the control API idle timeout must be 1 ms-1 day, not " + idleTimeout);
    }
}
