package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.TargetEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import static org.openxpo.driver.access.PageMessages.*;

/**
 * Paged register access to a CMIS module over any {@link Transport}: reads and writes by page/bank/offset or by
 * declared field, split at 128-byte page boundaries and at the module's write limits; several pages at once as one
 * batch of transfers (one round trip over the link); a cache of the selected bank/page (no redundant select writes;
 * forgotten on reset, unplug, a reset or power pin, error or reconnect; read back after an IntL, or after an idle gap
 * when the transport has no interrupt events, and a selection the module lost reported as a restart); bounded retry
 * with backoff when a busy module NACKs; and one lock per bus so concurrent callers never interleave page selects.
 */
public final class RegisterAccess implements AutoCloseable {
    /** Retry policy for a NACKed address: {@code retries} more tries, backoff doubling from first to max. */
    public record RetryPolicy(int retries, Duration firstBackoff, Duration maxBackoff) {
        /** Like optoe: about 30 ms of retries in all. */
        public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(1), Duration.ofMillis(8));
        public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    public static final int ADDRESS = 0x50;
    /**
     * Without interrupt events a module that resets is only noticed by its silence: it NACKs through Resetting and
     * MgmtInit (hundreds of ms on real modules; hosts wait 2 s). A selection used within this time of the module's last
     * answer cannot have been lost unseen (a reset in between would still be silencing the module: the access NACKs,
     * and a NACKed read is checked); after a longer gap the selection is read back (126–127) before it is used.
     */
    private static final long IDLE_BEFORE_RECHECK_NANOS = Duration.ofMillis(10).toNanos();

    private final Transport transport;
    private final RetryPolicy retry;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AutoCloseable subscription;
    /** True when no IntL/IBI events come (Pi4J without intL=): an idle selection is read back before it is trusted. */
    private final boolean recheckIdleSelection;
    private volatile int cachedPage = -1, cachedBank = -1;
    /**
     * The selection the module last acknowledged, kept when the cache is dropped after a failed transfer (unlike the
     * cache): what 126–127 must still read when the module has not restarted. Forgotten on {@link #invalidate()}.
     */
    private volatile int heldPage = -1, heldBank = -1;
    /** Set by an IntL: the module may have restarted since the selection was written; 126–127 are read back first. */
    private volatile boolean selectionSuspect;
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private long lastAnswerNanos;
    private boolean lastTransferWasRetried;
    private long transfers, busBytes, nacks, retries, pageSelects;

    public RegisterAccess(Transport transport, RetryPolicy retry) {
        this.transport = transport;
        this.retry = retry;
        this.recheckIdleSelection = !transport.hasInterruptEvents();
        this.subscription = transport.subscribe(this::onEvent);
        transport.onReconnect(this::invalidate);
    }

    public RegisterAccess(Transport transport) { this(transport, RetryPolicy.DEFAULT); }

    public Transport transport() { return transport; }

    /** Events after which the module may have restarted with page 00h selected (126–127 back at 0). */
    private void onEvent(TargetEvent e) {
        boolean selectionLost = switch (e) {
            case TargetEvent.Reset r -> true;
            case TargetEvent.Presence p -> true;
            // A module leaving MgmtInit latches ModuleStateChangedFlag (unmasked after any reset) and asserts IntL: the
            // only sign of a reset a GPIO transport (Pi4J) gets. The next access reads 126–127 back (one 2-byte read
            // per interrupt), which also tells a restart from an ordinary alarm.
            case TargetEvent.IntL i -> {
                if (i.asserted()) selectionSuspect = true;
                yield false;
            }
            // ResetL asserted or power switched by the host (reported by Pi4J), or PowerGood changed (brown-out).
            case TargetEvent.PinLevel l -> switch (l.pin()) {
                case RESET_L -> !l.high();
                case POWER_ENABLE, POWER_GOOD -> true;
                default -> false;
            };
            default -> false;
        };
        if (selectionLost) invalidate();
    }

    /**
     * Calls {@code listener} (on the caller's thread, with the bus held: it must not access the module) whenever this
     * access layer finds that the module restarted without an event saying so: 126–127 no longer hold the page it
     * selected. On transports with Reset events (in-process, the link) those come first; on Pi4J this is how a module
     * that reset by itself is noticed. Closing the handle removes the listener.
     */
    public AutoCloseable onRestartDetected(Runnable listener) {
        restartListeners.add(listener);
        return () -> restartListeners.remove(listener);
    }

    /**
     * Forgets the page selection (the next access writes it again), also as the reference for noticing a restart:
     * call it after a reset the caller caused, so that reset is not reported as one the module made by itself.
     */
    public void invalidate() {
        forgetCache();
        heldPage = -1;
        heldBank = -1;
    }

    /** Drops the cache only (a failed transfer): the module may or may not hold the selection; the next select writes it. */
    private void forgetCache() {
        cachedPage = -1;
        cachedBank = -1;
    }

    private void held(int page, int bank) {
        heldPage = page;
        heldBank = bank;
    }

    /** Runs {@code work} with the bus to itself (several accesses that must not interleave with other callers). */
    public <T> T exclusive(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ bytes

    /** Reads {@code length} bytes at {@code offset} (0–255) of {@code page}/{@code bank}; split at 128-byte boundaries. */
    public byte[] read(int page, int bank, int offset, int length) {
        checkRange(offset, length);
        byte[] out = new byte[length];
        lock.lock();
        try {
            int done = 0;
            while (done < length) {
                int at = offset + done;
                int n = Math.min(length - done, (at < 128 ? 128 : 256) - at);
                byte[] part = at >= 128 ? readUpper(page, bank, at, n) : readNow(at, n);
                System.arraycopy(part, 0, out, done, n);
                done += n;
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    /** Writes {@code data} at {@code offset}; split at page boundaries and the module's write limit. */
    public void write(int page, int bank, int offset, byte[] data) {
        checkRange(offset, data.length);
        lock.lock();
        try {
            int done = 0;
            while (done < data.length) {
                int at = offset + done;
                int limit = writeLimit(page, at);
                int n = Math.min(Math.min(data.length - done, limit), (at < 128 ? 128 : 256) - at);
                if (at >= 128) select(page, bank);
                transfer(List.of(I2cMessage.write(ADDRESS, writeMessage(at, data, done, n))), () -> "write " + where(page, bank, at, n));
                if (at <= PAGE_SELECT && at + n > PAGE_SELECT) invalidate();
                done += n;
            }
        } finally {
            lock.unlock();
        }
    }

    /** One range of a {@link #write(List)}: {@code data} at {@code offset} of {@code page}/{@code bank}. */
    public record PageWrite(int page, int bank, int offset, byte[] data) {}

    /**
     * Writes several ranges in order, page selects included, as one batch of transfers: over the link that is one
     * round trip instead of one per transfer, and the transfers stop at the first failure, so no data lands on a page
     * whose select failed. A NACKed transfer is retried as {@link #write(int, int, int, byte[])} retries, from the
     * piece that failed (the pieces before it are written).
     */
    public void write(List<PageWrite> writes) {
        for (PageWrite w : writes) checkRange(w.offset(), w.data().length);
        lock.lock();
        try {
            Batch batch = new Batch();
            List<Piece> pieces = new ArrayList<>();
            for (PageWrite w : writes) {
                for (int done = 0; done < w.data().length; ) {
                    int at = w.offset() + done;
                    int n = Math.min(Math.min(w.data().length - done, writeLimit(w.page(), at)), (at < 128 ? 128 : 256) - at);
                    batch.add(w.page(), w.bank(), at, List.of(I2cMessage.write(ADDRESS, writeMessage(at, w.data(), done, n))));
                    Piece piece = new Piece(w, at, done, n);
                    if (piece.writesPageSelect()) batch.selectionUnknown();
                    pieces.add(piece);
                    done += n;
                }
            }
            batch.send();
            for (int p = 0; p < pieces.size(); p++) {
                Piece piece = pieces.get(p);
                Outcome o = batch.outcome(p);
                if (o.failure() == null) {
                    if (piece.writesPageSelect()) held(-1, -1);
                    continue;
                }
                PageWrite w = piece.write();
                if (o.failure().status() != I2cResult.Status.ADDRESS_NACK || retry.retries() == 0) {
                    throw failure(o.failure(), () -> o.selectFailed()
                        ? String.format("select page %02Xh bank %d", w.page(), w.bank())
                        : "write " + where(w.page(), w.bank(), piece.at(), piece.length()));
                }
                // the module was busy: the rest one piece at a time, each with the usual retries
                retries++;
                for (Piece rest : pieces.subList(p, pieces.size())) {
                    PageWrite r = rest.write();
                    write(r.page(), r.bank(), rest.at(), Arrays.copyOfRange(r.data(), rest.from(), rest.from() + rest.length()));
                }
                return;
            }
        } finally {
            lock.unlock();
        }
    }

    /** One write transfer of a {@link #write(List)}: bytes [from, from + length) of its range, at {@code at}. */
    private record Piece(PageWrite write, int at, int from, int length) {
        boolean writesPageSelect() { return at <= PAGE_SELECT && at + length > PAGE_SELECT; }
    }

    // ------------------------------------------------------------------ fields

    /** Reads one element of a field and returns its raw value. */
    public long get(Field f, int bank, int index) {
        int at = f.elementOffset(index);
        int n = f.isBitField() ? 1 : f.bytesPerElement();
        byte[] window = new byte[256];
        System.arraycopy(read(f.page(), bank, at, n), 0, window, at, n);
        return f.get(window, index);
    }

    public long get(Field f) { return get(f, 0, 0); }

    /** Reads a field's element and decodes it in its unit. */
    public double value(Field f, int bank, int index) { return f.unit().decode(get(f, bank, index), f.bitWidth()); }

    /**
     * Writes one element of a field. Bit fields are read-modify-written so the other bits of the byte keep their
     * value (never use it on bytes with self-clearing or clear-on-read neighbours you care about).
     */
    public void set(Field f, int bank, int index, long value) {
        if (f.access() == org.openxpo.protocol.map.Access.RO || f.access() == org.openxpo.protocol.map.Access.COR) {
            throw new XpoException.InvalidRequest(f.name() + " is read-only");
        }
        lock.lock();
        try {
            int at = f.elementOffset(index);
            byte[] window = new byte[256];
            int n = f.isBitField() ? 1 : f.bytesPerElement();
            if (f.isBitField()) System.arraycopy(read(f.page(), bank, at, 1), 0, window, at, 1);
            f.set(window, index, value);
            byte[] data = new byte[n];
            System.arraycopy(window, at, data, 0, n);
            write(f.page(), bank, at, data);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads several fields of one page/bank with as few transfers as possible: ranges closer than a few bytes are
     * joined into one read, unless the bytes between them hold latched flags (reading them would clear flags nobody
     * asked for). Returns a 256-byte window indexed by byte address, on which {@link Field#get} works.
     */
    public byte[] readFields(int page, int bank, List<Field> fields) {
        byte[] window = new byte[256];
        lock.lock();
        try {
            for (FieldRanges.Range r : FieldRanges.of(page, fields))
                System.arraycopy(read(page, bank, r.from(), r.length()), 0, window, r.from(), r.length());
        } finally {
            lock.unlock();
        }
        return window;
    }

    /** One group of a {@link #readFields(List)}: fields of one page/bank. */
    public record FieldRead(int page, int bank, List<Field> fields) {}

    /**
     * Reads several groups of fields, each as {@link #readFields(int, int, List)} reads it, as one batch of transfers
     * (page selects included): over the link one round trip instead of one or two per group. Returns one 256-byte
     * window per group, in order. When the batch stops at a failure, the reads after it are done one at a time with
     * the usual retries; when an event during the batch forgot the page selection (IntL, a reset pin) and the module
     * no longer holds the selection the batch ended with, it reset during the batch: every group is read again.
     */
    public List<byte[]> readFields(List<FieldRead> groups) {
        lock.lock();
        try {
            Batch batch = new Batch();
            List<byte[]> windows = new ArrayList<>(groups.size());
            List<GroupRead> reads = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                FieldRead group = groups.get(g);
                windows.add(new byte[256]);
                for (FieldRanges.Range r : FieldRanges.of(group.page(), group.fields())) {
                    batch.add(group.page(), group.bank(), r.from(),
                        List.of(I2cMessage.write(ADDRESS, (byte) r.from()), I2cMessage.read(ADDRESS, r.length())));
                    reads.add(new GroupRead(g, r));
                }
            }
            batch.send();
            for (int i = 0; i < reads.size(); i++) {
                GroupRead read = reads.get(i);
                Outcome o = batch.outcome(i);
                if (o.failure() == null) {
                    System.arraycopy(o.results().get(1).data(), 0, windows.get(read.group()), read.range().from(),
                        read.range().length());
                    continue;
                }
                // the rest one read at a time, with the usual retries and checks (a failed read cleared nothing)
                for (GroupRead rest : reads.subList(i, reads.size())) {
                    FieldRead group = groups.get(rest.group());
                    System.arraycopy(read(group.page(), group.bank(), rest.range().from(), rest.range().length()), 0,
                        windows.get(rest.group()), rest.range().from(), rest.range().length());
                }
                return windows;
            }
            if (batch.selectionChallenged()) {
                selectionSuspect = false;   // checked right here
                if (!selectionReadsBack(batch.page, batch.bank)) {
                    restarted();
                    windows.clear();
                    for (FieldRead group : groups) windows.add(readFields(group.page(), group.bank(), group.fields()));
                }
            }
            return windows;
        } finally {
            lock.unlock();
        }
    }

    /** One read of a {@link #readFields(List)}: a range of group {@code group}. */
    private record GroupRead(int group, FieldRanges.Range range) {}

    /** How one step of a {@link Batch} went: its results, or the first failure and whether its page select failed. */
    private record Outcome(List<I2cResult> results, I2cResult failure, boolean selectFailed) {}

    /**
     * Transfers planned with the page selects they need — judged from the cached selection, then from what the batch
     * itself selects before them — sent as one {@link Transport#i2cBatch}, then walked step by step (in order, up to
     * the first failure) to count what ran and keep the selection state.
     */
    private final class Batch {
        /** A planned transfer and its select: {@code select} is the index of the select transfer, or -1. */
        private record Step(int page, int bank, int select, int transfer) {}

        private final List<List<I2cMessage>> transfers = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        /** The selection after the planned transfers (-1: unknown). */
        int page, bank;
        private List<List<I2cResult>> results;

        Batch() {
            confirmSelection();
            page = cachedPage;
            bank = cachedBank;
        }

        /** Plans {@code transfer}, which accesses byte {@code at} of {@code page}/{@code bank}, after the select it needs. */
        void add(int page, int bank, int at, List<I2cMessage> transfer) {
            int effective = at >= 128 ? effectiveBank(page, bank) : bank, select = -1;
            byte[] msg = at >= 128 ? selectMessage(page, effective, this.page, this.bank) : null;
            if (msg != null) {
                select = transfers.size();
                transfers.add(List.of(I2cMessage.write(ADDRESS, msg)));
                this.page = page;
                this.bank = effective;
            }
            steps.add(new Step(page, effective, select, transfers.size()));
            transfers.add(transfer);
        }

        /** The last planned transfer writes PageSelect itself: the selection after it is unknown. */
        void selectionUnknown() {
            page = -1;
            bank = -1;
        }

        void send() {
            cachedPage = page;   // before the batch, as select does: an event that forgets it meanwhile wins
            cachedBank = bank;
            try {
                results = transport.i2cBatch(transfers);
            } catch (XpoException e) {
                forgetCache();
                throw e;
            }
        }

        /** How step {@code i} went; call in order, and stop at the first failure (the rest did not run). */
        Outcome outcome(int i) {
            Step s = steps.get(i);
            if (s.select() >= 0) {
                countTransfer(transfers.get(s.select()));
                I2cResult bad = firstFailure(results.get(s.select()));
                if (bad != null) return failed(bad, true);
                pageSelects++;
                held(s.page(), s.bank());
            }
            countTransfer(transfers.get(s.transfer()));
            List<I2cResult> r = results.get(s.transfer());
            I2cResult bad = firstFailure(r);
            if (bad != null) return failed(bad, false);
            lastAnswerNanos = System.nanoTime();
            return new Outcome(r, null, false);
        }

        private Outcome failed(I2cResult bad, boolean select) {
            forgetCache();
            if (bad.status() == I2cResult.Status.ADDRESS_NACK || bad.status() == I2cResult.Status.DATA_NACK) nacks++;
            return new Outcome(null, bad, select);
        }

        /** True when an event during the batch (IntL, a reset pin) put its selection in doubt. */
        boolean selectionChallenged() {
            return page >= 0 && (selectionSuspect || cachedPage != page || cachedBank != bank);
        }
    }

    // ------------------------------------------------------------------ bus

    /**
     * Selects the page, reads, and returns the bytes only if they come from that page. When the selection was forgotten
     * while this read ran (an IntL, reset or pin event arrived) or the module NACKed before answering it (it may have
     * been resetting), 126–127 are read back; bytes read under a selection the module no longer holds are dropped and
     * read again. Dropping a good read would lose the latched flags it cleared, so it is never done on suspicion alone.
     * A selection that does not hold right after being written again is an error, not a reason to loop.
     */
    private byte[] readUpper(int page, int bank, int at, int n) {
        for (int attempt = 1; ; attempt++) {
            int effectiveBank = select(page, bank);
            byte[] part = readNow(at, n);
            boolean unchallenged = !selectionSuspect && cachedPage == page && cachedBank == effectiveBank
                && !lastTransferWasRetried;
            if (unchallenged) return part;
            selectionSuspect = false;   // checked right here
            if (selectionReadsBack(page, effectiveBank)) return part;
            restarted();
            if (attempt == 2) {
                throw new XpoException.BadReply(String.format("page %02Xh bank %d does not stay selected at %s: BankSelect/"
                    + "PageSelect (126-127) read back other values twice", page, effectiveBank, transport.describe()));
            }
        }
    }

    /** Makes {@code page}/{@code bank} the selected upper page; returns the bank the module applies (0 if unbanked). */
    private int select(int page, int bank) {
        int effectiveBank = effectiveBank(page, bank);
        confirmSelection();
        if (cachedPage == page && cachedBank == effectiveBank) return effectiveBank;
        byte[] msg = selectMessage(page, effectiveBank, cachedPage, cachedBank);
        // Cached before the write: an event that forgets the selection while the write is under way then wins (one
        // needless select later) instead of being overwritten (a stale selection kept).
        cachedPage = page;
        cachedBank = effectiveBank;
        transfer(List.of(I2cMessage.write(ADDRESS, msg)), () -> String.format("select page %02Xh bank %d", page, bank));
        pageSelects++;
        held(page, effectiveBank);
        return effectiveBank;
    }

    /**
     * Reads 126–127 back when the module may have restarted unseen since it acknowledged the selection: an IntL
     * came, or the transport has no interrupt events and the module has been silent long enough to have reset. A
     * selection the module no longer holds proves a restart (a reset puts both registers back at 0): the cache is
     * forgotten, so the next select writes bank and page, and the restart listeners are told.
     */
    private void confirmSelection() {
        boolean idle = recheckIdleSelection && System.nanoTime() - lastAnswerNanos > IDLE_BEFORE_RECHECK_NANOS;
        if (!selectionSuspect && !idle) return;
        selectionSuspect = false;
        int page = heldPage, bank = heldBank;
        if (page >= 0 && !selectionReadsBack(page, bank)) restarted();
    }

    /** The module lost the selection this layer wrote: it restarted. */
    private void restarted() {
        invalidate();
        for (Runnable l : restartListeners) l.run();
    }

    /**
     * Reads BankSelect and PageSelect (126–127: plain RW registers, nothing clears) and compares them with the
     * selection written last. A module reset puts both back at 0.
     */
    private boolean selectionReadsBack(int page, int effectiveBank) {
        byte[] sel = readNow(BANK_SELECT, 2);
        return (sel[0] & 0xFF) == effectiveBank && (sel[1] & 0xFF) == page;
    }

    private byte[] readNow(int at, int n) {
        List<I2cResult> r = transfer(List.of(I2cMessage.write(ADDRESS, (byte) at), I2cMessage.read(ADDRESS, n)),
            () -> "read " + n + " bytes at " + at);
        return r.get(1).data();
    }

    /**
     * One transfer with retry on address NACK; any failure invalidates the page cache and throws. {@code what}
     * describes the transfer for the error message; it is only built when one is thrown.
     */
    private List<I2cResult> transfer(List<I2cMessage> messages, Supplier<String> what) {
        long backoff = retry.firstBackoff().toNanos();
        for (int attempt = 0; ; attempt++) {
            List<I2cResult> results;
            try {
                results = transport.i2c(messages);
            } catch (XpoException e) {
                forgetCache();
                throw e;
            }
            countTransfer(messages);
            I2cResult bad = firstFailure(results);
            if (bad == null) {
                lastAnswerNanos = System.nanoTime();
                lastTransferWasRetried = attempt > 0;
                return results;
            }
            if (bad.status() == I2cResult.Status.ADDRESS_NACK || bad.status() == I2cResult.Status.DATA_NACK) nacks++;
            if (bad.status() == I2cResult.Status.ADDRESS_NACK && attempt < retry.retries()) {
                retries++;
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, retry.maxBackoff().toNanos());
                continue;
            }
            forgetCache();
            throw failure(bad, what);
        }
    }

    private void countTransfer(List<I2cMessage> messages) {
        transfers++;
        for (I2cMessage m : messages) busBytes += 1 + m.length();
    }

    private static I2cResult firstFailure(List<I2cResult> results) {
        for (I2cResult r : results) if (!r.ok()) return r;
        return null;
    }

    private XpoException failure(I2cResult r, Supplier<String> describe) {
        String what = describe.get();
        String where = transport.describe();
        return switch (r.status()) {
            case NO_MODULE -> new XpoException.ModuleAbsent(where);
            case ADDRESS_NACK -> new XpoException.Nack("module did not acknowledge (" + what + ") at " + where
                + " after " + retry.retries() + " retries: busy, in reset or not ready");
            case DATA_NACK -> new XpoException.Nack("module refused data byte " + r.nackIndex() + " (" + what + ") at " + where);
            case BUS_ERROR -> new XpoException.BusError("bus error (" + what + ") at " + where);
            default -> new XpoException.BusError("transfer failed: " + r.status() + " (" + what + ") at " + where);
        };
    }

    private static void checkRange(int offset, int length) {
        if (offset < 0 || offset > 255 || length < 1 || offset + length > 256) {
            throw new XpoException.InvalidRequest("byte range " + offset + "+" + length + " is outside 0-255");
        }
    }

    private static String where(int page, int bank, int at, int n) {
        return at < 128 ? n + " bytes at lower " + at : String.format("%d bytes at %02Xh:%d bank %d", n, page, at, bank);
    }

    public AccessStatistics statistics() {
        lock.lock();
        try {
            return new AccessStatistics(transfers, busBytes, nacks, retries, pageSelects);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing from a closed transport has nothing left to release
        }
    }
}
