package org.openxpo.driver.testing;

import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Another maker's CMIS module, as plain memory: a lower page and whatever upper pages a test fills, selected through
 * BankSelect/PageSelect; nothing else (no state machine, no flags that clear). It lets driver tests meet layouts and
 * pages the XPO emulator does not have. A page nobody filled reads as zeros.
 */
public final class PlainCmisModule implements Transport {
    private final byte[] lower = new byte[MemoryMap.PAGE_SIZE];
    private final Map<Long, byte[]> upper = new HashMap<>();
    private final List<Consumer<I2cMessage>> writeObservers = new ArrayList<>();
    private int bank, page;

    /** The upper half of {@code page}/{@code bank}, bytes 128–255 at indexes 0–127; written through. */
    public byte[] page(int page, int bank) {
        return upper.computeIfAbsent(((long) page << 8) | bank, k -> new byte[MemoryMap.PAGE_SIZE]);
    }

    public byte[] lower() { return lower; }

    /** The page PageSelect holds (127). */
    public synchronized int selectedPage() { return page; }

    /** The bank BankSelect holds (126). */
    public synchronized int selectedBank() { return bank; }

    /** Sets {@code f} (element {@code index}) on {@code bank} to {@code value}, as the module would store it. */
    public PlainCmisModule set(Field f, int bank, int index, long value) {
        byte[] window = new byte[ManagementInterface.WINDOW_SIZE];
        byte[] half = f.offset() < ManagementInterface.UPPER_PAGE_START ? lower : page(f.page(), bank);
        int base = f.offset() < ManagementInterface.UPPER_PAGE_START ? 0 : ManagementInterface.UPPER_PAGE_START;
        System.arraycopy(half, 0, window, base, MemoryMap.PAGE_SIZE);
        f.set(window, index, value);
        System.arraycopy(window, base, half, 0, MemoryMap.PAGE_SIZE);
        return this;
    }

    /** Calls {@code observer} with every write message the host sends (after it took effect). */
    public void onWrite(Consumer<I2cMessage> observer) { writeObservers.add(observer); }

    @Override
    public synchronized List<I2cResult> i2c(List<I2cMessage> messages) {
        List<I2cResult> out = new ArrayList<>();
        int at = 0;
        for (I2cMessage m : messages) {
            if (m.read()) {
                byte[] data = new byte[m.length()];
                for (int i = 0; i < data.length; i++) data[i] = byteAt(at + i);
                out.add(I2cResult.ack(data));
                continue;
            }
            at = m.data()[0] & 0xFF;
            for (int i = 1; i < m.data().length; i++) store(at + i - 1, m.data()[i]);
            out.add(I2cResult.ack());
            for (Consumer<I2cMessage> o : writeObservers) o.accept(m);
        }
        return out;
    }

    private byte byteAt(int address) {
        if (address < ManagementInterface.UPPER_PAGE_START) return lower[address];
        return page(page, bank)[address - ManagementInterface.UPPER_PAGE_START];
    }

    private void store(int address, byte value) {
        if (address < ManagementInterface.UPPER_PAGE_START) {
            lower[address] = value;
            if (address == ManagementInterface.BANK_SELECT) bank = value & 0xFF;
            if (address == ManagementInterface.PAGE_SELECT) page = value & 0xFF;
        } else {
            page(page, bank)[address - ManagementInterface.UPPER_PAGE_START] = value;
        }
    }

    @Override public String describe() { return "plain CMIS module"; }
    @Override public boolean supportsI3c() { return false; }
    @Override public boolean hasInterruptEvents() { return false; }
    @Override public List<I2cResult> i3c(List<I2cMessage> messages) { throw new UnsupportedOperationException("I2C only"); }
    @Override public CccResult ccc(CccRequest request) { throw new UnsupportedOperationException("I2C only"); }
    @Override public List<I3cDevice> entdaa(int firstAddress) { throw new UnsupportedOperationException("I2C only"); }
    @Override public void writePin(Pin pin, boolean high) {}
    @Override public boolean readPin(Pin pin) { return true; }
    @Override public AutoCloseable subscribe(Consumer<TargetEvent> listener) { return () -> {}; }
    @Override public void close() {}
}
