package org.openxpo.protocol.connector;

import java.util.Arrays;

/** The answer to a CCC: acknowledged (with the bytes read for GET CCCs) or not. */
public record CccResult(boolean acknowledged, byte[] data) {
    private static final byte[] NONE = new byte[0];

    public static CccResult ack() { return new CccResult(true, NONE); }

    public static CccResult ack(byte[] data) { return new CccResult(true, data); }

    public static CccResult nack() { return new CccResult(false, NONE); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CccResult r && r.acknowledged == acknowledged && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() { return Boolean.hashCode(acknowledged) * 31 + Arrays.hashCode(data); }
}
