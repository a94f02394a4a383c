package org.openxpo.driver.time;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The driver's one wait-for-condition, in the shape of the Linux kernel's {@code cmis_wait_for_cond}: probe the
 * module, stop when the condition holds, else sleep on the host's clock and try again until an explicit timeout (the
 * module's advertised duration plus an allowance) runs out. Every wait of the driver — module and data-path states,
 * CDB status, a module coming back after Run, DAA after a re-plug — is one of these, so all of them run on a
 * {@link HostClock} a test can make virtual.
 *
 * <pre>{@code
 * ModuleState s = Poll.until("ModuleReady", this::state, st -> st == ModuleState.READY)
 *     .within(timeouts.modulePwrUp()).describedBy(ModuleState::cmisName).await(clock);
 * }</pre>
 * A timeout names what was expected, the limit and what was seen last:
 * {@code expected ModuleReady within 250 ms, saw ModulePwrUp after 252 ms}. A poll is set up, then awaited once.
 *
 * @param <T> what a probe returns
 */
public final class Poll<T> {
    /** How the driver polls module states unless told otherwise: every 5 ms, backing off to 50 ms. */
    public static final PollSchedule MODULE_STATES = PollSchedule.backingOff(Duration.ofMillis(5), Duration.ofMillis(50));

    private final String expected;
    private final Supplier<T> probe;
    private final Predicate<T> done;
    private Duration timeout;
    private Duration firstDelay = Duration.ZERO;
    private PollSchedule schedule = MODULE_STATES;
    private Function<T, String> seen = String::valueOf;
    private Function<T, String> hopeless = v -> null;
    private List<Class<? extends XpoException>> noAnswer = List.of();

    private Poll(String expected, Supplier<T> probe, Predicate<T> done) {
        this.expected = Objects.requireNonNull(expected);
        this.probe = Objects.requireNonNull(probe);
        this.done = Objects.requireNonNull(done);
    }

    /**
     * Waits for {@code done} to accept what {@code probe} returns.
     *
     * @param expected what the caller waits for, for messages: "ModuleReady", "DPActivated on lanes 1-8"
     */
    public static <T> Poll<T> until(String expected, Supplier<T> probe, Predicate<T> done) {
        return new Poll<>(expected, probe, done);
    }

    /** Waits for {@code condition} to become true. */
    public static Poll<Boolean> until(String expected, BooleanSupplier condition) {
        return new Poll<>(expected, condition::getAsBoolean, Boolean::booleanValue)
            .describedBy(b -> "not yet");
    }

    /** The timeout: required. */
    public Poll<T> within(Duration limit) {
        if (limit.isNegative()) throw new IllegalArgumentException("a timeout must not be negative: " + limit);
        this.timeout = limit;
        return this;
    }

    /** When to poll ({@link #MODULE_STATES} unless set). */
    public Poll<T> every(PollSchedule s) {
        this.schedule = Objects.requireNonNull(s);
        return this;
    }

    /** Sleeps {@code delay} before the first probe (a command just triggered cannot be done yet); part of the timeout. */
    public Poll<T> after(Duration delay) {
        this.firstDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** Describes a probe's result for the timeout message (its {@code toString} unless set). */
    public Poll<T> describedBy(Function<T, String> describe) {
        this.seen = Objects.requireNonNull(describe);
        return this;
    }

    /**
     * Ends the wait at once with {@link XpoException.WrongState} when {@code reason} returns a message for a probe's
     * result: the condition can no longer come true (the module entered ModuleFault).
     */
    public Poll<T> hopelessWhen(Function<T, String> reason) {
        this.hopeless = Objects.requireNonNull(reason);
        return this;
    }

    /** Failures of the probe that mean "no answer yet" (a module resetting NACKs): the wait goes on. */
    @SafeVarargs
    public final Poll<T> tolerating(Class<? extends XpoException>... failures) {
        this.noAnswer = List.of(failures);
        return this;
    }

    /**
     * Polls until the condition holds and returns the probe's result that satisfied it.
     *
     * @throws XpoException.Timeout    when the timeout ran out first
     * @throws XpoException.WrongState when the condition became hopeless
     * @throws XpoException.Aborted    when the thread was interrupted (its interrupt flag stays set)
     */
    public T await(HostClock clock) {
        Outcome<T> o = run(clock);
        if (o.met) return o.value;
        throw new XpoException.Timeout("expected " + expected + " within " + timeout.toMillis() + " ms, saw " + o.last
            + " after " + o.elapsedNanos / 1_000_000 + " ms");
    }

    /** As {@link #await}, but a timeout is an empty result rather than an exception. */
    public Optional<T> awaitOrGiveUp(HostClock clock) {
        Outcome<T> o = run(clock);
        return o.met ? Optional.ofNullable(o.value) : Optional.empty();
    }

    private record Outcome<T>(boolean met, T value, String last, long elapsedNanos) {}

    private Outcome<T> run(HostClock clock) {
        if (timeout == null) throw new IllegalStateException("a poll needs a timeout: within(...)");
        long start = clock.nanoTime(), limit = saturatedNanos(timeout), interval = schedule.first().toNanos();
        String last = "nothing yet";
        if (!firstDelay.isZero()) pause(clock, firstDelay);
        while (true) {
            try {
                T value = probe.get();
                if (done.test(value)) return new Outcome<>(true, value, null, clock.nanoTime() - start);
                last = seen.apply(value);
                String why = hopeless.apply(value);
                if (why != null) throw new XpoException.WrongState("gave up waiting for " + expected + ": " + why);
            } catch (XpoException e) {
                if (noAnswer.stream().noneMatch(c -> c.isInstance(e))) throw e;
                last = "no answer (" + e.getMessage() + ")";
            }
            long elapsed = clock.nanoTime() - start;
            if (elapsed >= limit) return new Outcome<>(false, null, last, elapsed);
            pause(clock, Duration.ofNanos(Math.min(interval, limit - elapsed)));
            interval = schedule.nextNanos(interval, clock.nanoTime() - start);
        }
    }

    private void pause(HostClock clock, Duration d) {
        clock.sleep(d);
        if (Thread.currentThread().isInterrupted()) {
            throw new XpoException.Aborted("interrupted while waiting for " + expected);
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
