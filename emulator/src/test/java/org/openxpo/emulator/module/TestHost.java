package org.openxpo.emulator.module;

import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.types.Lanes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minimal host for emulator tests: raw I2C transfers, page selects and field access through the bus only. Tests
 * that write raw addresses (0x50, 126/127, page numbers) do so on purpose, as an independent host reading CMIS bytes.
 */
final class TestHost {
    static final int ADDR = 0x50;
    private final ControlConnector bus;

    TestHost(ControlConnector bus) { this.bus = bus; }

    I2cResult write(int address, int... bytes) {
        byte[] data = new byte[bytes.length + 1];
        data[0] = (byte) address;
        for (int i = 0; i < bytes.length; i++) data[i + 1] = (byte) bytes[i];
        return bus.i2c(List.of(I2cMessage.write(ADDR, data))).get(0);
    }

    /** Register read with a repeated start, as Linux I2C_RDWR / Pi4J readRegister do. */
    List<I2cResult> readRaw(int address, int len) {
        return bus.i2c(List.of(I2cMessage.write(ADDR, (byte) address), I2cMessage.read(ADDR, len)));
    }

    byte[] read(int address, int len) {
        List<I2cResult> r = readRaw(address, len);
        assertTrue(r.get(1).ok(), () -> "read failed: " + r);
        return r.get(1).data();
    }

    int readByte(int address) { return read(address, 1)[0] & 0xFF; }

    void select(int page, int bank) {
        assertEquals(I2cResult.Status.ACK, write(126, bank, page).status());
    }

    /** Reads the bytes of element {@code i} of a field (selecting its page) and decodes it. */
    long get(Field field, int bank, int i) {
        if (!field.lower()) select(field.page(), bank);
        int at = field.elementOffset(i);
        int n = field.isBitField() ? 1 : field.bytesPerElement();
        byte[] window = new byte[256];
        System.arraycopy(read(at, n), 0, window, at, n);
        return field.get(window, i);
    }

    long get(Field field) { return get(field, 0, 0); }

    long lane(Field field, int lane) { return get(field, Lanes.bankOf(lane), Lanes.indexInBank(lane)); }

    double value(Field field, int bank, int i) {
        return field.unit().decode(get(field, bank, i), field.bitWidth());
    }

    double value(Field field) { return value(field, 0, 0); }

    /** Writes a whole-byte field or the byte of a bit field (other bits of that byte as given). */
    I2cResult setByte(Field field, int bank, int value) {
        if (!field.lower()) select(field.page(), bank);
        return write(field.offset(), value);
    }

    int moduleState() { return (int) get(LowerPage.MODULE_STATE); }
}
