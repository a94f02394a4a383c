package org.openxpo.driver.cli;

/** The exit codes of xpoctl. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;
    /**
     * The module or the bus failed: NACK, bus error, a wait that timed out, a failed CDB command, a corrupt reply, a
     * rejected configuration, a module in the wrong state or absent, an aborted operation.
     */
    public static final int MODULE_ERROR = 1;
    /**
     * The command line is wrong: unknown command or option, bad value, a request that does not fit the module or its
     * map ({@code XpoException.InvalidRequest}), or one the target cannot do ({@code XpoException.Unsupported}).
     */
    public static final int USAGE = 2;
    /**
     * The target could not be opened (emulator not running, I2C bus missing, no embedded emulator on the class path) or
     * the link to it failed during the command ({@code XpoException.LinkFailure}).
     */
    public static final int UNREACHABLE = 3;
}
