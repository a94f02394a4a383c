package org.openxpo.emulator.link;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.openxpo.protocol.map.ManagementInterface.BANK_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.PAGE_SELECT;

/** Counts one cage's transfers. Updated under the cage's bus lock; read by anyone without taking it. */
final class BusCounters {
    private final AtomicLong transfers = new AtomicLong(), bytesWritten = new AtomicLong(), bytesRead = new AtomicLong(),
        nacks = new AtomicLong(), pageSelects = new AtomicLong();

    void count(List<I2cMessage> messages, List<I2cResult> results) {
        transfers.incrementAndGet();
        for (int i = 0; i < results.size() && i < messages.size(); i++) {
            I2cMessage m = messages.get(i);
            I2cResult r = results.get(i);
            switch (r.status()) {
                case ACK -> {
                    if (m.read()) {
                        bytesRead.addAndGet(r.data().length);
                    } else {
                        bytesWritten.addAndGet(m.length());
                        if (selectsPage(m)) pageSelects.incrementAndGet();
                    }
                }
                case ADDRESS_NACK, DATA_NACK -> nacks.incrementAndGet();
                default -> { }
            }
        }
    }

    /** A write whose first byte is the register address and whose data lands on BankSelect or PageSelect. */
    static boolean selectsPage(I2cMessage m) {
        if (m.read() || m.length() < 2) return false;
        int first = m.data()[0] & 0xFF, last = first + m.length() - 2;
        return first <= PAGE_SELECT && last >= BANK_SELECT;
    }

    CageStatistics snapshot() {
        return new CageStatistics(transfers.get(), bytesWritten.get(), bytesRead.get(), nacks.get(), pageSelects.get());
    }
}
