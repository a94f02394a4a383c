package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.I2cMessage;

import java.util.ArrayList;
import java.util.List;

import static org.openxpo.driver.access.PageMessages.*;
import static org.openxpo.protocol.map.ManagementInterface.I2C_ADDRESS;
import static org.openxpo.protocol.map.ManagementInterface.PAGE_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.UPPER_PAGE_START;
import static org.openxpo.protocol.map.ManagementInterface.WINDOW_SIZE;

/**
 * A batch of transfers planned without a transport: reads and writes, split at the lower/upper boundary and at the
 * module's write limits, each preceded by the page select it needs — judged from the selection the batch starts from,
 * then from what the batch itself selects. Every transfer fits what the transport does atomically (at most
 * {@code maxMessages} messages joined by repeated starts): a read is the register byte then the read (2 messages), a
 * write or a select one message. A select is its own transfer, so a failed select is told from a failed access.
 */
final class BatchPlan {
    /** A planned access: the index of its select transfer (or -1 when none is needed) and of its own transfer. */
    record Step(int page, int bank, int select, int transfer) {}

    /** One write transfer: bytes [from, from + length) of the data planned by {@link #write}, at byte {@code at}. */
    record Piece(int step, int page, int bank, int at, int from, int length) {
        boolean writesPageSelect() { return at <= PAGE_SELECT && at + length > PAGE_SELECT; }
    }

    /** Bytes {@code [at, at + length)} of one page half, accessed in one transfer. */
    record Span(int at, int from, int length) {}

    /** Messages the longest planned transfer carries (a read); a transport must do that many atomically. */
    static final int MESSAGES_PER_READ = 2;

    private final WriteLimits limits;
    private final List<List<I2cMessage>> transfers = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    /** The selection after the planned transfers (-1: unknown). */
    private int page, bank;

    /** A plan starting with {@code page}/{@code bank} selected (-1: unknown). */
    BatchPlan(int page, int bank, WriteLimits limits, int maxMessages) {
        requireAtomicReads(maxMessages);
        this.page = page;
        this.bank = bank;
        this.limits = limits;
    }

    /** Refuses a transport that cannot carry a register read (register byte, repeated start, read) as one transfer. */
    static void requireAtomicReads(int maxMessages) {
        if (maxMessages < MESSAGES_PER_READ) {
            throw new XpoException.Unsupported("a transport that carries " + maxMessages + " message per transfer cannot "
                + "read a register atomically (register byte, repeated start, read)");
        }
    }

    /** The parts of a read of {@code length} bytes at {@code offset}: one per page half. */
    static List<Span> readSpans(int offset, int length) {
        List<Span> out = new ArrayList<>();
        for (int done = 0; done < length; ) {
            int at = offset + done;
            int n = Math.min(length - done, halfEnd(at) - at);
            out.add(new Span(at, done, n));
            done += n;
        }
        return out;
    }

    /** The parts of a write of {@code length} bytes at {@code offset} of {@code page}: page halves cut at the limits. */
    static List<Span> writeSpans(int page, int offset, int length, WriteLimits limits) {
        List<Span> out = new ArrayList<>();
        for (int done = 0; done < length; ) {
            int at = offset + done;
            int n = Math.min(Math.min(length - done, limits.at(page, at)), halfEnd(at) - at);
            out.add(new Span(at, done, n));
            done += n;
        }
        return out;
    }

    private static int halfEnd(int at) { return at < UPPER_PAGE_START ? UPPER_PAGE_START : WINDOW_SIZE; }

    /** Plans a read of {@code length} bytes at {@code at} of one page half; returns its step. */
    int read(int page, int bank, int at, int length) {
        return add(page, bank, at, List.of(I2cMessage.write(I2C_ADDRESS, (byte) at), I2cMessage.read(I2C_ADDRESS, length)));
    }

    /** Plans the write of {@code data} at {@code offset} of {@code page}/{@code bank}; returns its pieces in order. */
    List<Piece> write(int page, int bank, int offset, byte[] data) {
        List<Piece> pieces = new ArrayList<>();
        for (Span s : writeSpans(page, offset, data.length, limits)) {
            byte[] msg = writeMessage(s.at(), data, s.from(), s.length());
            int step = add(page, bank, s.at(), List.of(I2cMessage.write(I2C_ADDRESS, msg)));
            Piece piece = new Piece(step, page, bank, s.at(), s.from(), s.length());
            // the write sets PageSelect itself: what is selected after it is unknown
            if (piece.writesPageSelect()) selectionUnknown();
            pieces.add(piece);
        }
        return pieces;
    }

    private int add(int page, int bank, int at, List<I2cMessage> transfer) {
        int effective = at >= UPPER_PAGE_START ? effectiveBank(page, bank) : bank, select = -1;
        byte[] msg = at >= UPPER_PAGE_START ? selectMessage(page, effective, this.page, this.bank) : null;
        if (msg != null) {
            select = transfers.size();
            transfers.add(List.of(I2cMessage.write(I2C_ADDRESS, msg)));
            this.page = page;
            this.bank = effective;
        }
        steps.add(new Step(page, effective, select, transfers.size()));
        transfers.add(transfer);
        return steps.size() - 1;
    }

    private void selectionUnknown() {
        page = -1;
        bank = -1;
    }

    List<List<I2cMessage>> transfers() { return transfers; }

    Step step(int i) { return steps.get(i); }

    /** The page selected after the whole plan ran (-1: unknown). */
    int endPage() { return page; }

    /** The bank selected after the whole plan ran (-1: unknown). */
    int endBank() { return bank; }
}
