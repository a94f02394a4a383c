package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls the module until a condition holds, like CMIS hosts wait for state changes: first every 5 ms, backing off to
 * 50 ms so a slow bus is not flooded. A timeout names what was expected, the limit and what was seen last.
 */
final class Waiter {
    private Waiter() {}

    static final Duration FIRST_POLL = Duration.ofMillis(5), MAX_POLL = Duration.ofMillis(50);

    /**
     * Waits until {@code done} accepts a probe's result.
     *
     * @param expected     "ModuleReady", "DPActivated on lanes 1-8": what the caller waits for
     * @param seen         describes a probe result for the timeout message
     * @param hopeless     a message when waiting can no longer succeed (e.g. the module entered ModuleFault), else null
     * @param tolerateErrors true while the module may not answer (reset): a failed probe counts as "no answer"
     */
    static <T> T until(String expected, Duration timeout, Supplier<T> probe, Predicate<T> done,
                       Function<T, String> seen, Function<T, String> hopeless, boolean tolerateErrors) {
        long start = System.nanoTime(), deadline = start + timeout.toNanos();
        long pause = FIRST_POLL.toNanos();
        String last = "nothing yet";
        while (true) {
            try {
                T value = probe.get();
                if (done.test(value)) return value;
                last = seen.apply(value);
                String why = hopeless.apply(value);
                if (why != null) throw new XpoException("gave up waiting for " + expected + ": " + why);
            } catch (XpoException.Nack | XpoException.BusError | XpoException.ModuleAbsent e) {
                if (!tolerateErrors) throw e;
                last = "no answer (" + e.getMessage() + ")";
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                throw new XpoException.Timeout("expected " + expected + " within " + timeout.toMillis() + " ms, saw "
                    + last + " after " + (now - start) / 1_000_000 + " ms");
            }
            sleep(Math.min(pause, deadline - now));
            pause = Math.min(pause * 2, MAX_POLL.toNanos());
        }
    }

    static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, nanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XpoException("interrupted while waiting for the module");
        }
    }
}
