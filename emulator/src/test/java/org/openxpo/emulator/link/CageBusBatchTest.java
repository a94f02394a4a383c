package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * A timed batch on one cage's bus, seen from the module: every transfer reaches it no earlier than its modelled start,
 * and the answer's time is the batch's end.
 */
class CageBusBatchTest {
    private static final int TARGET = 0x08;

    /** A target that ACKs everything and notes when each transfer reached it. */
    private static final class ClockedTarget implements ControlConnector {
        final List<Long> reached = new ArrayList<>();

        @Override
        public List<I2cResult> i2c(List<I2cMessage> messages) { return i3c(messages); }

        @Override
        public List<I2cResult> i3c(List<I2cMessage> messages) {
            reached.add(System.nanoTime());
            List<I2cResult> out = new ArrayList<>();
            for (I2cMessage m : messages) out.add(m.read() ? I2cResult.ack(new byte[m.length()]) : I2cResult.ack());
            return out;
        }

        @Override public CccResult ccc(CccRequest request) { throw new UnsupportedOperationException(); }
        @Override public List<I3cDevice> entdaa(int firstAddress) { throw new UnsupportedOperationException(); }
        @Override public void writePin(Pin pin, boolean high) { throw new UnsupportedOperationException(); }
        @Override public boolean readPin(Pin pin) { return false; }
        @Override public AutoCloseable subscribe(Consumer<TargetEvent> listener) { return () -> {}; }
    }

    @Test
    void everyTransferOfAnI3cBatchReachesTheModuleNoEarlierThanItsTurnAndTheAnswerIsDueAtTheEnd() throws Exception {
        BusTiming timing = BusTiming.i3cSdr();
        ClockedTarget target = new ClockedTarget();
        CageBus bus = new CageBus(1, target, timing);
        List<List<I2cMessage>> batch = new ArrayList<>();
        for (int k = 0; k < 40; k++) // 40 register reads of 16 bytes: 174 clocks, 13.9 µs each
            batch.add(List.of(I2cMessage.write(TARGET, (byte) k), I2cMessage.read(TARGET, 16)));

        BusSlot slot = new BusSlot(System.nanoTime());
        List<List<I2cResult>> results = bus.i3cBatch(batch, slot);

        assertEquals(batch.size(), results.size());
        long start = slot.ready();
        for (int k = 0; k < batch.size(); k++) {
            assertTrue(target.reached.get(k) - start >= 0,
                "transfer " + k + " reached the module " + (start - target.reached.get(k)) + " ns before its turn");
            start += timing.transferNanos(batch.get(k));
        }
        assertTrue(slot.timed());
        assertEquals(start, slot.answerAt(), "the answer is due when the last transfer's bus time is over");
    }
}
