package org.openxpo.protocol.connector;

import java.util.Arrays;

/**
 * How one message of a transfer went. For reads, {@code data} holds the bytes read. For {@link Status#DATA_NACK},
 * {@code nackIndex} is the index of the data byte the target refused (bytes before it were accepted).
 */
public record I2cResult(Status status, int nackIndex, byte[] data) {

    public enum Status {
        /** Every byte acknowledged. */
        ACK(0),
        /** Nobody acknowledged the address (wrong address, or a busy target refusing). */
        ADDRESS_NACK(1),
        /** The target refused data byte {@code nackIndex}. */
        DATA_NACK(2),
        /** Arbitration lost, stuck bus or another electrical failure. */
        BUS_ERROR(3),
        /** The cage is empty. */
        NO_MODULE(4),
        /** Not executed because an earlier message of the transfer failed (the transfer ends with a STOP there). */
        SKIPPED(5);

        private final int wire;

        Status(int wire) { this.wire = wire; }

        public int wire() { return wire; }

        public static Status fromWire(int w) {
            for (Status s : values()) if (s.wire == w) return s;
            return null;
        }
    }

    private static final byte[] NONE = new byte[0];

    public static I2cResult ack() { return new I2cResult(Status.ACK, -1, NONE); }

    public static I2cResult ack(byte[] read) { return new I2cResult(Status.ACK, -1, read); }

    public static I2cResult of(Status status) { return new I2cResult(status, -1, NONE); }

    public static I2cResult dataNack(int index) { return new I2cResult(Status.DATA_NACK, index, NONE); }

    public boolean ok() { return status == Status.ACK; }

    /** Results compare by content (the read bytes included). */
    @Override
    public boolean equals(Object o) {
        return o instanceof I2cResult r && r.status == status && r.nackIndex == nackIndex && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() { return status.hashCode() * 31 + nackIndex + Arrays.hashCode(data); }
}
