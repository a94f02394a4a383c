package org.openxpo.agent.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend of one module over the last {@code window}: at most {@code capacity} samples at least
 * {@code window / capacity} apart, so memory stays fixed per module whatever the poll interval (a faster poller only
 * replaces the newest sample until the spacing is reached).
 */
final class History {
    private final Duration window;
    private final Duration spacing;
    private final HistorySample[] ring;
    private int start, size;

    History(Duration window, int capacity) {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the history window must be positive");
        if (capacity < 2) throw new IllegalArgumentException("the history needs room for at least two samples");
        this.window = window;
        this.spacing = window.dividedBy(capacity);
        this.ring = new HistorySample[capacity];
    }

    synchronized void add(HistorySample s) {
        if (size > 0) {
            HistorySample newest = ring[(start + size - 1) % ring.length];
            if (s.time().isBefore(newest.time())) return; // a clock step back: keep the trend monotonic
            // the newest sample is provisional until it lies a spacing after the one before it: until then a new
            // sample replaces it, so the trend always ends with the latest value
            if (size > 1 && Duration.between(ring[(start + size - 2) % ring.length].time(), newest.time()).compareTo(spacing) < 0) {
                ring[(start + size - 1) % ring.length] = s;
                return;
            }
        }
        if (size == ring.length) {
            ring[start] = s;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size++) % ring.length] = s;
        }
    }

    /** The samples no older than the window before {@code now}, oldest first. */
    synchronized List<HistorySample> since(Instant now) {
        Instant from = now.minus(window);
        List<HistorySample> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            HistorySample s = ring[(start + i) % ring.length];
            if (!s.time().isBefore(from)) out.add(s);
        }
        return out;
    }

    Duration window() { return window; }
}
