package org.openxpo.driver.cli;

/** The exit codes of xpoctl. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;
    /** The module or the bus failed: NACK, timeout waiting for a state, rejected configuration, module absent. */
    public static final int MODULE_ERROR = 1;
    /** The command line is wrong: unknown command or option, bad value, a request the module does not support. */
    public static final int USAGE = 2;
    /** The target could not be opened: emulator not running, I2C bus missing, no embedded emulator on the class path. */
    public static final int UNREACHABLE = 3;
}
