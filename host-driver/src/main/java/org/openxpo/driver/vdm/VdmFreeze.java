package org.openxpo.driver.vdm;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.module.Timeouts;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.time.PollSchedule;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.List;

/**
 * The VDM freeze handshake on 2Fh (bank 0; the request is module-wide): FreezeRequest (144.7) set by
 * read-modify-write so the other bits of 144 keep their value (CMIS 5.4 adds controls there; SONiC PR #757), then
 * FreezeDone (145.7) awaited; the release clears the request and awaits UnfreezeDone (145.6), after which the module
 * starts a new statistics interval. A request found already set (a host that stopped mid-read) is released first, so a
 * freeze never confirms an interval someone else froze.
 */
final class VdmFreeze {
    /** CMIS tVDMF: the longest a module takes to set FreezeDone or UnfreezeDone. */
    static final Duration T_VDMF = Duration.ofMillis(10);
    /** tVDMF plus the driver's usual allowance for polling and bus latency. */
    static final Duration TIMEOUT = T_VDMF.plus(Timeouts.ALLOWANCE);
    /** The request is module-wide: it is written in bank 0 (the XPO module shows it in every bank). */
    private static final int BANK = 0;
    /** After the first look, polls the done bits every millisecond (as SONiC does), backing off to 10 ms. */
    private static final PollSchedule SCHEDULE = PollSchedule.backingOff(Duration.ofMillis(1), T_VDMF);

    private final RegisterAccess access;
    private final HostClock clock;
    private final Duration timeout;
    /** 2Fh:144 as last read or written: the bits beside FreezeRequest are written back as found. */
    private int control;

    VdmFreeze(RegisterAccess access, HostClock clock, Duration timeout) {
        this.access = access;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Freezes the statistics; true once FreezeDone confirmed it within the timeout. Reads the control byte once (144,
     * with 145 beside it), releases a freeze someone left set, then writes the request with the other bits of 144 kept.
     */
    boolean freeze() {
        byte[] w = access.readFields(VdmPages.FREEZE_REQUEST.page(), BANK, List.of(VdmPages.FREEZE_REQUEST, VdmPages.FREEZE_DONE));
        control = w[VdmPages.FREEZE_REQUEST.offset()] & 0xFF;
        if (VdmPages.FREEZE_REQUEST.get(w, 0) == 1) release();
        writeRequest(1);
        return await(VdmPages.FREEZE_DONE, "VDM FreezeDone (2Fh:145.7)");
    }

    /** Releases the statistics (a new interval starts); true once UnfreezeDone confirmed it within the timeout. */
    boolean release() {
        writeRequest(0);
        return await(VdmPages.UNFREEZE_DONE, "VDM UnfreezeDone (2Fh:145.6)");
    }

    /** Writes 144 with FreezeRequest = {@code request} and every other bit as read (read-modify-write). */
    private void writeRequest(int request) {
        Field f = VdmPages.FREEZE_REQUEST;
        byte[] window = new byte[ManagementInterface.WINDOW_SIZE];
        window[f.offset()] = (byte) control;
        f.set(window, 0, request);
        control = window[f.offset()] & 0xFF;
        access.write(f.page(), BANK, f.offset(), new byte[] {(byte) control});
    }

    private boolean await(Field done, String what) {
        // first look after tVDMF, by when CMIS says the module is done (as SONiC does): one read, not a string of them
        return Poll.until(what, () -> access.get(done, BANK, 0) == 1).after(T_VDMF).every(SCHEDULE).within(timeout)
            .awaitOrGiveUp(clock).isPresent();
    }

    Duration timeout() { return timeout; }
}
