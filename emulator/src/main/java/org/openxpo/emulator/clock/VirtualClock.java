package org.openxpo.emulator.clock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when a test says so. Modules listen to it so that timers and physics due within an
 * {@link #advance} run then, in time order, exactly as they would on wall-clock time.
 */
public final class VirtualClock implements EmulatorClock {
    private final AtomicLong now = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public long nanos() { return now.get(); }

    /** Moves time forward and lets every listener catch up. */
    public void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time does not run backwards");
        now.addAndGet(d.toNanos());
        listeners.forEach(Runnable::run);
    }

    public void advanceMillis(long ms) { advance(Duration.ofMillis(ms)); }

    /** Called after each advance (modules sync their timers). */
    public void onAdvance(Runnable listener) { listeners.add(listener); }

    public void removeListener(Runnable listener) { listeners.remove(listener); }
}
