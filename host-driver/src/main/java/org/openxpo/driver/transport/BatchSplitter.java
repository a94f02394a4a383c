package org.openxpo.driver.transport;

import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.connector.I2cMessage;

import java.util.ArrayList;
import java.util.List;

/** Cuts a batch of transfers into consecutive parts that each fit one I2C_BATCH request (docs/wire-protocol.md §10). */
final class BatchSplitter {
    private BatchSplitter() {}

    static List<List<List<I2cMessage>>> split(List<List<I2cMessage>> transfers) {
        List<List<List<I2cMessage>>> parts = new ArrayList<>();
        List<List<I2cMessage>> part = new ArrayList<>();
        int messages = 0;
        long bytes = 0;
        for (List<I2cMessage> t : transfers) {
            long b = t.stream().mapToLong(I2cMessage::length).sum();
            boolean full = part.size() == LinkLimits.MAX_BATCH_TRANSFERS
                || messages + t.size() > LinkLimits.MAX_BATCH_MESSAGES || bytes + b > LinkLimits.MAX_TRANSFER_BYTES;
            if (full && !part.isEmpty()) {
                parts.add(part);
                part = new ArrayList<>();
                messages = 0;
                bytes = 0;
            }
            part.add(t);
            messages += t.size();
            bytes += b;
        }
        if (!part.isEmpty()) parts.add(part);
        return parts;
    }
}
