package org.openxpo.protocol.connector;

import java.util.Arrays;

/**
 * One message of an I2C transfer (Linux {@code struct i2c_msg}): a write of {@code data} or a read of {@code length}
 * bytes from 7-bit {@code address}. Messages of one transfer are joined by repeated starts.
 */
public record I2cMessage(boolean read, int address, int length, byte[] data) {
    /** Longest message the project accepts (the kernel's i2c-dev cap). */
    public static final int MAX_LENGTH = 8192;

    public I2cMessage {
        if (address < 0 || address > 0x7F) throw new IllegalArgumentException("7-bit address out of range: " + address);
        if (length < 0 || length > MAX_LENGTH) throw new IllegalArgumentException("message length " + length);
        if (!read && (data == null || data.length != length))
            throw new IllegalArgumentException("write data length does not match " + length);
        if (read) data = null;
    }

    public static I2cMessage write(int address, byte... data) {
        return new I2cMessage(false, address, data.length, data.clone());
    }

    public static I2cMessage read(int address, int length) {
        return new I2cMessage(true, address, length, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof I2cMessage m && m.read == read && m.address == address && m.length == length
            && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data) * 31 + (read ? 1 : 0) + address * 7 + length * 131; }

    @Override
    public String toString() {
        return String.format("%s 0x%02X len %d", read ? "read" : "write", address, length);
    }
}
