package org.openxpo.protocol.cdb;

import org.openxpo.protocol.map.MemoryMap;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the CDB header and payloads sit, read from the declared map (page 9Fh, EPL pages A0h–AFh), and the request
 * image a host writes. Emulator and driver both use it, so no CDB offset is typed twice.
 */
public final class CdbPage {
    private CdbPage() {}

    private static final MemoryMap MAP = MemoryMap.xpo();

    public static final int PAGE = MAP.field("CdbCommandId").page();
    public static final int EPL_FIRST_PAGE = MAP.field("CdbEplData0").page();
    public static final int COMMAND_ID = MAP.field("CdbCommandId").offset();
    /** The byte whose write triggers a command (the low byte of CMDID). */
    public static final int TRIGGER = COMMAND_ID + 1;
    public static final int EPL_LENGTH = MAP.field("CdbEplLength").offset();
    public static final int LPL_LENGTH = MAP.field("CdbLplLength").offset();
    public static final int CHECK_CODE = MAP.field("CdbCheckCode").offset();
    public static final int REPLY_LENGTH = MAP.field("CdbReplyLength").offset();
    public static final int REPLY_CHECK_CODE = MAP.field("CdbReplyCheckCode").offset();
    /** First byte of the local payload (command parameters in, reply out). */
    public static final int LPL = MAP.field("CdbLocalPayload").offset();
    public static final int MAX_LPL = MAP.field("CdbLocalPayload").byteLength();
    public static final int EPL_PAGE_SIZE = MAP.field("CdbEplData0").byteLength();
    public static final int EPL_PAGE_COUNT = 16;
    public static final int MAX_EPL = EPL_PAGE_SIZE * EPL_PAGE_COUNT;
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
        page[COMMAND_ID] = (byte) (command >> 8);
        page[COMMAND_ID + 1] = (byte) command;
        page[EPL_LENGTH] = (byte) (eplLength >> 8);
        page[EPL_LENGTH + 1] = (byte) eplLength;
        page[LPL_LENGTH] = (byte) lpl.length;
        System.arraycopy(lpl, 0, page, LPL, lpl.length);
        page[CHECK_CODE] = (byte) CdbCommand.checkCode(page, lpl.length);
        return page;
    }

    /** True for the CDB pages (9Fh and the EPL pages), where writes may be 8·(1+CdbReadWriteLengthExt) bytes long. */
    public static boolean isCdbPage(int page) {
        return page == PAGE || (page >= EPL_FIRST_PAGE && page < EPL_FIRST_PAGE + EPL_PAGE_COUNT);
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
            case EPL_PAGES_CODE_ALL -> EPL_PAGE_COUNT;
            default -> throw new IllegalArgumentException("CdbMaxPagesEpl code " + code + " is reserved");
        };
    }

    /** The EPL pages A0h–AFh. */
    public static List<Integer> eplPages() {
        return IntStream.range(EPL_FIRST_PAGE, EPL_FIRST_PAGE + EPL_PAGE_COUNT).boxed().toList();
    }

    /** The longest ReadWriteLengthExt CMIS allows on the LPL page: 8·(1+15) = 128 bytes, the whole upper page. */
    public static final int MAX_PAGE_READ_WRITE_LENGTH_EXT = 15;

    /**
     * The longest write, in bytes after the register address, a module advertising CdbReadWriteLengthExt {@code ext}
     * (01h:164, refined by byte 140 of the 0041h reply) takes on a CDB page: 8·(1+ext), at most one upper page
     * (cmis-digest §3.2: the LPL page uses min(ext, 15); an EPL write never crosses a page here either).
     */
    public static int writeLimit(int readWriteLengthExt) {
        if (readWriteLengthExt < 0 || readWriteLengthExt > 0xFF) {
            throw new IllegalArgumentException("ReadWriteLengthExt is one byte, not " + readWriteLengthExt);
        }
        return 8 * (1 + Math.min(readWriteLengthExt, MAX_PAGE_READ_WRITE_LENGTH_EXT));
    }

    public static int u16(byte[] page, int at) { return ((page[at] & 0xFF) << 8) | (page[at + 1] & 0xFF); }
}
