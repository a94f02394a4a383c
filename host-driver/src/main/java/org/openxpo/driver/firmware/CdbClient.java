package org.openxpo.driver.firmware;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.time.PollSchedule;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.NoPayload;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.CdbStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs CDB commands the way the Linux kernel does, and checks more than it: EPL pages first, then the header and
 * local payload at 9Fh:130 in one write, then CMDID as one 2-byte write — all of it one batch of transfers
 * ({@link RegisterAccess#write(List)}: one round trip over the link); then polls CdbStatus1 (00h:37) until the
 * command leaves the busy codes, treating NACKs (a foreground-mode module) as "still busy", within the command's
 * advertised duration. The first look comes at 3/4 of the shortest time after which the same command was seen done
 * (a block write's polls before its usual end are left out), then polls every 50 µs while the command may be about to
 * end (its first 2 ms, or half again as long as it last took), backing off to 1 ms, so a block write is seen done
 * within a poll.
 * The reply must have the length the command defines and a matching, non-zero check code, else it is a
 * {@link XpoException.BadReply}. Waits run on the {@link HostClock} given to the constructor.
 */
public final class CdbClient {
    /** A finished command: its status byte and reply payload. */
    public record Reply(int status, byte[] payload) {
        public boolean ok() { return status == CdbStatus.SUCCESS.code(); }
    }

    private static final int STATUS_PAGE = LowerPage.CDB_STATUS1.page();
    private static final int STATUS_ADDRESS = LowerPage.CDB_STATUS1.offset();
    /** Polls while waiting for Run's result (the module is about to reset; nothing to gain from hurrying). */
    private static final PollSchedule RUN_POLLS = PollSchedule.every(Duration.ofMillis(1));
    /** Status polls: every 50 µs for the eager stretch (at least 2 ms), then backing off to 1 ms. */
    private static final Duration FIRST_POLL = Duration.ofNanos(50_000), LONGEST_POLL = Duration.ofMillis(1);
    private static final long EAGER_POLLING_NANOS = 2_000_000;

    /**
     * What the first look at a command waits of the shortest time it has taken before: early enough for a command a
     * little quicker than any before it, late enough that the polls before the usual end are gone.
     */
    private static final int FIRST_LOOK_PERCENT = 75;

    /**
     * How long a command id took (ns): from its trigger to the end of the poll that saw it done, the last time; and
     * from its trigger to the start of such a poll, the shortest (the module was done then, give or take the way to it:
     * unlike the end, the start leaves out the round trip of that poll).
     */
    private record Busy(long last, long shortest) {
        Busy then(Busy next) { return new Busy(next.last, Math.min(shortest, next.shortest)); }
    }

    private final Map<Integer, Busy> busy = new ConcurrentHashMap<>();

    private final RegisterAccess access;
    private final HostClock clock;

    /** A client that waits on the access layer's clock. */
    public CdbClient(RegisterAccess access) { this(access, access.clock()); }

    /** A client that waits on {@code clock}. */
    public CdbClient(RegisterAccess access, HostClock clock) {
        this.access = access;
        this.clock = clock;
    }

    public RegisterAccess access() { return access; }

    /** Sends a command and waits for its result within {@code timeout}. */
    public Reply call(int command, byte[] lpl, byte[] epl, Duration timeout) {
        List<RegisterAccess.PageWrite> writes = new ArrayList<>();
        for (int k = 0; k < epl.length; k += CdbPage.EPL_PAGE_SIZE) {
            writes.add(new RegisterAccess.PageWrite(CdbPage.EPL_FIRST_PAGE + k / CdbPage.EPL_PAGE_SIZE, 0, CdbPage.EPL_DATA,
                Arrays.copyOfRange(epl, k, Math.min(epl.length, k + CdbPage.EPL_PAGE_SIZE))));
        }
        writes.addAll(trigger(CdbPage.request(command, lpl, epl.length), lpl.length));
        access.write(writes);
        int status = awaitStatus(command, timeout);
        CdbCommand known = CdbCommand.of(command);
        // nothing to read after a command CMIS gives no reply (the block writes): one round trip less per block
        if (status != CdbStatus.SUCCESS.code() || known != null && known.replyLength() == 0) {
            return new Reply(status, new byte[0]);
        }
        return new Reply(status, reply(command));
    }

    public Reply call(CdbCommand command, byte[] lpl, Duration timeout) {
        return call(command.id(), lpl, NoPayload.INSTANCE.encode(), timeout);
    }

    /** Sends a command and does not wait (CDB Run: the module resets before a host could read the result). */
    public void send(int command, byte[] lpl) {
        access.write(trigger(CdbPage.request(command, lpl, 0), lpl.length));
    }

    /** The header and LPL in one write, then CMDID as one 2-byte write (the trigger), as the kernel does. */
    private static List<RegisterAccess.PageWrite> trigger(byte[] page, int lplLength) {
        return List.of(
            new RegisterAccess.PageWrite(CdbPage.PAGE, 0, CdbPage.EPL_LENGTH,
                Arrays.copyOfRange(page, CdbPage.EPL_LENGTH, CdbPage.LPL + lplLength)),
            new RegisterAccess.PageWrite(CdbPage.PAGE, 0, CdbPage.COMMAND_ID,
                Arrays.copyOfRange(page, CdbPage.COMMAND_ID, CdbPage.COMMAND_ID + 2)));
    }

    /**
     * After Run: the status once it leaves the busy codes, or 0 when the module stops answering first (it reset
     * before its result could be read — a reset is what Run asks for).
     *
     * @throws XpoException.Timeout when the module still answers busy at the end of {@code timeout}
     */
    int awaitRunResult(Duration timeout) {
        return Poll.until("the result of Run (0109h)", this::statusOrResetting, s -> !CdbStatus.isBusy(s))
            .within(timeout).after(RUN_POLLS.first()).every(RUN_POLLS).describedBy(CdbStatus::describe).await(clock);
    }

    /** CdbStatus1, or 0 once the module stops answering (it is resetting). */
    private int statusOrResetting() {
        try {
            return access.read(STATUS_PAGE, 0, STATUS_ADDRESS, 1)[0] & 0xFF;
        } catch (XpoException.Nack resetting) {
            return 0;
        }
    }

    /**
     * Polls the status of {@code command}, just triggered. CMIS advertises only the worst case of a command (0041h's
     * MaxDuration fields, 200 ms for a block on the profile's module, against about 1 ms in fact), so the first look
     * comes when this command has been seen to end before: at 3/4 of the shortest time after which a look found it
     * done, or after 50 µs the first time. From then on every 50 µs while the command may be about to end (its first 2 ms, or half again as long
     * as it last took), then backing off to 1 ms. Steady polling rather than one long sleep: a block write ends within
     * a poll of when it is seen, and over the emulator link every request after an idle spell pays the wake-up of the
     * threads on its way. NACKs mean busy (foreground mode: the module holds the bus while it works).
     */
    private int awaitStatus(int command, Duration timeout) {
        long triggered = clock.nanoTime();
        Busy before = busy.get(command);
        Duration firstLook = before == null ? FIRST_POLL
            : Duration.ofNanos(Math.max(FIRST_POLL.toNanos(), before.shortest() * FIRST_LOOK_PERCENT / 100));
        Duration eager = Duration.ofNanos(Math.max(EAGER_POLLING_NANOS, before == null ? 0 : before.last() * 3 / 2));
        long[] lookedAt = {triggered};
        int status = Poll.until(String.format("CDB command %04Xh to finish", command), () -> {
                lookedAt[0] = clock.nanoTime();
                return access.read(STATUS_PAGE, 0, STATUS_ADDRESS, 1)[0] & 0xFF;
            }, s -> !CdbStatus.isBusy(s))
            .within(timeout).after(firstLook).every(new PollSchedule(FIRST_POLL, eager, LONGEST_POLL))
            .describedBy(CdbStatus::describe).tolerating(XpoException.Nack.class)
            .await(clock);
        busy.merge(command, new Busy(clock.nanoTime() - triggered, lookedAt[0] - triggered), Busy::then);
        return status;
    }

    private byte[] reply(int command) {
        byte[] head = access.read(CdbPage.PAGE, 0, CdbPage.REPLY_LENGTH, 2);
        int len = head[0] & 0xFF;
        CdbCommand known = CdbCommand.of(command);
        if (known != null && len != known.replyLength()) {
            throw new XpoException.BadReply(String.format("CDB %04Xh replied %d bytes, CMIS defines %d", command, len,
                known.replyLength()));
        }
        byte[] payload = len == 0 ? new byte[0] : access.read(CdbPage.PAGE, 0, CdbPage.LPL, Math.min(len, CdbPage.MAX_LPL));
        int check = CdbPage.replyCheckCode(payload);
        if ((head[1] & 0xFF) != check || check == 0) {
            throw new XpoException.BadReply(String.format("CDB %04Xh reply check code 0x%02X does not match 0x%02X",
                command, head[1] & 0xFF, check));
        }
        return payload;
    }
}
