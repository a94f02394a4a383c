package org.openxpo.driver;

/** Base of every error the driver reports; unchecked, with a message meant for a person. */
public class XpoException extends RuntimeException {
    public XpoException(String message) { super(message); }

    public XpoException(String message, Throwable cause) { super(message, cause); }

    /** No module in the cage (ModPrsL high, or the emulator says the cage is empty). */
    public static final class ModuleAbsent extends XpoException {
        public ModuleAbsent(String where) { super("no module present at " + where); }
    }

    /** The module refused a transfer (address or data NACK) after the retries. */
    public static final class Nack extends XpoException {
        public Nack(String message) { super(message); }
    }

    /** The bus failed electrically (stuck bus, arbitration lost) or the adapter reported an I/O error. */
    public static final class BusError extends XpoException {
        public BusError(String message) { super(message); }

        public BusError(String message, Throwable cause) { super(message, cause); }
    }

    /** No answer in time: from the link, or a module that never reached the state a wait expected. */
    public static final class Timeout extends XpoException {
        public Timeout(String message) { super(message); }
    }

    /** The link to the emulator failed or the peer broke the protocol. */
    public static final class LinkFailure extends XpoException {
        public LinkFailure(String message) { super(message); }

        public LinkFailure(String message, Throwable cause) { super(message, cause); }
    }

    /** A request the target cannot serve (e.g. I3C over a Pi4J I2C adapter), or a bad argument. */
    public static final class Unsupported extends XpoException {
        public Unsupported(String message) { super(message); }
    }
}
