package org.openxpo.emulator.link;

import java.util.function.LongSupplier;

/**
 * Reports refused connections at most once a second: a client retrying in a loop (or a flood) must not fill the log
 * with one line per attempt. The first refusal is reported at once; later ones within the second are counted and the
 * next report says how many there were.
 */
final class RefusalReport {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final LongSupplier nanos;
    // guarded by this
    private long lastReport;
    private boolean reported;
    private int unreported;

    RefusalReport(LongSupplier nanos) { this.nanos = nanos; }

    /**
     * Counts one refusal; returns the number of refusals the caller reports now (this one and those held back since the
     * last report), or 0 when it stays quiet.
     */
    synchronized int refused() {
        unreported++;
        long now = nanos.getAsLong();
        if (reported && now - lastReport < INTERVAL_NANOS) return 0;
        reported = true;
        lastReport = now;
        int n = unreported;
        unreported = 0;
        return n;
    }
}
