package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.FirmwareWriteMechanism;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.types.CdbStatus;
import org.openxpo.protocol.units.Codecs;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import static org.openxpo.emulator.module.CdbTimes.*;

/**
 * CDB instance 1 on page 9Fh with EPL pages A0h–AFh (cmis-digest §5), as Linux ethtool, SONiC and FBOSS drive it.
 * A command runs when a host write covers 9Fh:129 (a write of 128 alone does not trigger). The status in 00h:37 goes
 * captured (0x81) → checking (0x82) → executing (0x83) → the result; on completion the reply (exact RPLLength, non-zero
 * RPLChkCode) is in place and CdbCmdCompleteFlag1 (00h:8.6) latches. Background mode (registers stay readable) unless
 * a foreground fault makes the module NACK while busy.
 */
final class CdbEngine {
    /** Project figures the 0041h reply advertises; the real times are below them. */
    static final int START_PAYLOAD_SIZE = FirmwareImageFormat.HEADER_SIZE;
    static final int MAX_COMPLETION_MS = 5000, MAX_START_MS = 1000, MAX_ABORT_MS = 100, MAX_WRITE_MS = 200,
        MAX_COMPLETE_MS = 2000;
    /** The default host password (SONiC enters it after a password error). */
    static final long DEFAULT_PASSWORD = 0x00001011L;

    private static final MemoryMap MAP = MemoryMap.xpo();
    private static final Field STATUS = Fields.CDB_STATUS1;
    /** First LPL byte: command parameters are at L, L+1, ... (cmis-digest §5.3). */
    private static final int L = CdbPage.LPL;

    /** Fault switches (set through the fault API). */
    static final class Faults {
        double writeSlowdown = 1;
        boolean failWrites, failComplete, noReturnAfterRun, foreground;
    }

    private final XpoModule m;
    final Faults faults = new Faults();
    private final Long password;
    private boolean unlocked;
    private boolean busy;
    private Timers.Timer running;
    private byte[] download;
    private BitSet received;

    CdbEngine(XpoModule module, Long password) {
        this.m = module;
        this.password = password;
        this.unlocked = password == null;
    }

    /** Reset: no command running; a download in progress is lost (the inactive bank stays invalid). */
    void reset() {
        busy = false;
        running = null;
        download = null;
        received = null;
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
        byte[] p = m.memory().pageArray(CdbPage.PAGE, 0);
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
        running = m.timers().schedule(us(CAPTURE_US), () -> {
            setStatus(CdbStatus.BUSY_CHECKING.code());
            running = m.timers().schedule(us(CHECK_US), () -> check(id));
        });
    }

    private void check(int id) {
        byte[] p = m.memory().pageArray(CdbPage.PAGE, 0);
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
            execute(cmd, p, lpl, epl);
        }
    }

    private void execute(CdbCommand cmd, byte[] p, int lpl, int epl) {
        switch (cmd) {
            case QUERY_STATUS -> after(QUICK_US, cmd, () -> new byte[] {1, (byte) (unlocked ? 0x01 : 0x00)});
            case ENTER_PASSWORD -> after(QUICK_US, cmd, () -> {
                long v = u32(p, L);
                if (password != null && v != password) return fail(CdbStatus.PASSWORD_ERROR);
                unlocked = true;
                return new byte[0];
            });
            case CHANGE_PASSWORD -> after(QUICK_US, cmd, () -> (u32(p, L) & 0x8000_0000L) != 0
                ? fail(CdbStatus.PARAMETER_ERROR) : unlocked ? new byte[0] : fail(CdbStatus.PASSWORD_ERROR));
            case ABORT -> after(QUICK_US, cmd, () -> new byte[0]);
            case MODULE_FEATURES -> after(QUICK_US, cmd, this::moduleFeatures);
            case FW_MANAGEMENT_FEATURES -> after(QUICK_US, cmd, this::firmwareFeatures);
            case GET_FIRMWARE_INFO -> after(QUICK_US, cmd, this::firmwareInfo);
            case START_DOWNLOAD -> after(START_US, cmd, () -> start(p, lpl));
            case ABORT_DOWNLOAD -> after(QUICK_US, cmd, () -> {
                download = null;
                received = null;
                return new byte[0];
            });
            case WRITE_BLOCK_LPL -> after(slow(WRITE_LPL_US), cmd, () -> !writes().lpl() ? fail(CdbStatus.UNKNOWN_COMMAND)
                : lpl < 4 ? fail(CdbStatus.PARAMETER_ERROR) : block(u32(p, L), p, L + 4, lpl - 4));
            case WRITE_BLOCK_EPL -> after(slow(WRITE_EPL_US), cmd, () -> !writes().epl() ? fail(CdbStatus.UNKNOWN_COMMAND)
                : lpl < 4 ? fail(CdbStatus.PARAMETER_ERROR) : block(u32(p, L), epl(epl), 0, epl));
            case COMPLETE_DOWNLOAD -> after(COMPLETE_US, cmd, this::complete);
            case RUN_IMAGE -> after(QUICK_US, cmd, () -> run(p[L + 1] & 0xFF, CdbPage.u16(p, L + 2)));
            case COMMIT_IMAGE -> after(COMMIT_US, cmd, () -> {
                m.images().commitRunning();
                return new byte[0];
            });
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

    private void after(long micros, CdbCommand cmd, java.util.function.Supplier<byte[]> work) {
        running = m.timers().schedule(us(micros), () -> {
            try {
                finish(CdbStatus.SUCCESS.code(), work.get(), cmd);
            } catch (Failure f) {
                finish(f.status.code(), null, cmd);
            }
        });
    }

    /** The write mechanism this module advertises: a block command it does not offer is refused as unknown (41h). */
    private FirmwareWriteMechanism writes() { return m.config().cdbWriteMechanism(); }

    private long slow(long micros) { return Math.round(micros * faults.writeSlowdown); }

    private static long ms(long millis) { return millis * 1_000_000L; }

    private static long us(long micros) { return micros * 1_000L; }

    /** Writes the reply (exact length, non-zero check code), the status, and latches the completion flag. */
    private void finish(int status, byte[] reply, CdbCommand cmd) {
        byte[] p = m.memory().pageArray(CdbPage.PAGE, 0);
        int len = reply == null ? 0 : reply.length;
        if (reply != null) System.arraycopy(reply, 0, p, L, len);
        p[CdbPage.REPLY_LENGTH] = (byte) len;
        p[CdbPage.REPLY_CHECK_CODE] = (byte) Codecs.onesComplementChecksum(p, L, L + len);
        busy = false;
        running = null;
        setStatus(status);
        m.memory().latch(Fields.CDB_COMPLETE_FLAG1, 0, 0);
        m.flagsChanged();
    }

    private void setStatus(int status) { m.memory().set(STATUS, status); }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    /** Keeps a reply's check code non-zero (the kernel rejects 0) by adjusting a reserved byte of it. */
    private static byte[] nonZeroCheck(byte[] reply, int reservedIndex) {
        if (Codecs.onesComplementChecksum(reply, 0, reply.length) == 0) reply[reservedIndex] ^= 1;
        return reply;
    }

    // ------------------------------------------------------------------ replies

    private byte[] moduleFeatures() {
        byte[] r = new byte[CdbCommand.MODULE_FEATURES.replyLength()];
        for (CdbCommand c : CdbCommand.values()) {
            if (c.id() > 0xFF) continue;
            r[2 + c.id() / 8] |= (byte) (1 << (c.id() % 8));
        }
        put16(r, 34, MAX_COMPLETION_MS);
        return nonZeroCheck(r, 0);
    }

    private byte[] firmwareFeatures() {
        byte[] r = new byte[CdbCommand.FW_MANAGEMENT_FEATURES.replyLength()];
        r[1] = 0x01;                                   // 0102h abort supported
        r[2] = (byte) START_PAYLOAD_SIZE;
        r[3] = (byte) 0xFF;                            // erased byte
        r[4] = (byte) m.memory().get(MAP.field("CdbReadWriteLengthExt"));
        r[5] = (byte) writes().code();                 // write mechanism: LPL, EPL or both
        r[6] = 0x00;                                   // no read-back
        r[7] = 0x00;                                   // Run is not hitless
        put16(r, 8, MAX_START_MS);
        put16(r, 10, MAX_ABORT_MS);
        put16(r, 12, MAX_WRITE_MS);
        put16(r, 14, MAX_COMPLETE_MS);
        put16(r, 16, 0);
        return nonZeroCheck(r, 0);
    }

    private byte[] firmwareInfo() {
        byte[] r = new byte[CdbCommand.GET_FIRMWARE_INFO.replyLength()];
        FirmwareImages img = m.images();
        int status = 0;
        for (int bank = 0; bank < 2; bank++) {
            FirmwareImages.Image i = img.image(bank);
            int shift = bank * 4;
            if (img.running() == bank) status |= 1 << shift;
            if (img.committed() == bank) status |= 2 << shift;
            if (!i.valid()) status |= 4 << shift;
            int at = 2 + bank * 36;
            r[at] = (byte) i.major();
            r[at + 1] = (byte) i.minor();
            put16(r, at + 2, i.build());
            byte[] extra = (i.valid() ? "OpenXPO emulated image " + i.version() : "").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(extra, 0, r, at + 4, Math.min(32, extra.length));
        }
        r[0] = (byte) status;
        r[1] = 0x03;                                   // info for images A and B; no factory image
        return nonZeroCheck(r, 108);
    }

    // ------------------------------------------------------------------ download

    private byte[] start(byte[] p, int lpl) {
        long size = u32(p, L);
        int vendorBytes = lpl - 8;
        if (size < START_PAYLOAD_SIZE || size > FirmwareImageFormat.MAX_IMAGE_SIZE || vendorBytes != START_PAYLOAD_SIZE) {
            return fail(CdbStatus.PARAMETER_ERROR);
        }
        // The inactive bank is erased now: until Complete validates a new image it is not bootable.
        m.images().storeInactive(FirmwareImages.Image.EMPTY);
        m.images().publishVersions(m.memory());
        StaticContent.updateChecksums(m.memory());
        download = new byte[(int) size];
        received = new BitSet((int) size);
        System.arraycopy(p, L + 8, download, 0, START_PAYLOAD_SIZE);
        received.set(0, START_PAYLOAD_SIZE);
        return new byte[0];
    }

    private byte[] epl(int length) {
        byte[] out = new byte[length];
        for (int k = 0; k < length; k += CdbPage.EPL_PAGE_SIZE) {
            byte[] page = m.memory().pageArray(CdbPage.EPL_FIRST_PAGE + k / CdbPage.EPL_PAGE_SIZE, 0);
            System.arraycopy(page, 128, out, k, Math.min(CdbPage.EPL_PAGE_SIZE, length - k));
        }
        return out;
    }

    private byte[] block(long address, byte[] src, int from, int length) {
        if (download == null) return fail(CdbStatus.SEQUENCE_ERROR);
        if (faults.failWrites) return fail(CdbStatus.BLOCK_ERROR);
        long offset = address + START_PAYLOAD_SIZE;
        if (length <= 0 || offset + length > download.length) return fail(CdbStatus.BLOCK_ERROR);
        System.arraycopy(src, from, download, (int) offset, length);
        received.set((int) offset, (int) offset + length);
        return new byte[0];
    }

    private byte[] complete() {
        if (download == null) return fail(CdbStatus.SEQUENCE_ERROR);
        byte[] image = download;
        boolean whole = received.cardinality() == image.length;
        download = null;
        received = null;
        if (!whole || faults.failComplete) return fail(CdbStatus.IMAGE_INVALID);
        FirmwareImageFormat.Header h;
        try {
            h = FirmwareImageFormat.validate(image);
        } catch (IllegalArgumentException e) {
            return fail(CdbStatus.IMAGE_INVALID);
        }
        m.images().storeInactive(new FirmwareImages.Image(h.major(), h.minor(), h.build(), true));
        m.images().publishVersions(m.memory());
        StaticContent.updateChecksums(m.memory());
        return new byte[0];
    }

    /**
     * Run (0109h): modes 0/1 reset into the inactive image, 2/3 into the running one, DelayToReset ms after the
     * completion flag. The new image runs uncommitted: a reset before Commit boots the committed one again.
     */
    private byte[] run(int mode, int delayMs) {
        if (mode > 3) return fail(CdbStatus.PARAMETER_ERROR);
        boolean toInactive = mode <= 1;
        if (toInactive && !m.images().inactiveImage().valid()) return fail(CdbStatus.IMAGE_INVALID);
        m.timers().schedule(ms(delayMs), () -> m.firmwareReset(toInactive, faults.noReturnAfterRun));
        return new byte[0];
    }
}
