package org.openxpo.bench;

import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A transport that passes everything through and counts what the driver put on the bus: transfers, bytes (each
 * message's address byte plus its data or read bytes, as {@code AccessStatistics} counts them) and bus clocks by
 * {@link BusTiming#transferClocks} — so "the driver's own bus time" uses the very formula of the bound.
 */
final class RecordingTransport implements ForwardingTransport {
    private final Transport inner;
    private final LongAdder requests = new LongAdder(), transfers = new LongAdder(), bytes = new LongAdder(),
        clocks = new LongAdder();

    RecordingTransport(Transport inner) { this.inner = inner; }

    /** Calls into the transport (a batch is one: one link round trip), transfers, bytes and clocks so far. */
    record Counts(long requests, long transfers, long bytes, long clocks) {
        Counts minus(Counts o) {
            return new Counts(requests - o.requests, transfers - o.transfers, bytes - o.bytes, clocks - o.clocks);
        }
    }

    Counts counts() { return new Counts(requests.sum(), transfers.sum(), bytes.sum(), clocks.sum()); }

    private void record(List<I2cMessage> messages) {
        transfers.increment();
        long b = 0;
        for (I2cMessage m : messages) b += 1 + m.length();
        bytes.add(b);
        clocks.add(BusTiming.transferClocks(messages));
    }

    @Override public List<I2cResult> i2c(List<I2cMessage> messages) {
        requests.increment();
        record(messages);
        return inner.i2c(messages);
    }

    /** Records the transfers that ran (not the skipped ones) and passes the batch on whole. */
    @Override public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> batch) {
        requests.increment();
        List<List<I2cResult>> results = inner.i2cBatch(batch);
        for (int i = 0; i < batch.size(); i++)
            if (results.get(i).get(0).status() != I2cResult.Status.SKIPPED) record(batch.get(i));
        return results;
    }

    @Override public List<I2cResult> i3c(List<I2cMessage> messages) {
        requests.increment();
        record(messages);
        return inner.i3c(messages);
    }

    /** I3C batches run transfer by transfer through {@link #i3c}, so that each is recorded. */
    @Override public List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> batch) {
        return ControlConnector.batch(batch, this::i3c);
    }

    @Override public Transport inner() { return inner; }
}
