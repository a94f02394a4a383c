package org.openxpo.driver;

import org.openxpo.protocol.types.CdbStatus;

/**
 * Base of every error the driver reports; unchecked, with a message meant for a person. Each subtype has one meaning,
 * so a caller (the monitor, xpoctl's exit codes) can act on the type: the bus or link failed, the module answered
 * something wrong, the module refused, or the request itself was wrong.
 */
public class XpoException extends RuntimeException {
    public XpoException(String message) { super(message); }

    public XpoException(String message, Throwable cause) { super(message, cause); }

    /**
     * What a caller should see of the failure an asynchronous driver call completed with: the cause a
     * {@link java.util.concurrent.CompletionException} wraps, an unchecked exception as it is, anything else as a
     * {@link LinkFailure}.
     */
    public static RuntimeException ofAsyncFailure(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        return t instanceof RuntimeException r ? r : new LinkFailure(t.toString(), t);
    }

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

    /** The module did not reach what a wait expected (a state, a CDB result) within its advertised time. */
    public static final class Timeout extends XpoException {
        public Timeout(String message) { super(message); }
    }

    /** The link to the emulator failed: it dropped, gave no answer in time, or the peer broke the protocol. */
    public static final class LinkFailure extends XpoException {
        public LinkFailure(String message) { super(message); }

        public LinkFailure(String message, Throwable cause) { super(message, cause); }
    }

    /** The target cannot do this: I3C over a Pi4J I2C adapter, a pin that is not wired, firmware writes it lacks. */
    public static final class Unsupported extends XpoException {
        public Unsupported(String message) { super(message); }
    }

    /**
     * The request does not fit the module or its memory map (a page or bank it lacks, a read-only field, an AppSel it
     * does not advertise, lanes outside it, an unreadable image file). Thrown before anything is written.
     */
    public static final class InvalidRequest extends XpoException {
        public InvalidRequest(String message) { super(message); }
    }

    /** The module is in a state where the request cannot go on: ModuleFault, not ModuleReady, the old image running. */
    public static final class WrongState extends XpoException {
        public WrongState(String message) { super(message); }
    }

    /**
     * The module answered, but the answer is corrupt: a CDB reply of the wrong length or with a wrong check code, a
     * page selection that does not hold. The bus and the link worked.
     */
    public static final class BadReply extends XpoException {
        public BadReply(String message) { super(message); }

        public BadReply(String message, Throwable cause) { super(message, cause); }
    }

    /** A CDB command ended with a failure status (CdbStatus1 0x40-0x7F). */
    public static final class CdbFailed extends XpoException {
        private final int status;

        /** {@code what} names the command for a person, with its id: "complete download (0107h)". */
        public CdbFailed(String what, int status) {
            super(what + " failed: " + CdbStatus.describe(status));
            this.status = status;
        }

        /** The status code (00h:37). */
        public int status() { return status; }

        /** The decoded status: "0x60 failed: ..." as {@link CdbStatus#describe}. */
        public String statusText() { return CdbStatus.describe(status); }
    }

    /** The host stopped the operation: a firmware update's {@code abort()}, or a waiting thread was interrupted. */
    public static final class Aborted extends XpoException {
        public Aborted(String message) { super(message); }
    }
}
