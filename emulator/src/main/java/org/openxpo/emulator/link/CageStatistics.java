package org.openxpo.emulator.link;

/**
 * Bus counters of one cage as the link server saw them (every client together). {@code transfers} counts I2C and I3C
 * transfers; bytes count the data of acknowledged messages (write bytes include the register address byte);
 * {@code nacks} counts address and data NACKs; {@code pageSelects} counts acknowledged writes whose data reaches
 * byte 126 (BankSelect) or 127 (PageSelect).
 */
public record CageStatistics(long transfers, long bytesWritten, long bytesRead, long nacks, long pageSelects) {
    public static final CageStatistics NONE = new CageStatistics(0, 0, 0, 0, 0);

    /** Bytes moved in both directions. */
    public long bytes() { return bytesWritten + bytesRead; }
}
