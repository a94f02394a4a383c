package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbFormatException;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.FirmwareInfoReply;
import org.openxpo.protocol.cdb.FirmwareManagementFeaturesReply;
import org.openxpo.protocol.cdb.ModuleFeaturesReply;
import org.openxpo.protocol.cdb.NoPayload;
import org.openxpo.protocol.cdb.PasswordPayload;
import org.openxpo.protocol.cdb.QueryStatusReply;
import org.openxpo.protocol.cdb.RunImagePayload;
import org.openxpo.protocol.cdb.StartDownloadPayload;
import org.openxpo.protocol.cdb.TransferMechanism;
import org.openxpo.protocol.cdb.WriteBlockEplPayload;
import org.openxpo.protocol.cdb.WriteBlockLplPayload;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.CdbStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.openxpo.emulator.module.CdbTimes.*;

/**
 * CDB instance 1 on page 9Fh with EPL pages A0h–AFh (cmis-digest §5), as Linux ethtool, SONiC and FBOSS drive it.
 * A command runs when a host write covers 9Fh:129 (a write of 128 alone does not trigger). The status in 00h:37 goes
 * captured (0x81) → checking (0x82) → executing (0x83) → the result; on completion the reply (exact RPLLength, non-zero
 * RPLChkCode) is in place and CdbCmdCompleteFlag1 (00h:8.6) latches. Background mode (registers stay readable) unless
 * a foreground fault makes the module NACK while busy.
 */
final class CdbEngine {
    private static final Logger LOG = LoggerFactory.getLogger(CdbEngine.class);

    /** Project figures the 0041h reply advertises; the real times are below them. */
    static final int START_PAYLOAD_SIZE = FirmwareImageFormat.HEADER_SIZE;
    static final int MAX_COMPLETION_MS = 5000, MAX_START_MS = 1000, MAX_ABORT_MS = 100, MAX_WRITE_MS = 200,
        MAX_COMPLETE_MS = 2000;
    /** What erased flash reads as (0041h ErasedByte). */
    static final int ERASED_BYTE = 0xFF;
    /** The default host password (SONiC enters it after a password error). */
    static final long DEFAULT_PASSWORD = PasswordPayload.DEFAULT_HOST_PASSWORD;

    private static final Field STATUS = LowerPage.CDB_STATUS1;

    /** Fault switches (set through the fault API). */
    static final class Faults {
        double writeSlowdown = 1;
        boolean failWrites, failComplete, noReturnAfterRun, foreground;
    }

    private final FirmwareContext firmware;
    private final FirmwareImages images;
    private final FirmwareContext.FlagWatch flags;
    private final FirmwareContext.ImageRun imageRun;
    final Faults faults = new Faults();
    private final Long password;
    private boolean unlocked;
    private boolean busy;
    private Timers.Timer running;
    private ImageDownload download;

    CdbEngine(FirmwareContext firmware, FirmwareImages images, FirmwareContext.FlagWatch flags,
              FirmwareContext.ImageRun imageRun) {
        this.firmware = firmware;
        this.images = images;
        this.flags = flags;
        this.imageRun = imageRun;
        this.password = firmware.config().cdbPassword();
        this.unlocked = password == null;
    }

    /** Reset: no command running; a download in progress is lost (the inactive bank stays invalid). */
    void reset() {
        busy = false;
        running = null;
        download = null;
        unlocked = password == null;
    }

    boolean busy() { return busy; }

    /** True when a foreground-mode module is holding off the bus. */
    boolean holdingBus() { return busy && faults.foreground; }

    /** A host password written to 00h:122–125 unlocks the firmware commands when it matches. */
    void passwordEntered(long value) {
        if (password != null && value == password) unlocked = true;
    }

    /** Called for host writes to 9Fh: a write that covers byte 129 triggers the command. */
    void onWrite(int from, int to) {
        if (!(from <= CdbPage.TRIGGER && to > CdbPage.TRIGGER)) return;
        byte[] p = firmware.memory().pageArray(CdbPage.PAGE, 0);
        int id = CdbPage.u16(p, CdbPage.COMMAND_ID);
        if (busy) {
            if (id == CdbCommand.ABORT.id() && running != null) {
                running.cancel();
                finish(CdbStatus.ABORTED.code(), null, CdbCommand.ABORT);
            }
            return;
        }
        busy = true;
        setStatus(CdbStatus.BUSY_CAPTURED.code());
        running = firmware.schedule(us(CAPTURE_US), () -> {
            setStatus(CdbStatus.BUSY_CHECKING.code());
            running = firmware.schedule(us(CHECK_US), () -> check(id));
        });
    }

    private void check(int id) {
        byte[] p = firmware.memory().pageArray(CdbPage.PAGE, 0);
        int lpl = p[CdbPage.LPL_LENGTH] & 0xFF;
        int epl = CdbPage.u16(p, CdbPage.EPL_LENGTH);
        CdbCommand cmd = CdbCommand.of(id);
        if (lpl > CdbPage.MAX_LPL || epl > CdbPage.MAX_EPL) {
            finish(CdbStatus.PARAMETER_ERROR.code(), null, cmd);
        } else if ((p[CdbPage.CHECK_CODE] & 0xFF) != CdbCommand.checkCode(p, lpl)) {
            finish(CdbStatus.CHECK_CODE_ERROR.code(), null, cmd);
        } else if (cmd == null) {
            finish(CdbStatus.UNKNOWN_COMMAND.code(), null, null);
        } else if (cmd.isFirmwareCommand() && !unlocked) {
            finish(CdbStatus.PASSWORD_ERROR.code(), null, cmd);
        } else {
            setStatus(CdbStatus.BUSY_EXECUTING.code());
            execute(cmd, CdbPage.localPayload(p), epl);
        }
    }

    private void execute(CdbCommand cmd, byte[] lpl, int epl) {
        switch (cmd) {
            case QUERY_STATUS -> after(QUICK_US, cmd, () -> QueryStatusReply.hostPassword(unlocked).encode());
            case ENTER_PASSWORD -> after(QUICK_US, cmd, () -> {
                long v = decode(lpl, PasswordPayload::decode).password();
                if (password != null && v != password) return fail(CdbStatus.PASSWORD_ERROR);
                unlocked = true;
                return NoPayload.INSTANCE.encode();
            });
            case CHANGE_PASSWORD -> after(QUICK_US, cmd, () -> !decode(lpl, PasswordPayload::decode).settableByHost()
                ? fail(CdbStatus.PARAMETER_ERROR) : unlocked ? NoPayload.INSTANCE.encode() : fail(CdbStatus.PASSWORD_ERROR));
            case ABORT -> after(QUICK_US, cmd, NoPayload.INSTANCE::encode);
            case MODULE_FEATURES -> after(QUICK_US, cmd, () -> moduleFeatures().encode());
            case FW_MANAGEMENT_FEATURES -> after(QUICK_US, cmd, () -> firmwareFeatures().encode());
            case GET_FIRMWARE_INFO -> after(QUICK_US, cmd, () -> firmwareInfo().encode());
            case START_DOWNLOAD -> after(START_US, cmd, () -> start(decode(lpl, StartDownloadPayload::decode)));
            case ABORT_DOWNLOAD -> after(QUICK_US, cmd, () -> {
                download = null;
                return NoPayload.INSTANCE.encode();
            });
            case WRITE_BLOCK_LPL -> after(slow(WRITE_LPL_US), cmd, () -> {
                if (!writes().lpl()) return fail(CdbStatus.UNKNOWN_COMMAND);
                WriteBlockLplPayload b = decode(lpl, WriteBlockLplPayload::decode);
                return block(b.blockAddress(), b.data());
            });
            case WRITE_BLOCK_EPL -> after(slow(WRITE_EPL_US), cmd, () -> !writes().epl() ? fail(CdbStatus.UNKNOWN_COMMAND)
                : block(decode(lpl, WriteBlockEplPayload::decode).blockAddress(), epl(epl)));
            case COMPLETE_DOWNLOAD -> after(COMPLETE_US, cmd, this::complete);
            case RUN_IMAGE -> after(QUICK_US, cmd, () -> run(decode(lpl, RunImagePayload::decode)));
            case COMMIT_IMAGE -> after(COMMIT_US, cmd, () -> {
                images.commitRunning();
                return NoPayload.INSTANCE.encode();
            });
        }
    }

    /** A command payload as its record; one that does not have the command's layout is a parameter error (42h). */
    private static <T> T decode(byte[] lpl, Function<byte[], T> decoder) {
        try {
            return decoder.apply(lpl);
        } catch (CdbFormatException malformed) {
            throw new Failure(CdbStatus.PARAMETER_ERROR);
        }
    }

    /** Marker reply meaning "failed with this status". */
    private static final class Failure extends RuntimeException {
        final CdbStatus status;

        Failure(CdbStatus status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private static byte[] fail(CdbStatus status) { throw new Failure(status); }

    /**
     * Runs {@code work} after {@code micros} and completes the command with its reply or its {@link Failure}. Anything
     * else it throws is a bug of the emulator: logged, and the command fails (40h) so that CDB is not busy forever.
     */
    private void after(long micros, CdbCommand cmd, java.util.function.Supplier<byte[]> work) {
        running = firmware.schedule(us(micros), () -> {
            try {
                finish(CdbStatus.SUCCESS.code(), work.get(), cmd);
            } catch (Failure f) {
                finish(f.status.code(), null, cmd);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.error("CDB command {} failed inside the emulator; it ends with status 40h", cmd, e);
                finish(CdbStatus.FAILED.code(), null, cmd);
            }
        });
    }

    /** The write mechanism this module advertises: a block command it does not offer is refused as unknown (41h). */
    private TransferMechanism writes() { return firmware.config().cdbWriteMechanism(); }

    private long slow(long micros) { return Math.round(micros * faults.writeSlowdown); }

    private static long ms(long millis) { return millis * 1_000_000L; }

    private static long us(long micros) { return micros * 1_000L; }

    /** Writes the reply (exact length, non-zero check code), the status, and latches the completion flag. */
    private void finish(int status, byte[] reply, CdbCommand cmd) {
        CdbPage.putReply(firmware.memory().pageArray(CdbPage.PAGE, 0), reply == null ? NoPayload.INSTANCE.encode() : reply);
        busy = false;
        running = null;
        setStatus(status);
        firmware.memory().latch(LowerPage.CDB_CMD_COMPLETE_FLAG1, 0, 0);
        flags.flagsChanged();
    }

    private void setStatus(int status) { firmware.memory().set(STATUS, status); }

    // ------------------------------------------------------------------ replies

    private ModuleFeaturesReply moduleFeatures() {
        Set<Integer> supported = new TreeSet<>();
        for (CdbCommand c : CdbCommand.values()) if (!c.isFirmwareCommand()) supported.add(c.id());
        return new ModuleFeaturesReply(supported, MAX_COMPLETION_MS);
    }

    private FirmwareManagementFeaturesReply firmwareFeatures() {
        int ext = (int) firmware.memory().get(AdminPages.CDB_READ_WRITE_LENGTH_EXT);
        return new FirmwareManagementFeaturesReply(false, false, false, false, true, START_PAYLOAD_SIZE, ERASED_BYTE,
            ext, writes(), TransferMechanism.NONE, false, MAX_START_MS, MAX_ABORT_MS, MAX_WRITE_MS,
            MAX_COMPLETE_MS, 0);
    }

    private FirmwareInfoReply firmwareInfo() {
        FirmwareImages img = images;
        FirmwareInfoReply.BankStatus[] status = new FirmwareInfoReply.BankStatus[2];
        FirmwareInfoReply.ImageInfo[] info = new FirmwareInfoReply.ImageInfo[2];
        for (int bank = 0; bank < 2; bank++) {
            FirmwareImages.Image i = img.image(bank);
            status[bank] = new FirmwareInfoReply.BankStatus(img.running() == bank, img.committed() == bank, !i.valid());
            info[bank] = new FirmwareInfoReply.ImageInfo(i.major(), i.minor(), i.build(),
                i.valid() ? "OpenXPO emulated image " + i.version() : "");
        }
        return new FirmwareInfoReply(status[0], status[1], Optional.of(info[0]), Optional.of(info[1]), Optional.empty());
    }

    // ------------------------------------------------------------------ download

    private byte[] start(StartDownloadPayload start) {
        long size = start.imageSize();
        if (size < START_PAYLOAD_SIZE || size > FirmwareImageFormat.MAX_IMAGE_SIZE
            || start.vendorData().length != START_PAYLOAD_SIZE) {
            return fail(CdbStatus.PARAMETER_ERROR);
        }
        // The inactive bank is erased now: until Complete validates a new image it is not bootable.
        images.storeInactive(FirmwareImages.Image.EMPTY);
        images.publishVersions(firmware.memory());
        StaticContent.updateChecksums(firmware.memory());
        download = new ImageDownload((int) size);
        download.store(0, start.vendorData());
        return NoPayload.INSTANCE.encode();
    }

    private byte[] epl(int length) {
        byte[] out = new byte[length];
        for (int k = 0; k < length; k += CdbPage.EPL_PAGE_SIZE) {
            byte[] page = firmware.memory().pageArray(Pages.cdbEplPage(k), 0);
            System.arraycopy(page, CdbPage.EPL_DATA, out, k, Math.min(CdbPage.EPL_PAGE_SIZE, length - k));
        }
        return out;
    }

    private byte[] block(long address, byte[] data) {
        if (download == null) return fail(CdbStatus.SEQUENCE_ERROR);
        if (faults.failWrites) return fail(CdbStatus.BLOCK_ERROR);
        long offset = address + START_PAYLOAD_SIZE;
        int length = data.length;
        if (!download.fits(offset, length)) return fail(CdbStatus.BLOCK_ERROR);
        download.store((int) offset, data);
        return NoPayload.INSTANCE.encode();
    }

    private byte[] complete() {
        if (download == null) return fail(CdbStatus.SEQUENCE_ERROR);
        ImageDownload written = download;
        download = null;
        if (!written.whole() || faults.failComplete) return fail(CdbStatus.IMAGE_INVALID);
        byte[] image = written.bytes();
        FirmwareImageFormat.Header h;
        try {
            h = FirmwareImageFormat.validate(image);
        } catch (IllegalArgumentException e) {
            return fail(CdbStatus.IMAGE_INVALID);
        }
        images.storeInactive(new FirmwareImages.Image(h.major(), h.minor(), h.build(), true));
        images.publishVersions(firmware.memory());
        StaticContent.updateChecksums(firmware.memory());
        return NoPayload.INSTANCE.encode();
    }

    /**
     * Run (0109h): modes 0/1 reset into the inactive image, 2/3 into the running one, DelayToReset ms after the
     * completion flag. The new image runs uncommitted: a reset before Commit boots the committed one again.
     */
    private byte[] run(RunImagePayload run) {
        boolean toInactive = run.mode().toInactive();
        if (toInactive && !images.inactiveImage().valid()) return fail(CdbStatus.IMAGE_INVALID);
        firmware.schedule(ms(run.delayToResetMs()), () -> imageRun.resetInto(toInactive, faults.noReturnAfterRun));
        return NoPayload.INSTANCE.encode();
    }
}
