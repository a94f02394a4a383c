package org.openxpo.driver.firmware;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.time.PollSchedule;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbFormatException;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.FirmwareInfoReply;
import org.openxpo.protocol.cdb.FirmwareManagementFeaturesReply;
import org.openxpo.protocol.cdb.NoPayload;
import org.openxpo.protocol.cdb.PasswordPayload;
import org.openxpo.protocol.cdb.RunImagePayload;
import org.openxpo.protocol.cdb.StartDownloadPayload;
import org.openxpo.protocol.cdb.WriteBlockEplPayload;
import org.openxpo.protocol.cdb.WriteBlockLplPayload;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.CdbStatus;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Firmware update over CDB, end to end: features → start → blocks (EPL when the module takes it, 2 KiB at a time,
 * else LPL blocks sized from the advertisement) → complete → run → wait for the module → verify the new version →
 * commit. Timeouts come from the module's advertised durations; every failure says what failed and leaves the module
 * in a known state (the download aborted; the running image untouched until Run; uncommitted until verified).
 * Failures keep their meaning: {@link XpoException.CdbFailed} (a command's failure status, decoded),
 * {@link XpoException.Aborted} ({@link #abort()}), {@link XpoException.Unsupported} (the module takes no firmware
 * this driver can send), {@link XpoException.InvalidRequest} (the image does not fit), {@link XpoException.WrongState}
 * (after Run the old image still runs), {@link XpoException.Timeout}. Waits run on the {@link HostClock} given to
 * the constructor, so a test on the emulator's virtual clock runs a whole update in virtual time.
 */
public final class FirmwareUpdater {
    /** Where an update is, for progress bars. */
    public record Progress(String phase, long done, long total) {}

    /** What {@link #update} should do. */
    public record UpdateOptions(boolean commit, Long password, boolean preferEpl, Duration delayToReset,
                                Duration backAfterRun) {
        /**
         * Commit, EPL when possible, reset 20 ms after Run, and allow 10 s for the module to come back. DelayToReset is
         * time the host asks the module to idle so that it can read Run's result first: the driver looks every 1 ms, so
         * 20 ms leaves it many looks, and one that comes too late sees the reset itself, which it takes as the answer.
         */
        public static final UpdateOptions DEFAULT = new UpdateOptions(true, null, true, Duration.ofMillis(20),
            Duration.ofSeconds(10));

        public UpdateOptions withCommit(boolean c) { return new UpdateOptions(c, password, preferEpl, delayToReset, backAfterRun); }
        public UpdateOptions withPassword(Long p) { return new UpdateOptions(commit, p, preferEpl, delayToReset, backAfterRun); }
        public UpdateOptions withEpl(boolean e) { return new UpdateOptions(commit, password, e, delayToReset, backAfterRun); }
        public UpdateOptions withBackAfterRun(Duration d) { return new UpdateOptions(commit, password, preferEpl, delayToReset, d); }
    }

    /** Slack added to every advertised duration: our polling and the bus also take time. */
    private static final Duration SLACK = Duration.ofMillis(500);
    private static final Field MODULE_STATE = LowerPage.MODULE_STATE;
    private static final byte[] NO_PAYLOAD = NoPayload.INSTANCE.encode();
    /** How long past DelayToReset a module may take to start its reset after Run. */
    private static final Duration RESET_GRACE = Duration.ofSeconds(1);
    /**
     * Commands without an advertised duration (0041h advertises start, abort, write and complete only): features,
     * firmware info, password, commit. CMIS hosts allow a few seconds.
     */
    private static final Duration UNADVERTISED = Duration.ofSeconds(5);
    /** The result of Run, read before the module resets into the new image. */
    private static final Duration RUN_RESULT = Duration.ofSeconds(2);
    /** Polls for the reset after Run (00h:3 every 2 ms) and for the module coming back (every 5 ms). */
    private static final PollSchedule RESET_POLLS = PollSchedule.every(Duration.ofMillis(2)),
        BACK_POLLS = PollSchedule.every(Duration.ofMillis(5));

    private final CdbClient cdb;
    private final RegisterAccess access;
    private final HostClock clock;
    private final AtomicBoolean abort = new AtomicBoolean();

    /** An updater that waits on the access layer's clock. */
    public FirmwareUpdater(RegisterAccess access) { this(access, access.clock()); }

    /** An updater that waits on {@code clock} (an {@code XpoModuleClient}'s {@code clock()}, or a test bed's). */
    public FirmwareUpdater(RegisterAccess access, HostClock clock) {
        this.access = access;
        this.clock = clock;
        this.cdb = new CdbClient(access, clock);
    }

    /** Asks a running {@link #update} to stop at the next block (it sends Abort Download and throws). */
    public void abort() { abort.set(true); }

    /**
     * CDB 0041h. Its ReadWriteLengthExt becomes the access layer's CDB write limit until the module restarts, as the
     * Linux kernel uses it for its LPL and EPL writes.
     */
    public FirmwareFeatures features() {
        String what = "FW management features (0041h)";
        FirmwareFeatures f = new FirmwareFeatures(decode(expect(cdb.call(CdbCommand.FW_MANAGEMENT_FEATURES, NO_PAYLOAD,
            UNADVERTISED), what), FirmwareManagementFeaturesReply::decode, what));
        access.useCdbReadWriteLengthExt(f.readWriteLengthExt());
        return f;
    }

    public FirmwareInfo info() {
        String what = "get firmware info (0100h)";
        return FirmwareInfo.of(decode(expect(cdb.call(CdbCommand.GET_FIRMWARE_INFO, NO_PAYLOAD, UNADVERTISED),
            what), FirmwareInfoReply::decode, what));
    }

    public void enterPassword(long password) {
        expect(cdb.call(CdbCommand.ENTER_PASSWORD, new PasswordPayload(password).encode(), UNADVERTISED),
            "enter password (0001h)");
    }

    /**
     * CDB Run (0109h) mode 0: reset into the inactive image, then wait until the module answers again (within
     * {@code back}: MgmtInit, which hosts allow 2 s, plus power-up).
     */
    public void run(Duration delayToReset, Duration back) {
        int d = (int) Math.min(0xFFFF, delayToReset.toMillis());
        int versionBefore = runningVersion();
        cdb.send(CdbCommand.RUN_IMAGE.id(), new RunImagePayload(RunImagePayload.Mode.RESET_TO_INACTIVE, d).encode());
        // The module resets DelayToReset after it completes Run. Polling for "back" before that would see the old
        // firmware still answering (the kernel's pre-2026 bug): wait for the result, then for the reset itself.
        int status = cdb.awaitRunResult(RUN_RESULT);
        if (CdbStatus.isFailed(status)) throw new XpoException.CdbFailed("run image (0109h)", status);
        if (status != 0) awaitReset(delayToReset, versionBefore);
        waitForModule(back);
    }

    /** CDB Commit (010Ah): the running image becomes the one that boots. */
    public void commit() {
        expect(cdb.call(CdbCommand.COMMIT_IMAGE, NO_PAYLOAD, UNADVERTISED), "commit (010Ah)");
    }

    /**
     * Updates the module with {@code image}. Returns the firmware info after the update (new image running, and
     * committed unless {@code options.commit()} is false).
     */
    public FirmwareInfo update(byte[] image, UpdateOptions options, Consumer<Progress> progress) {
        abort.set(false);
        if (options.password() != null) enterPassword(options.password());
        FirmwareFeatures f = features();
        int s = f.startPayloadSize();
        if (s > StartDownloadPayload.MAX_VENDOR_DATA) {
            throw new XpoException.Unsupported("module wants a " + s + "-byte start payload (more than "
                + StartDownloadPayload.MAX_VENDOR_DATA + ")");
        }
        if (image.length < s) throw new XpoException.InvalidRequest("image (" + image.length + " bytes) is shorter than the start payload (" + s + ")");
        FirmwareImageFormat.Header header = FirmwareImageFormat.header(image);
        boolean epl = options.preferEpl() && f.eplWrites() && eplPages() >= Pages.CDB_EPL_PAGES;
        if (!epl && !f.lplWrites()) throw new XpoException.Unsupported("module takes no firmware writes this driver can send");

        progress.accept(new Progress("start", 0, image.length));
        byte[] start = new StartDownloadPayload(image.length, Arrays.copyOf(image, s)).encode();
        expect(cdb.call(CdbCommand.START_DOWNLOAD, start, f.maxStart().plus(SLACK)), "start download (0101h)");
        try {
            int block = epl ? WriteBlockEplPayload.MAX_DATA : f.lplBlockSize();
            for (int off = s; off < image.length; off += block) {
                if (abort.get()) throw new XpoException.Aborted("firmware update aborted by the host");
                int n = Math.min(block, image.length - off);
                byte[] data = Arrays.copyOfRange(image, off, off + n);
                CdbClient.Reply r = epl
                    ? cdb.call(CdbCommand.WRITE_BLOCK_EPL.id(), new WriteBlockEplPayload(off - s).encode(), data,
                        f.maxWrite().plus(SLACK))
                    : cdb.call(CdbCommand.WRITE_BLOCK_LPL.id(), new WriteBlockLplPayload(off - s, data).encode(),
                        NO_PAYLOAD, f.maxWrite().plus(SLACK));
                expect(r, String.format("write block at %d (%s)", off - s, epl ? "0104h" : "0103h"));
                progress.accept(new Progress("write", off + n, image.length));
            }
            progress.accept(new Progress("complete", image.length, image.length));
            expect(cdb.call(CdbCommand.COMPLETE_DOWNLOAD, NO_PAYLOAD, f.maxComplete().plus(SLACK)), "complete download (0107h)");
        } catch (XpoException e) {
            abortQuietly(f);
            throw e;
        }
        progress.accept(new Progress("run", image.length, image.length));
        run(options.delayToReset(), options.backAfterRun());
        // The reset into the new image forgot the password.
        if (options.password() != null) enterPassword(options.password());
        FirmwareInfo info = info();
        if (header != null && !info.running().version().equals(header.version())) {
            throw new XpoException.WrongState("after Run the module runs " + info.running().version() + ", not the new "
                + header.version() + "; the update was not committed");
        }
        if (options.commit()) {
            progress.accept(new Progress("commit", image.length, image.length));
            commit();
            info = info();
        }
        return info;
    }

    private void abortQuietly(FirmwareFeatures f) {
        if (!f.abortSupported()) return;
        try {
            cdb.call(CdbCommand.ABORT_DOWNLOAD, NO_PAYLOAD, f.maxAbort().plus(SLACK));
        } catch (XpoException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    /** The EPL pages the module advertises (01h:163): a 2048-byte EPL block needs all 16. */
    private int eplPages() {
        return CdbPage.eplPageCount((int) access.get(AdminPages.CDB_MAX_PAGES_EPL));
    }

    /**
     * Waits out {@code delay}, then polls 00h:3 every 2 ms until the module shows it is resetting (it stops answering
     * or reports MgmtInit) or has already reset: it runs another image than {@code versionBefore} (00h:39-40), as a
     * module whose reset and MgmtInit fit between two polls does. A module that resets later than it said is waited
     * for (up to {@link #RESET_GRACE}); one that never does is caught by the version check after it.
     */
    private void awaitReset(Duration delay, int versionBefore) {
        record Seen(int state, int version) {}
        Poll.until("the reset after Run", () -> {
                int state = stateCode();
                return new Seen(state, state < 0 ? -1 : runningVersion());
            }, s -> s.state < 0 || s.state == ModuleState.MGMT_INIT.code() || (versionBefore >= 0 && s.version >= 0 && s.version != versionBefore))
            .after(delay).within(delay.plus(RESET_GRACE)).every(RESET_POLLS).awaitOrGiveUp(clock);
    }

    /** The running image's version, major · 256 + minor (00h:39-40), or -1 while the module does not answer. */
    private int runningVersion() {
        try {
            return (int) (access.get(LowerPage.ACTIVE_FIRMWARE_MAJOR) << 8 | access.get(LowerPage.ACTIVE_FIRMWARE_MINOR));
        } catch (XpoException.Nack | XpoException.BusError resetting) {
            return -1;
        }
    }

    /**
     * Polls 00h:3 every 5 ms until the module answers and its management firmware is up: MgmtInit is over, so CDB and
     * the memory map work (ModuleLowPwr, ModulePwrUp, ModuleReady, ModulePwrDn). NACKs: still resetting. The data
     * path power-up that may follow does not concern the update.
     */
    private void waitForModule(Duration timeout) {
        Poll.until("the module back after Run in ModuleLowPwr, ModulePwrUp or ModuleReady", this::stateCode,
                code -> code >= 0 && MANAGEMENT_UP.contains(ModuleState.fromCode(code)))
            .within(timeout).every(BACK_POLLS)
            .describedBy(code -> code < 0 ? "no answer" : ModuleState.fromCode(code) == null ? "a reserved state"
                : ModuleState.fromCode(code).cmisName())
            .await(clock);
    }

    /** The states in which the management firmware is up after a reset. */
    private static final java.util.Set<ModuleState> MANAGEMENT_UP = java.util.EnumSet.of(ModuleState.LOW_PWR,
        ModuleState.PWR_UP, ModuleState.READY, ModuleState.PWR_DN);

    /**
     * ModuleState (00h:3) of a module Run is resetting, or -1 while it does not answer. The page selection is forgotten
     * first: this reset is the host's doing, not one for the access layer to report.
     */
    private int stateCode() {
        access.invalidate();
        try {
            return (int) access.get(MODULE_STATE);
        } catch (XpoException.Nack | XpoException.BusError resetting) {
            return -1;
        }
    }

    private static byte[] expect(CdbClient.Reply r, String what) {
        if (!r.ok()) throw new XpoException.CdbFailed(what, r.status());
        return r.payload();
    }

    /**
     * A reply as its protocol record; one without the command's layout is a {@link XpoException.BadReply}, as a bad
     * length is.
     */
    private static <T> T decode(byte[] reply, Function<byte[], T> decoder, String what) {
        try {
            return decoder.apply(reply);
        } catch (CdbFormatException e) {
            throw new XpoException.BadReply(what + ": " + e.getMessage(), e);
        }
    }
}
