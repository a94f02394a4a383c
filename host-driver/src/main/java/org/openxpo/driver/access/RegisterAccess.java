package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import static org.openxpo.driver.access.PageMessages.*;
import static org.openxpo.protocol.map.ManagementInterface.BANK_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.I2C_ADDRESS;
import static org.openxpo.protocol.map.ManagementInterface.PAGE_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.UPPER_PAGE_START;
import static org.openxpo.protocol.map.ManagementInterface.WINDOW_SIZE;

/**
 * Paged register access to a CMIS module over any {@link Transport}: reads and writes by page/bank/offset or by
 * declared field, split at 128-byte page boundaries and at the module's write limits (8 bytes; on the CDB pages
 * 8·(1+ReadWriteLengthExt) as the module advertises it); several pages at once as one batch of transfers (one round
 * trip over the link); one lock per bus so concurrent callers never interleave page selects. The parts:
 * {@link PageSelection} (the cached selection and how events forget or challenge it), {@link TransferRunner} (retry
 * with backoff on a busy module, counting, error mapping) and {@link BatchPlan} (which transfers a batch takes).
 */
public final class RegisterAccess implements AutoCloseable {
    /** Retry policy for a NACKed address: {@code retries} more tries, backoff doubling from first to max. */
    public record RetryPolicy(int retries, Duration firstBackoff, Duration maxBackoff) {
        /** Like optoe: about 30 ms of retries in all. */
        public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(1), Duration.ofMillis(8));
        public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    private final Transport transport;
    private final HostClock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final PageSelection selection;
    /** The transport announces restarts (Reset events): an IntL casts no doubt on the page selection. */
    private final boolean resetEvents;
    private final TransferRunner runner;
    private final AutoCloseable subscription;
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    /** The module's write limits once its CDB advertisement is known; null: read 01h:164 before the next CDB write. */
    private volatile WriteLimits limits;

    /**
     * Access through {@code transport}, waiting (retry backoff, idle re-check) on {@code clock}. Refuses a transport
     * that cannot do a register read (register byte + read) as one atomic transfer.
     */
    public RegisterAccess(Transport transport, RetryPolicy retry, HostClock clock) {
        BatchPlan.requireAtomicReads(transport.maxMessagesPerTransfer());
        this.transport = transport;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.selection = new PageSelection(clock, !transport.hasInterruptEvents());
        this.resetEvents = transport.hasResetEvents();
        this.runner = new TransferRunner(transport, retry, clock, selection);
        this.subscription = transport.subscribe(this::onEvent);
        transport.onReconnect(this::invalidate);
    }

    public RegisterAccess(Transport transport, RetryPolicy retry) { this(transport, retry, HostClock.system()); }

    public RegisterAccess(Transport transport) { this(transport, RetryPolicy.DEFAULT); }

    public Transport transport() { return transport; }

    /**
     * The clock this access layer waits on (NACK retry backoff, the idle re-check); the clients built on it
     * ({@code XpoModuleClient}, {@code FirmwareUpdater}, {@code CdbClient}) wait on it too unless given another.
     */
    public HostClock clock() { return clock; }

    /** Events after which the module may have restarted with page 00h selected (126–127 back at 0). */
    private void onEvent(TargetEvent e) {
        boolean restarted = switch (e) {
            case TargetEvent.Reset r -> true;
            case TargetEvent.Presence p -> true;
            // A module leaving MgmtInit latches ModuleStateChangedFlag (unmasked after any reset) and asserts IntL: the
            // only sign of a reset a GPIO transport (Pi4J) gets. There the next access reads 126–127 back (one 2-byte
            // read per interrupt), which also tells a restart from an ordinary alarm; a transport with Reset events
            // has announced any restart before this edge, so the interrupt's flag reads go out at once.
            case TargetEvent.IntL i -> {
                if (i.asserted() && !resetEvents) selection.suspect();
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
        if (restarted) invalidate();
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
     * Forgets what may change when the module restarts — the page selection (the next access writes it again, and it
     * is the reference for noticing a restart) and the CDB write limit (read again before the next CDB write). Call it
     * after a reset the caller caused, so that reset is not reported as one the module made by itself.
     */
    public void invalidate() {
        selection.forget();
        limits = null;
    }

    /** Runs {@code work} with the bus to itself (several accesses that must not interleave with other callers). */
    public <T> T exclusive(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ write limits

    /**
     * The longest write the module takes on its CDB pages (9Fh, A0h–AFh), in bytes after the register address:
     * 8·(1+CdbReadWriteLengthExt), read from 01h:164 on first use and kept until the module restarts (or
     * {@link #invalidate()}), unless {@link #useCdbReadWriteLengthExt} refined it since.
     */
    public int cdbWriteLimit() {
        lock.lock();
        try {
            return limits().cdbPages();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the ReadWriteLengthExt a 0041h (firmware management features) reply advertised for the CDB pages, as the
     * Linux kernel does for its EPL and LPL writes: it replaces 01h:164's until the module restarts.
     */
    public void useCdbReadWriteLengthExt(int readWriteLengthExt) {
        limits = WriteLimits.advertised(readWriteLengthExt);
    }

    private WriteLimits limits() {
        WriteLimits l = limits;
        if (l == null) limits = l = WriteLimits.advertised((int) get(AdminPages.CDB_READ_WRITE_LENGTH_EXT));
        return l;
    }

    /** The limits for writes that may touch a CDB page; a batch without one needs only the general limit. */
    private WriteLimits limitsFor(List<PageWrite> writes) {
        for (PageWrite w : writes) {
            if (WriteLimits.onCdbPage(w.page(), w.offset() + w.data().length - 1)) return limits();
        }
        WriteLimits known = limits;
        return known != null ? known : WriteLimits.GENERAL_ONLY;
    }

    // ------------------------------------------------------------------ bytes

    /** Reads {@code length} bytes at {@code offset} (0–255) of {@code page}/{@code bank}; split at 128-byte boundaries. */
    public byte[] read(int page, int bank, int offset, int length) { return read(page, bank, offset, length, false); }

    /**
     * Reads a page the XPO map does not declare — an optional or custom page of another maker's module — banked as
     * CMIS says (pages 10h and up take the bank; {@link PageBanking}). The caller checks first that the module
     * advertises the page ({@link AdvertisedPages#require}): hosts never probe memory a module does not advertise.
     */
    public byte[] readUnmapped(int page, int bank, int offset, int length) { return read(page, bank, offset, length, true); }

    private byte[] read(int page, int bank, int offset, int length, boolean unmapped) {
        checkRange(offset, length);
        byte[] out = new byte[length];
        lock.lock();
        try {
            for (BatchPlan.Span s : BatchPlan.readSpans(offset, length)) {
                byte[] part = s.at() >= UPPER_PAGE_START ? readUpper(page, bank, s.at(), s.length(), unmapped)
                    : readNow(s.at(), s.length());
                System.arraycopy(part, 0, out, s.from(), s.length());
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
            WriteLimits l = limitsFor(List.of(new PageWrite(page, bank, offset, data)));
            for (BatchPlan.Span s : BatchPlan.writeSpans(page, offset, data.length, l)) {
                int at = s.at(), n = s.length();
                if (at >= UPPER_PAGE_START) select(page, bank, false);
                runner.run(List.of(I2cMessage.write(I2C_ADDRESS, writeMessage(at, data, s.from(), n))),
                    () -> "write " + where(page, bank, at, n));
                if (at <= PAGE_SELECT && at + n > PAGE_SELECT) selection.forget();
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
            SentBatch batch = new SentBatch(limitsFor(writes));
            List<BatchPlan.Piece> pieces = new ArrayList<>();
            List<PageWrite> owners = new ArrayList<>();
            for (PageWrite w : writes) {
                for (BatchPlan.Piece p : batch.plan.write(w.page(), w.bank(), w.offset(), w.data())) {
                    pieces.add(p);
                    owners.add(w);
                }
            }
            batch.send();
            for (int i = 0; i < pieces.size(); i++) {
                BatchPlan.Piece piece = pieces.get(i);
                Outcome o = batch.outcome(piece.step());
                if (o.failure() == null) {
                    if (piece.writesPageSelect()) selection.acknowledged(-1, -1);
                    continue;
                }
                if (o.failure().status() != I2cResult.Status.ADDRESS_NACK || runner.retry().retries() == 0) {
                    throw runner.failure(o.failure(), () -> o.selectFailed()
                        ? String.format("select page %02Xh bank %d", piece.page(), piece.bank())
                        : "write " + where(piece.page(), piece.bank(), piece.at(), piece.length()));
                }
                // the module was busy: the rest one piece at a time, each with the usual retries
                runner.retrying();
                for (int r = i; r < pieces.size(); r++) {
                    BatchPlan.Piece rest = pieces.get(r);
                    byte[] data = owners.get(r).data();
                    write(rest.page(), rest.bank(), rest.at(), Arrays.copyOfRange(data, rest.from(), rest.from() + rest.length()));
                }
                return;
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ fields

    /** Reads one element of a field and returns its raw value. */
    public long get(Field f, int bank, int index) {
        int at = f.elementOffset(index);
        int n = f.isBitField() ? 1 : f.bytesPerElement();
        byte[] window = new byte[WINDOW_SIZE];
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
        if (f.access() == Access.RO || f.access() == Access.COR) {
            throw new XpoException.InvalidRequest(f.name() + " is read-only");
        }
        lock.lock();
        try {
            int at = f.elementOffset(index);
            byte[] window = new byte[WINDOW_SIZE];
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
        byte[] window = new byte[WINDOW_SIZE];
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
            GroupBatch g = new GroupBatch(groups);
            g.batch.send();
            int failed = g.collect();
            if (failed >= 0) return g.readRestNow(failed);
            if (g.batch.selectionChallenged()) {
                selection.checked();
                if (!selectionReadsBack(g.batch.plan.endPage(), g.batch.plan.endBank())) {
                    restarted();
                    return readEachNow(groups);
                }
            }
            return g.windows;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #readFields(List)} started without waiting, for the thread that delivers the transport's events (an
     * interrupt handler on the link's event loop). When the transport can send from this thread
     * ({@link Transport#sendsAsyncHere()}) and the bus is free, the batch leaves at once and the bus stays held until its
     * answer, which arrives on this same thread: no other caller's select or read comes between, as with the waiting
     * call. The future completes on this thread; {@link FieldReads#finish()} then gives the windows, doing on the thread
     * that calls it (which may wait) only what cannot be done without waiting: the whole read when the bus was busy or
     * the transport cannot send from here, the reads after a failed transfer one at a time with the usual retries,
     * every group again after the module was found to have restarted during the batch.
     */
    public CompletableFuture<FieldReads> readFieldsAsync(List<FieldRead> groups) {
        FieldReads later = new FieldReads(null, () -> readFields(groups));
        // the held check first: the lock is reentrant, and this thread may hold it for another reading in flight
        if (!transport.sendsAsyncHere() || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return CompletableFuture.completedFuture(later);
        }
        boolean sent = false;
        try {
            if (selection.recheckDue()) return CompletableFuture.completedFuture(later);  // 126-127 to read back first
            GroupBatch g = new GroupBatch(groups);
            CompletableFuture<FieldReads> done = g.batch.sendAsync().thenCompose(ignored -> g.collectAsync())
                .exceptionally(e -> new FieldReads(null, () -> { throw XpoException.ofAsyncFailure(e); }))
                .whenComplete((r, e) -> lock.unlock());
            sent = true;
            return done;
        } finally {
            if (!sent) lock.unlock();
        }
    }

    /**
     * The outcome of {@link #readFieldsAsync}: the windows, or what is left to do on a thread that may wait.
     * {@link #finish()} once: it returns one 256-byte window per group, as {@link #readFields(List)} does, or throws
     * what that would have thrown.
     */
    public static final class FieldReads {
        private final List<byte[]> windows;
        private final Supplier<List<byte[]>> rest;

        private FieldReads(List<byte[]> windows, Supplier<List<byte[]>> rest) {
            this.windows = windows;
            this.rest = rest;
        }

        /** True when the windows are here and {@link #finish()} does no I/O. */
        public boolean ready() { return rest == null; }

        /** The windows; completes the read first when it is not {@link #ready()} (may wait on the bus). */
        public List<byte[]> finish() { return rest == null ? windows : rest.get(); }
    }

    /** Every group read on its own, with the usual checks: after a restart found mid-batch. */
    private List<byte[]> readEachNow(List<FieldRead> groups) {
        List<byte[]> windows = new ArrayList<>(groups.size());
        for (FieldRead group : groups) windows.add(readFields(group.page(), group.bank(), group.fields()));
        return windows;
    }

    /** The groups of a {@link #readFields(List)} planned as one batch, and what its answer filled in. */
    private final class GroupBatch {
        final List<FieldRead> groups;
        final SentBatch batch = new SentBatch(WriteLimits.GENERAL_ONLY);   // reads only: no write limit applies
        final List<byte[]> windows;
        final List<GroupRead> reads = new ArrayList<>();

        GroupBatch(List<FieldRead> groups) {
            this.groups = groups;
            this.windows = new ArrayList<>(groups.size());
            for (int g = 0; g < groups.size(); g++) {
                FieldRead group = groups.get(g);
                windows.add(new byte[WINDOW_SIZE]);
                for (FieldRanges.Range r : FieldRanges.of(group.page(), group.fields())) {
                    reads.add(new GroupRead(g, r, batch.plan.read(group.page(), group.bank(), r.from(), r.length())));
                }
            }
        }

        /** Copies the answered reads into their windows, in order; the first read that failed, or -1. */
        int collect() {
            for (int i = 0; i < reads.size(); i++) {
                GroupRead read = reads.get(i);
                Outcome o = batch.outcome(read.step());
                if (o.failure() != null) return i;
                System.arraycopy(o.results().get(1).data(), 0, windows.get(read.group()), read.range().from(),
                    read.range().length());
            }
            return -1;
        }

        /** The reads from {@code from} on, one at a time with the usual retries (a failed read cleared nothing). */
        List<byte[]> readRestNow(int from) {
            lock.lock();
            try {
                for (GroupRead rest : reads.subList(from, reads.size())) {
                    FieldRead group = groups.get(rest.group());
                    System.arraycopy(read(group.page(), group.bank(), rest.range().from(), rest.range().length()), 0,
                        windows.get(rest.group()), rest.range().from(), rest.range().length());
                }
                return windows;
            } finally {
                lock.unlock();
            }
        }

        /**
         * {@link #readFields(List)}'s checks after the answer, on the event thread with the bus held: a failed read
         * leaves the rest to {@link FieldReads#finish()}; a selection put in doubt during the batch is read back now
         * (without waiting), and only a read-back that proves a restart drops the windows. A read-back that fails
         * keeps them: dropping a good read would lose the flags it cleared, and never happens on suspicion alone.
         */
        CompletableFuture<FieldReads> collectAsync() {
            int failed = collect();
            if (failed >= 0) return CompletableFuture.completedFuture(new FieldReads(null, () -> readRestNow(failed)));
            FieldReads done = new FieldReads(windows, null);
            if (!batch.selectionChallenged()) return CompletableFuture.completedFuture(done);
            selection.checked();
            List<I2cMessage> readBack = readAt(BANK_SELECT, 2);
            return runner.sendAsync(List.of(readBack)).handle((r, e) -> {
                if (e != null || runner.ran(readBack, r.getFirst()) != null) return done;
                if (selectionIs(r.getFirst().get(1).data(), batch.plan.endPage(), batch.plan.endBank())) return done;
                restarted();
                return new FieldReads(null, () -> readEachNow(groups));
            });
        }
    }

    /** One read of a {@link #readFields(List)}: a range of group {@code group}, planned as step {@code step}. */
    private record GroupRead(int group, FieldRanges.Range range, int step) {}

    /** How one step of a {@link SentBatch} went: its results, or the first failure and whether its page select failed. */
    private record Outcome(List<I2cResult> results, I2cResult failure, boolean selectFailed) {}

    /**
     * A {@link BatchPlan} made from the confirmed selection, sent as one {@link Transport#i2cBatch}, then walked step by
     * step (in order, up to the first failure) to count what ran and keep the selection state.
     */
    private final class SentBatch {
        final BatchPlan plan;
        private List<List<I2cResult>> results;

        SentBatch(WriteLimits limits) {
            confirmSelection();
            plan = new BatchPlan(selection.cachedPage(), selection.cachedBank(), limits, transport.maxMessagesPerTransfer());
        }

        void send() {
            selection.selecting(plan.endPage(), plan.endBank());   // before the batch, as select does (the race rule)
            results = runner.send(plan.transfers());
        }

        /** {@link #send()} without waiting ({@link Transport#i2cBatchAsync}); the results are in when it completes. */
        CompletableFuture<Void> sendAsync() {
            selection.selecting(plan.endPage(), plan.endBank());
            return runner.sendAsync(plan.transfers()).thenAccept(r -> results = r);
        }

        /** How step {@code i} went; call in order, and stop at the first failure (the rest did not run). */
        Outcome outcome(int i) {
            BatchPlan.Step s = plan.step(i);
            List<List<I2cMessage>> transfers = plan.transfers();
            if (s.select() >= 0) {
                I2cResult bad = runner.ran(transfers.get(s.select()), results.get(s.select()));
                if (bad != null) return new Outcome(null, bad, true);
                runner.selected();
                selection.acknowledged(s.page(), s.bank());
            }
            List<I2cResult> r = results.get(s.transfer());
            I2cResult bad = runner.ran(transfers.get(s.transfer()), r);
            return bad != null ? new Outcome(null, bad, false) : new Outcome(r, null, false);
        }

        /** True when an event during the batch (IntL, a reset pin) put its selection in doubt. */
        boolean selectionChallenged() {
            return plan.endPage() >= 0 && selection.challenged(plan.endPage(), plan.endBank());
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
    private byte[] readUpper(int page, int bank, int at, int n, boolean unmapped) {
        for (int attempt = 1; ; attempt++) {
            int effectiveBank = select(page, bank, unmapped);
            byte[] part = readNow(at, n);
            if (!selection.challenged(page, effectiveBank) && !runner.lastWasRetried()) return part;
            selection.checked();
            if (selectionReadsBack(page, effectiveBank)) return part;
            restarted();
            if (attempt == 2) {
                throw new XpoException.BadReply(String.format("page %02Xh bank %d does not stay selected at %s: BankSelect/"
                    + "PageSelect (126-127) read back other values twice", page, effectiveBank, transport.describe()));
            }
        }
    }

    /** Makes {@code page}/{@code bank} the selected upper page; returns the bank the module applies (0 if unbanked). */
    private int select(int page, int bank, boolean unmapped) {
        int effectiveBank = unmapped ? PageBanking.cmisBank(page, bank) : effectiveBank(page, bank);
        confirmSelection();
        if (selection.isCached(page, effectiveBank)) return effectiveBank;
        byte[] msg = selectMessage(page, effectiveBank, selection.cachedPage(), selection.cachedBank());
        selection.selecting(page, effectiveBank);
        runner.run(List.of(I2cMessage.write(I2C_ADDRESS, msg)), () -> String.format("select page %02Xh bank %d", page, bank));
        runner.selected();
        selection.acknowledged(page, effectiveBank);
        return effectiveBank;
    }

    /**
     * Reads 126–127 back when the module may have restarted unseen since it acknowledged the selection (see
     * {@link PageSelection#takeRecheck}). A selection the module no longer holds proves a restart (a reset puts both
     * registers back at 0): the cache is forgotten, so the next select writes bank and page, and the listeners are told.
     */
    private void confirmSelection() {
        if (!selection.takeRecheck()) return;
        int page = selection.heldPage(), bank = selection.heldBank();
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
        return selectionIs(readNow(BANK_SELECT, 2), page, effectiveBank);
    }

    /** True when {@code sel}, BankSelect and PageSelect as read back, is the selection written last. */
    private static boolean selectionIs(byte[] sel, int page, int effectiveBank) {
        return (sel[0] & 0xFF) == effectiveBank && (sel[1] & 0xFF) == page;
    }

    private byte[] readNow(int at, int n) {
        List<I2cResult> r = runner.run(readAt(at, n), () -> "read " + n + " bytes at " + at);
        return r.get(1).data();
    }

    /** One transfer reading {@code n} bytes from {@code at}: the address written, then read from. */
    private static List<I2cMessage> readAt(int at, int n) {
        return List.of(I2cMessage.write(I2C_ADDRESS, (byte) at), I2cMessage.read(I2C_ADDRESS, n));
    }

    private static void checkRange(int offset, int length) {
        if (offset < 0 || offset >= WINDOW_SIZE || length < 1 || offset + length > WINDOW_SIZE) {
            throw new XpoException.InvalidRequest("byte range " + offset + "+" + length + " is outside 0-" + (WINDOW_SIZE - 1));
        }
    }

    private static String where(int page, int bank, int at, int n) {
        return at < UPPER_PAGE_START ? n + " bytes at lower " + at : String.format("%d bytes at %02Xh:%d bank %d", n, page, at, bank);
    }

    public AccessStatistics statistics() {
        lock.lock();
        try {
            return runner.statistics();
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
