package org.openxpo.driver.transport;

import io.netty.util.concurrent.EventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The timer that fails link requests nobody answered: one scheduled task per sweep period in use, running the check
 * of every link transport with that period, rather than one task per connection. A host watching 1,024 modules over
 * the link otherwise ran some 800 timer tasks a second on its two I/O threads, each a wake-up of an idle event loop and
 * a re-queue in its timer heap, to find nothing overdue.
 */
final class OverdueSweep {
    private static final Logger LOG = LoggerFactory.getLogger(OverdueSweep.class);
    /** The running sweeps by period; guarded by itself. */
    private static final Map<Long, OverdueSweep> BY_PERIOD = new HashMap<>();

    private final Set<Runnable> checks = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> task;

    private OverdueSweep(long periodNanos, EventExecutorGroup group) {
        task = group.scheduleAtFixedRate(this::sweep, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Every check, each on its own: a periodic task that throws is never run again, which would end every timeout. */
    private void sweep() {
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.warn("a link transport's overdue-request check failed", e);
            }
        }
    }

    /** A transport's place in a sweep; closing it (once or more) takes the check out, and the last one stops the timer. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code check} every {@code periodNanos} on one of {@code group}'s threads until the registration is closed. */
    static Registration every(long periodNanos, EventExecutorGroup group, Runnable check) {
        OverdueSweep sweep;
        synchronized (BY_PERIOD) {
            sweep = BY_PERIOD.computeIfAbsent(periodNanos, p -> new OverdueSweep(p, group));
            sweep.checks.add(check);
        }
        return () -> {
            synchronized (BY_PERIOD) {
                if (sweep.checks.remove(check) && sweep.checks.isEmpty() && BY_PERIOD.remove(periodNanos, sweep)) {
                    sweep.task.cancel(false);
                }
            }
        };
    }

    /** True while some transport sweeps every {@code periodNanos}. */
    static boolean running(long periodNanos) {
        synchronized (BY_PERIOD) {
            return BY_PERIOD.containsKey(periodNanos);
        }
    }
}
