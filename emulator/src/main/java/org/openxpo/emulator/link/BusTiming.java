package org.openxpo.emulator.link;

import java.util.List;
import java.util.Locale;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.I2cMessage;

/**
 * How long a transfer takes on the real bus, so the link server can answer no earlier than hardware would. The model
 * counts SCL clocks and divides by the bus clock:
 * <ul>
 *   <li>each message starts with a START (the first) or a repeated START (the others): <b>1 clock</b>;</li>
 *   <li>the address byte with its R/W bit and the ACK: <b>9 clocks</b>;</li>
 *   <li>each data byte with its ACK/NACK: <b>9 clocks</b>;</li>
 *   <li>the STOP that ends the transfer: <b>1 clock</b>.</li>
 * </ul>
 * START/Sr and STOP each count as one clock period: their setup and hold times are about one bit time in every mode.
 * I3C SDR uses the same 9-bit framing (8 data bits + T-bit or ACK) at 12.5 MHz. A 128-byte page read (select the page,
 * set the offset, read) is 28 + 19 + 1162 + 1 = 1210 clocks: 3.025 ms at 400 kHz.
 */
public final class BusTiming {
    /** No timing: transfers are answered as fast as the emulator runs them. */
    public static final BusTiming OFF = new BusTiming("off", 0);

    static final int START_CLOCKS = 1, STOP_CLOCKS = 1, BYTE_CLOCKS = 9;
    /** Lowest and highest I2C clock accepted (SMBus floor; Fast-mode Plus ceiling). */
    static final int MIN_I2C_HZ = 10_000, MAX_I2C_HZ = 1_000_000;
    static final int I3C_SDR_HZ = 12_500_000;
    /** ENTDAA: per target, Sr + 0x7E/R + 64 bits of PID/BCR/DCR + the address with its parity bit and ACK. */
    static final int ENTDAA_CLOCKS_PER_TARGET = START_CLOCKS + BYTE_CLOCKS + 64 + BYTE_CLOCKS;

    private final String name;
    private final long hz;

    private BusTiming(String name, long hz) {
        this.name = name;
        this.hz = hz;
    }

    /** An I2C bus at {@code hz} (100 000, 400 000 and 1 000 000 are the standard modes). */
    public static BusTiming i2c(int hz) {
        if (hz < MIN_I2C_HZ || hz > MAX_I2C_HZ)
            throw new IllegalArgumentException("I2C clock " + hz + " Hz is outside " + MIN_I2C_HZ + "-" + MAX_I2C_HZ);
        String name = hz % 1_000_000 == 0 ? hz / 1_000_000 + "m" : hz % 1000 == 0 ? hz / 1000 + "k" : hz + "hz";
        return new BusTiming(name, hz);
    }

    /** An I3C bus in SDR mode at 12.5 MHz. */
    public static BusTiming i3cSdr() { return new BusTiming("i3c-sdr", I3C_SDR_HZ); }

    /** "100k", "400k", "1m", "i3c-sdr" or "off" (case-insensitive). */
    public static BusTiming parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> OFF;
            case "100k" -> i2c(100_000);
            case "400k" -> i2c(400_000);
            case "1m" -> i2c(1_000_000);
            case "i3c-sdr" -> i3cSdr();
            default -> throw new IllegalArgumentException(
                "unknown bus timing '" + text + "': use 100k, 400k, 1m, i3c-sdr or off");
        };
    }

    public boolean enabled() { return hz > 0; }

    /** The bus clock in Hz (0 when off). */
    public long clockHz() { return hz; }

    /** Clocks of a transfer: the messages joined by repeated starts, then one STOP. */
    public static long transferClocks(List<I2cMessage> messages) {
        long clocks = STOP_CLOCKS;
        for (I2cMessage m : messages) clocks += START_CLOCKS + BYTE_CLOCKS + (long) BYTE_CLOCKS * m.length();
        return clocks;
    }

    /** What the transfer takes on the real bus, in ns (0 when off). */
    public long transferNanos(List<I2cMessage> messages) { return nanos(transferClocks(messages)); }

    /**
     * A CCC: START, 0x7E/W, the code and its data bytes; a direct CCC then a repeated START, the target's address and
     * the bytes read; then STOP.
     */
    public long cccNanos(CccRequest request) {
        long clocks = START_CLOCKS + 2L * BYTE_CLOCKS + (long) BYTE_CLOCKS * request.data().length + STOP_CLOCKS;
        if (request.address() != org.openxpo.protocol.connector.Ccc.BROADCAST)
            clocks += START_CLOCKS + BYTE_CLOCKS + (long) BYTE_CLOCKS * request.readLength();
        return nanos(clocks);
    }

    /** ENTDAA: START, 0x7E/W, the code; one round per target; a last round nobody answers; STOP. */
    public long entdaaNanos(int targetsAssigned) {
        long clocks = START_CLOCKS + 2L * BYTE_CLOCKS + (long) ENTDAA_CLOCKS_PER_TARGET * targetsAssigned
            + START_CLOCKS + BYTE_CLOCKS + STOP_CLOCKS;
        return nanos(clocks);
    }

    private long nanos(long clocks) {
        return hz == 0 ? 0 : Math.ceilDiv(clocks * 1_000_000_000L, hz);
    }

    @Override
    public boolean equals(Object o) { return o instanceof BusTiming t && t.hz == hz; }

    @Override
    public int hashCode() { return Long.hashCode(hz); }

    @Override
    public String toString() { return name; }
}
