package org.openxpo.protocol.connector;

import java.util.Arrays;

/**
 * One CCC: broadcast ({@code address} = {@link Ccc#BROADCAST}) or direct to a dynamic (or, for SETDASA, static)
 * address; {@code data} is written after the code, {@code readLength} bytes are read back (direct GET CCCs).
 */
public record CccRequest(int code, int address, byte[] data, int readLength) {
    public CccRequest {
        if (code < 0 || code > 0xFF) throw new IllegalArgumentException("CCC code " + code);
        if (address < 0 || address > 0x7F) throw new IllegalArgumentException("address " + address);
        if (data == null) data = new byte[0];
        if (data.length > 255 || readLength < 0 || readLength > 255)
            throw new IllegalArgumentException("CCC payload too long");
    }

    public static CccRequest broadcast(int code, byte... data) { return new CccRequest(code, Ccc.BROADCAST, data, 0); }

    public static CccRequest directWrite(int code, int address, byte... data) {
        return new CccRequest(code, address, data, 0);
    }

    public static CccRequest directRead(int code, int address, int readLength) {
        return new CccRequest(code, address, new byte[0], readLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CccRequest r && r.code == code && r.address == address && r.readLength == readLength
            && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() { return (code * 31 + address) * 31 + readLength + Arrays.hashCode(data); }
}
