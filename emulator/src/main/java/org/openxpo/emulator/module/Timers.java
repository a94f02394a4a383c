package org.openxpo.emulator.module;

import java.util.PriorityQueue;

/**
 * The firmware's timer queue. Timers fire in deadline order when the module syncs with its clock; while a timer
 * runs, {@link #now()} is its deadline, so durations are exact on a virtual clock whatever the sync granularity.
 */
final class Timers {
    /** A scheduled action; {@link #cancel()} makes it a no-op. */
    static final class Timer implements Comparable<Timer> {
        final long deadline;
        final long seq;
        Runnable action;

        Timer(long deadline, long seq, Runnable action) {
            this.deadline = deadline;
            this.seq = seq;
            this.action = action;
        }

        void cancel() { action = null; }

        boolean pending() { return action != null; }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long seq;
    private long now;
    /** True while {@link #runUntil} runs timers: a timer's action that syncs again must not run later timers inside it. */
    private boolean running;

    Timers(long start) { now = start; }

    long now() { return now; }

    Timer schedule(long delayNanos, Runnable action) {
        Timer t = new Timer(now + Math.max(0, delayNanos), seq++, action);
        queue.add(t);
        return t;
    }

    /**
     * Runs every timer due at or before {@code until}, then sets the time to {@code until}. Called again from a timer's
     * action (an event listener that reads a pin syncs the module), it does nothing: the timers after the running one
     * fire once it is done, in order, and it finishes at its own deadline.
     */
    void runUntil(long until) {
        if (running) return;
        running = true;
        try {
            Timer t;
            while ((t = queue.peek()) != null && t.deadline <= until) {
                queue.poll();
                if (t.action == null) continue;
                now = Math.max(now, t.deadline);
                Runnable a = t.action;
                t.action = null;
                a.run();
            }
            now = Math.max(now, until);
        } finally {
            running = false;
        }
    }

    /** Deadline of the next live timer, or Long.MAX_VALUE. */
    long nextDeadline() {
        while (!queue.isEmpty() && queue.peek().action == null) queue.poll();
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().deadline;
    }

    void clear() { queue.clear(); }
}
