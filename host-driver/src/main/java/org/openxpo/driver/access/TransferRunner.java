package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs transfers on a transport for the access layer: one transfer with bounded retry and doubling backoff while the
 * module NACKs its address (busy), or a batch as sent; counts what ran ({@link AccessStatistics}); and maps a failed
 * result to the {@link XpoException} a caller sees. Every failure, thrown or returned, drops the page-select cache.
 * Used by the bus holder only.
 */
final class TransferRunner {
    private final Transport transport;
    private final RegisterAccess.RetryPolicy retry;
    private final HostClock clock;
    private final PageSelection selection;
    private long transfers, busBytes, nacks, retries, pageSelects;
    private boolean lastWasRetried;

    TransferRunner(Transport transport, RegisterAccess.RetryPolicy retry, HostClock clock, PageSelection selection) {
        this.transport = transport;
        this.retry = retry;
        this.clock = clock;
        this.selection = selection;
    }

    RegisterAccess.RetryPolicy retry() { return retry; }

    /**
     * One transfer, retried on address NACK; any other failure (or the last NACK) throws, and an interrupt during a
     * backoff ends the retries with {@link XpoException.Aborted} (the interrupt flag stays set). {@code what} describes
     * the transfer for the error message; it is only built when one is thrown.
     */
    List<I2cResult> run(List<I2cMessage> messages, Supplier<String> what) {
        Duration backoff = retry.firstBackoff();
        for (int attempt = 0; ; attempt++) {
            List<I2cResult> results;
            try {
                results = transport.i2c(messages);
            } catch (XpoException e) {
                selection.forgetCache();
                throw e;
            }
            count(messages);
            I2cResult bad = firstFailure(results);
            if (bad == null) {
                selection.answered();
                lastWasRetried = attempt > 0;
                return results;
            }
            countNack(bad);
            if (bad.status() == I2cResult.Status.ADDRESS_NACK && attempt < retry.retries()) {
                retries++;
                clock.sleep(backoff);
                if (Thread.currentThread().isInterrupted()) {
                    selection.forgetCache();
                    throw new XpoException.Aborted("interrupted while retrying (" + what.get() + ") at "
                        + transport.describe());
                }
                backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
                continue;
            }
            selection.forgetCache();
            throw failure(bad, what);
        }
    }

    /** True when the last transfer {@link #run} completed needed a retry (the module NACKed before answering it). */
    boolean lastWasRetried() { return lastWasRetried; }

    /** Sends a planned batch as it is; the caller walks the results with {@link #ran}. */
    List<List<I2cResult>> send(List<List<I2cMessage>> batch) {
        try {
            return transport.i2cBatch(batch);
        } catch (XpoException e) {
            selection.forgetCache();
            throw e;
        }
    }

    /** {@link #send} without waiting, where the transport allows it ({@link Transport#i2cBatchAsync}). */
    java.util.concurrent.CompletableFuture<List<List<I2cResult>>> sendAsync(List<List<I2cMessage>> batch) {
        return transport.i2cBatchAsync(batch).whenComplete((r, e) -> {
            if (e != null) selection.forgetCache();
        });
    }

    /** Counts a transfer of a batch that ran; returns its first failure, or null (then the module answered). */
    I2cResult ran(List<I2cMessage> messages, List<I2cResult> results) {
        count(messages);
        I2cResult bad = firstFailure(results);
        if (bad == null) {
            selection.answered();
        } else {
            countNack(bad);
            selection.forgetCache();
        }
        return bad;
    }

    /** A page select was acknowledged. */
    void selected() { pageSelects++; }

    /** A failed batch transfer is retried from where it stopped. */
    void retrying() { retries++; }

    private void count(List<I2cMessage> messages) {
        transfers++;
        for (I2cMessage m : messages) busBytes += 1 + m.length();
    }

    private void countNack(I2cResult bad) {
        if (bad.status() == I2cResult.Status.ADDRESS_NACK || bad.status() == I2cResult.Status.DATA_NACK) nacks++;
    }

    AccessStatistics statistics() { return new AccessStatistics(transfers, busBytes, nacks, retries, pageSelects); }

    static I2cResult firstFailure(List<I2cResult> results) {
        for (I2cResult r : results) if (!r.ok()) return r;
        return null;
    }

    /** The exception a caller sees for a failed transfer described by {@code describe}. */
    XpoException failure(I2cResult r, Supplier<String> describe) {
        String what = describe.get();
        String where = transport.describe();
        return switch (r.status()) {
            case NO_MODULE -> new XpoException.ModuleAbsent(where);
            case ADDRESS_NACK -> new XpoException.Nack("module did not acknowledge (" + what + ") at " + where
                + " after " + retry.retries() + " retries: busy, in reset or not ready");
            case DATA_NACK -> new XpoException.Nack("module refused data byte " + r.nackIndex() + " (" + what + ") at " + where);
            case BUS_ERROR -> new XpoException.BusError("bus error (" + what + ") at " + where);
            default -> new XpoException.BusError("transfer failed: " + r.status() + " (" + what + ") at " + where);
        };
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }
}
