package org.openxpo.protocol.link;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * Validation shared by the frame records. Records refuse what cannot be encoded, so the decoder only needs to check
 * layout: whatever a record accepts fits in a frame and decodes back to an equal record.
 */
final class Check {
    private Check() {}

    private static final byte[] NONE = new byte[0];

    static int requestId(int id) {
        if (id == 0) throw new IllegalArgumentException("request id 0 is reserved for events");
        return id;
    }

    static int unsigned(int value, int bits, String what) {
        if (value < 0 || value >= 1L << bits) throw new IllegalArgumentException(what + " out of range: " + value);
        return value;
    }

    static int cage(int cage) { return unsigned(cage, 16, "cage"); }

    static int address(int address) { return unsigned(address, 7, "7-bit address"); }

    static <T> T present(T value, String what) {
        if (value == null) throw new IllegalArgumentException(what + " missing");
        return value;
    }

    static List<I2cMessage> messages(List<I2cMessage> messages) {
        List<I2cMessage> copy = List.copyOf(present(messages, "messages"));
        count(copy.size());
        long bytes = 0;
        for (I2cMessage m : copy) bytes += m.length();
        total(bytes);
        return copy;
    }

    /** Results in wire form: empty data instead of null, nack index -1 unless the status is DATA_NACK. */
    static List<I2cResult> results(List<I2cResult> results) {
        List<I2cResult> copy = new ArrayList<>(present(results, "results").size());
        long bytes = 0;
        for (I2cResult r : results) {
            I2cResult.Status status = present(present(r, "result").status(), "status");
            byte[] data = r.data() == null ? NONE : r.data();
            if (data.length > LinkLimits.MAX_MESSAGE_LENGTH) throw new IllegalArgumentException("read data too long");
            int nack = status == I2cResult.Status.DATA_NACK ? r.nackIndex() : -1;
            if (status == I2cResult.Status.DATA_NACK && (nack < 0 || nack >= LinkLimits.MAX_MESSAGE_LENGTH))
                throw new IllegalArgumentException("nack index out of range: " + nack);
            bytes += data.length;
            copy.add(nack == r.nackIndex() && data == r.data() ? r : new I2cResult(status, nack, data));
        }
        count(copy.size());
        total(bytes);
        return List.copyOf(copy);
    }

    /**
     * A batch of transfers (or of their results): 1..{@link LinkLimits#MAX_BATCH_TRANSFERS} lists, each valid on its
     * own, at most {@link LinkLimits#MAX_BATCH_MESSAGES} elements and {@link LinkLimits#MAX_TRANSFER_BYTES} bytes in
     * all.
     */
    static <T> List<List<T>> batch(List<List<T>> transfers, UnaryOperator<List<T>> each, ToLongFunction<T> bytes) {
        List<List<T>> copy = new ArrayList<>(present(transfers, "transfers").size());
        if (transfers.isEmpty() || transfers.size() > LinkLimits.MAX_BATCH_TRANSFERS)
            throw new IllegalArgumentException(transfers.size() + " transfers in a batch (1.." + LinkLimits.MAX_BATCH_TRANSFERS + ")");
        long total = 0, elements = 0;
        for (List<T> t : transfers) {
            List<T> valid = each.apply(t);
            elements += valid.size();
            for (T e : valid) total += bytes.applyAsLong(e);
            copy.add(valid);
        }
        if (elements > LinkLimits.MAX_BATCH_MESSAGES)
            throw new IllegalArgumentException(elements + " messages in a batch (at most " + LinkLimits.MAX_BATCH_MESSAGES + ")");
        total(total);
        return List.copyOf(copy);
    }

    static List<I3cDevice> devices(List<I3cDevice> devices) {
        List<I3cDevice> copy = List.copyOf(present(devices, "devices"));
        unsigned(copy.size(), 8, "device count");
        for (I3cDevice d : copy) {
            if (d.provisionedId() < 0 || d.provisionedId() >= 1L << 48)
                throw new IllegalArgumentException("provisioned id is 48 bits: " + d.provisionedId());
            unsigned(d.bcr(), 8, "BCR");
            unsigned(d.dcr(), 8, "DCR");
            address(d.dynamicAddress());
        }
        return copy;
    }

    /** The event in wire form (reset cause fitted to the text limit). */
    static TargetEvent event(TargetEvent event) {
        cage(present(event, "event").cage());
        return switch (event) {
            case TargetEvent.Ibi ibi -> {
                address(ibi.address());
                int length = present(ibi.payload(), "IBI payload").length;
                if (length < 1 || length > LinkLimits.MAX_IBI_PAYLOAD)
                    throw new IllegalArgumentException("IBI payload of " + length + " bytes (1.." + LinkLimits.MAX_IBI_PAYLOAD + ")");
                yield ibi;
            }
            case TargetEvent.Reset r -> {
                String cause = LinkText.fit(r.cause());
                yield cause.equals(r.cause()) ? r : new TargetEvent.Reset(r.cage(), r.timestampNanos(), cause);
            }
            case TargetEvent.PinLevel p -> {
                present(p.pin(), "pin");
                yield p;
            }
            case TargetEvent.IntL i -> i;
            case TargetEvent.Presence p -> p;
        };
    }

    private static void count(int messages) {
        if (messages < 1 || messages > LinkLimits.MAX_MESSAGES)
            throw new IllegalArgumentException(messages + " messages in a transfer (1.." + LinkLimits.MAX_MESSAGES + ")");
    }

    private static void total(long bytes) {
        if (bytes > LinkLimits.MAX_TRANSFER_BYTES)
            throw new IllegalArgumentException(bytes + " bytes in a transfer (at most " + LinkLimits.MAX_TRANSFER_BYTES + ")");
    }
}
