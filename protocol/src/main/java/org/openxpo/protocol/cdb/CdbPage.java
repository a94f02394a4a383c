package org.openxpo.protocol.cdb;

import org.openxpo.protocol.map.CdbPages;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.units.Codecs;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the CDB header and payloads sit, read from the declared map (page 9Fh, EPL pages A0h–AFh), and the request
 * image a host writes. Emulator and driver both use it, so no CDB offset is typed twice.
 */
public final class CdbPage {
    private CdbPage() {}

    public static final int PAGE = CdbPages.CDB_COMMAND_ID.page();
    public static final int EPL_FIRST_PAGE = CdbPages.CDB_EPL_DATA.getFirst().page();
    public static final int COMMAND_ID = CdbPages.CDB_COMMAND_ID.offset();
    /** The byte whose write triggers a command (the low byte of CMDID). */
    public static final int TRIGGER = COMMAND_ID + 1;
    public static final int EPL_LENGTH = CdbPages.CDB_EPL_LENGTH.offset();
    public static final int LPL_LENGTH = CdbPages.CDB_LPL_LENGTH.offset();
    public static final int CHECK_CODE = CdbPages.CDB_CHECK_CODE.offset();
    public static final int REPLY_LENGTH = CdbPages.CDB_REPLY_LENGTH.offset();
    public static final int REPLY_CHECK_CODE = CdbPages.CDB_REPLY_CHECK_CODE.offset();
    /** First byte of the local payload (command parameters in, reply out). */
    public static final int LPL = CdbPages.CDB_LOCAL_PAYLOAD.offset();
    public static final int MAX_LPL = CdbPages.CDB_LOCAL_PAYLOAD.byteLength();
    /** First byte of the extended payload on each EPL page. */
    public static final int EPL_DATA = CdbPages.CDB_EPL_DATA.getFirst().offset();
    public static final int EPL_PAGE_SIZE = CdbPages.CDB_EPL_DATA.getFirst().byteLength();
    public static final int MAX_EPL = EPL_PAGE_SIZE * Pages.CDB_EPL_PAGES;
    /** CdbMaxPagesEpl (01h:163 bits 3-0) of a module with all 16 EPL pages A0h–AFh (codes above 4 are not counts). */
    public static final int EPL_PAGES_CODE_ALL = 7;

    /**
     * The page-9Fh image of a request, indexed by byte address: CMDID, EPLLength, LPLLength, the check code and the
     * LPL. A host writes {@code EPL_LENGTH .. LPL+lpl.length} first, then CMDID.
     */
    public static byte[] request(int command, byte[] lpl, int eplLength) {
        if (lpl.length > MAX_LPL) throw new IllegalArgumentException("LPL longer than " + MAX_LPL + " bytes");
        if (eplLength < 0 || eplLength > MAX_EPL) throw new IllegalArgumentException("EPL longer than " + MAX_EPL + " bytes");
        byte[] page = new byte[256];
        CdbBytes.put16(page, COMMAND_ID, command);
        CdbBytes.put16(page, EPL_LENGTH, eplLength);
        page[LPL_LENGTH] = (byte) lpl.length;
        System.arraycopy(lpl, 0, page, LPL, lpl.length);
        page[CHECK_CODE] = (byte) CdbCommand.checkCode(page, lpl.length);
        return page;
    }

    /** The local payload of the request in a page-9Fh image (LPLLength bytes from 136); LPLLength must fit the LPL. */
    public static byte[] localPayload(byte[] page9f) {
        int length = page9f[LPL_LENGTH] & 0xFF;
        if (length > MAX_LPL) throw new CdbFormatException("LPLLength " + length + " is more than " + MAX_LPL);
        return Arrays.copyOfRange(page9f, LPL, LPL + length);
    }

    /**
     * How many EPL pages (from A0h) a CdbMaxPagesEpl code (01h:163 bits 3-0) advertises: 0–4 as is, then 8, 12, 16
     * (cmis-digest §3.2: the codes above 4 are not counts).
     */
    public static int eplPageCount(int code) {
        return switch (code) {
            case 0, 1, 2, 3, 4 -> code;
            case 5 -> 8;
            case 6 -> 12;
            case EPL_PAGES_CODE_ALL -> Pages.CDB_EPL_PAGES;
            default -> throw new IllegalArgumentException("CdbMaxPagesEpl code " + code + " is reserved");
        };
    }

    /** The EPL pages A0h–AFh. */
    public static List<Integer> eplPages() {
        return IntStream.rangeClosed(Pages.CDB_EPL_FIRST, Pages.CDB_EPL_LAST).boxed().toList();
    }

    /** Puts a reply into a page-9Fh image: the payload from 136, RPLLength and RPLChkCode. */
    public static void putReply(byte[] page9f, byte[] reply) {
        if (reply.length > MAX_LPL) throw new IllegalArgumentException("reply longer than " + MAX_LPL + " bytes");
        System.arraycopy(reply, 0, page9f, LPL, reply.length);
        page9f[REPLY_LENGTH] = (byte) reply.length;
        page9f[REPLY_CHECK_CODE] = (byte) replyCheckCode(reply);
    }

    /** RPLChkCode of a reply payload: the ones' complement of its byte sum. */
    public static int replyCheckCode(byte[] reply) { return Codecs.onesComplementChecksum(reply, 0, reply.length); }

    /** The big-endian U16 at byte {@code at} of a page image (CMDID, EPLLength). */
    public static int u16(byte[] page, int at) { return CdbBytes.u16(page, at); }
}
