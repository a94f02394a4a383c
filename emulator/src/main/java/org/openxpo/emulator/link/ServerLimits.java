package org.openxpo.emulator.link;

import io.netty.util.internal.PlatformDependent;

import java.time.Duration;

/**
 * What the link server lets all its clients together cost (docs/emulator-server.md, "Limits, errors and misbehaving
 * clients"). The per-connection bounds of the wire protocol ({@code LinkLimits}) hold in addition.
 *
 * @param memoryBudgetBytes bytes of queued outbound frames all connections together may hold; beyond it the
 *                          connection with the largest queue is dropped (ERROR SLOW_CONSUMER), then the next largest,
 *                          until the rest fit
 * @param maxConnections    connections served at once; one more is refused (ERROR BUSY, request id 0) and closed
 * @param handshakeTimeout  how long a new connection may take to send its HELLO before it is closed
 * @param idleTimeout       a connection with neither a frame in nor a byte out for this long is closed;
 *                          {@link Duration#ZERO} = never (the default)
 */
public record ServerLimits(long memoryBudgetBytes, int maxConnections, Duration handshakeTimeout, Duration idleTimeout) {
    public static final long MIB = 1 << 20;
    /** Bounds of each value, so that a typo cannot make a server that refuses everyone or never times out. */
    public static final long MIN_MEMORY_BUDGET = MIB, MAX_MEMORY_BUDGET = 1L << 40;
    public static final int MAX_CONNECTIONS = 65_536;
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    /**
     * The default memory budget: 256 MiB, or half of the direct memory Netty may allocate if that is less (the queued
     * frames live there: a budget above the limit would let clients exhaust it before any is shed).
     */
    public static final long DEFAULT_MEMORY_BUDGET = defaultMemoryBudget(PlatformDependent.maxDirectMemory());

    /** {@link #DEFAULT_MEMORY_BUDGET}, 256 connections, HELLO within 5 s, no idle timeout. */
    public static final ServerLimits DEFAULT =
        new ServerLimits(DEFAULT_MEMORY_BUDGET, 256, Duration.ofSeconds(5), Duration.ZERO);

    public ServerLimits {
        if (memoryBudgetBytes < MIN_MEMORY_BUDGET || memoryBudgetBytes > MAX_MEMORY_BUDGET)
            throw new IllegalArgumentException("the link memory budget must be 1 MiB-1 TiB, not " + memoryBudgetBytes + " bytes");
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS)
            throw new IllegalArgumentException("the link connection limit must be 1-" + MAX_CONNECTIONS + ", not " + maxConnections);
        requireTimeout("handshake", handshakeTimeout, false);
        requireTimeout("idle", idleTimeout, true);
    }

    private static void requireTimeout(String what, Duration d, boolean zeroAllowed) {
        if (d == null || d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(MAX_TIMEOUT) > 0 || (!d.isZero() && d.toMillis() == 0))
            throw new IllegalArgumentException("the link " + what + " timeout must be " + (zeroAllowed ? "0 (off) or " : "")
                + "1 ms-1 day, not " + d);
    }

    /** 256 MiB, at most half of {@code maxDirectMemory} (unknown if not positive), at least 1 MiB. */
    static long defaultMemoryBudget(long maxDirectMemory) {
        long budget = 256 * MIB;
        if (maxDirectMemory > 0) budget = Math.min(budget, maxDirectMemory / 2);
        return Math.max(MIN_MEMORY_BUDGET, budget);
    }

    public ServerLimits withMemoryBudget(long bytes) {
        return new ServerLimits(bytes, maxConnections, handshakeTimeout, idleTimeout);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(memoryBudgetBytes, n, handshakeTimeout, idleTimeout);
    }

    public ServerLimits withHandshakeTimeout(Duration d) {
        return new ServerLimits(memoryBudgetBytes, maxConnections, d, idleTimeout);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(memoryBudgetBytes, maxConnections, handshakeTimeout, d);
    }

    /** True when idle connections are closed. */
    public boolean idleTimeoutEnabled() { return !idleTimeout.isZero(); }
}
