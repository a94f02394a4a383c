package org.openxpo.driver.access;

import org.openxpo.protocol.time.HostClock;

import java.time.Duration;

/**
 * What the access layer knows about the module's page selection (00h:126–127) — the only state of the access layer that
 * other threads touch: transport events forget it or put it in doubt while the bus holder reads and writes it.
 *
 * <p><b>Race rule.</b> Event threads only ever forget ({@link #forget()}, {@link #forgetCache()}) or cast doubt
 * ({@link #suspect()}); only the bus holder records a selection, and it records it <em>before</em> the transfer that
 * writes it ({@link #selecting}). An event that arrives while that transfer runs therefore wins: the worst outcome is
 * one needless select, never a stale selection kept.
 *
 * <ul>
 *   <li>the <b>cache</b>: the selection this layer believes is in place (no select write needed for it);</li>
 *   <li>the <b>held</b> selection: the one the module last acknowledged, kept when the cache is dropped after a failed
 *   transfer — what 126–127 must still read if the module has not restarted;</li>
 *   <li><b>suspect</b>: an IntL came, so the module may have restarted since; 126–127 are read back before use;</li>
 *   <li>the time of the module's last answer: without interrupt events, a selection idle for longer than
 *   {@link #IDLE_BEFORE_RECHECK} is read back too.</li>
 * </ul>
 */
final class PageSelection {
    /**
     * Without interrupt events a module that resets is only noticed by its silence: it NACKs through Resetting and
     * MgmtInit (hundreds of ms on real modules; hosts wait 2 s). A selection used within this time of the module's last
     * answer cannot have been lost unseen (a reset in between would still be silencing the module: the access NACKs,
     * and a NACKed read is checked); after a longer gap the selection is read back (126–127) before it is used.
     */
    static final Duration IDLE_BEFORE_RECHECK = Duration.ofMillis(10);

    private final HostClock clock;
    /** True when no IntL/IBI events come (Pi4J without intL=): an idle selection is read back before it is trusted. */
    private final boolean recheckWhenIdle;
    private volatile int cachedPage = -1, cachedBank = -1;
    private volatile int heldPage = -1, heldBank = -1;
    private volatile boolean suspect;
    /** Written and read by the bus holder only. */
    private long lastAnswerNanos;

    PageSelection(HostClock clock, boolean recheckWhenIdle) {
        this.clock = clock;
        this.recheckWhenIdle = recheckWhenIdle;
    }

    /** True when {@code page}/{@code bank} is the cached selection. */
    boolean isCached(int page, int bank) { return cachedPage == page && cachedBank == bank; }

    int cachedPage() { return cachedPage; }

    int cachedBank() { return cachedBank; }

    int heldPage() { return heldPage; }

    int heldBank() { return heldBank; }

    /** Records {@code page}/{@code bank} as selected, before the transfer that selects it (the race rule). */
    void selecting(int page, int bank) {
        cachedPage = page;
        cachedBank = bank;
    }

    /** The module acknowledged the select of {@code page}/{@code bank} (-1, -1: a write of 127 left it unknown). */
    void acknowledged(int page, int bank) {
        heldPage = page;
        heldBank = bank;
    }

    /** Drops the cache only (a failed transfer): the module may or may not hold the selection. */
    void forgetCache() {
        cachedPage = -1;
        cachedBank = -1;
    }

    /** Forgets the cache and the held selection: the module restarted, was replaced, or the caller reset it. */
    void forget() {
        forgetCache();
        heldPage = -1;
        heldBank = -1;
    }

    /** An IntL: the module may have restarted since it acknowledged the selection. */
    void suspect() { suspect = true; }

    /** True when the cached selection is in doubt: an IntL came, or it is not {@code page}/{@code bank} any more. */
    boolean challenged(int page, int bank) { return suspect || !isCached(page, bank); }

    /** Clears the doubt: the caller checks the selection right now. */
    void checked() { suspect = false; }

    /** The module answered a transfer now. */
    void answered() { lastAnswerNanos = clock.nanoTime(); }

    /**
     * True (and the doubt cleared, since the caller checks now) when the held selection must be read back before use:
     * an IntL came, or the transport has no interrupt events and the module has been silent long enough to reset.
     */
    boolean takeRecheck() {
        if (!recheckDue()) return false;
        suspect = false;
        return true;
    }

    /** As {@link #takeRecheck()} without clearing the doubt: whether the next access would read 126–127 back first. */
    boolean recheckDue() {
        return suspect || recheckWhenIdle && clock.nanoTime() - lastAnswerNanos > IDLE_BEFORE_RECHECK.toNanos();
    }
}
