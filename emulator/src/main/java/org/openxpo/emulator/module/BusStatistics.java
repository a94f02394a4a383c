package org.openxpo.emulator.module;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

/** Counters of one module's management bus, as the control API reports them. */
public final class BusStatistics {
    public long transfers, messages, bytesRead, bytesWritten, nacks, pageSelects, busErrors;

    void count(I2cMessage msg, I2cResult r) {
        messages++;
        switch (r.status()) {
            case ACK -> {
                if (msg.read()) bytesRead += msg.length(); else bytesWritten += msg.length();
            }
            case ADDRESS_NACK, DATA_NACK -> nacks++;
            case BUS_ERROR -> busErrors++;
            default -> { }
        }
    }

    BusStatistics copy() {
        BusStatistics c = new BusStatistics();
        c.transfers = transfers; c.messages = messages; c.bytesRead = bytesRead; c.bytesWritten = bytesWritten;
        c.nacks = nacks; c.pageSelects = pageSelects; c.busErrors = busErrors;
        return c;
    }
}
