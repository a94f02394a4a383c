package org.openxpo.emulator.module;

/**
 * How long the emulated module really takes to process CDB commands (µs), well under what it advertises (0041h): the
 * firmware takes the trigger on an interrupt (capture and check), stages blocks in RAM (about 2 bytes per µs, plus a
 * fixed cost per LPL block) and programs the flash at Complete. Public so benchmarks can tell the module's time from
 * the host's.
 */
public final class CdbTimes {
    private CdbTimes() {}

    public static final long CAPTURE_US = 100, CHECK_US = 100, QUICK_US = 1000, START_US = 20_000,
        WRITE_LPL_US = 250, WRITE_EPL_US = 1000, COMPLETE_US = 60_000, COMMIT_US = 5000;

    /** One EPL block command from trigger to result: capture, check and the write. */
    public static long eplBlockMicros() { return CAPTURE_US + CHECK_US + WRITE_EPL_US; }
}
