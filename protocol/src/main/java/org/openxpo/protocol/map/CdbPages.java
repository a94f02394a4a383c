package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The CDB command page 9Fh and its extended payload pages A0h–AFh (cmis-digest §5.1). One CDB instance (bank 0).
 * The payloads and replies carried in the local payload are declared in {@code org.openxpo.protocol.cdb}.
 */
public final class CdbPages {
    private CdbPages() {}

    static final PageBuilder PAGE = new PageBuilder(Pages.CDB, 1, "CDB command and local payload",
        "CDB instance 1: command header, LPL in, RPL out");

    public static final Field CDB_COMMAND_ID =
        PAGE.bytes("CdbCommandId", 128, 2, RW, CODE, "CMDID; a write that includes byte 129 triggers the command");
    public static final Field CDB_EPL_LENGTH =
        PAGE.bytes("CdbEplLength", 130, 2, RW, COUNT, "bytes of extended payload in A0h.. (≤ 2048)");
    public static final Field CDB_LPL_LENGTH =
        PAGE.bytes("CdbLplLength", 132, 1, RW, COUNT, "bytes of local payload at 136.. (≤ 120)");
    public static final Field CDB_CHECK_CODE =
        PAGE.bytes("CdbCheckCode", 133, 1, RW, RAW, "ones' complement of the sum of 128..135+LPLLength, 133 as 0");
    public static final Field CDB_REPLY_LENGTH =
        PAGE.bytes("CdbReplyLength", 134, 1, RW, COUNT, "reply payload length, written by the module");
    public static final Field CDB_REPLY_CHECK_CODE =
        PAGE.bytes("CdbReplyCheckCode", 135, 1, RW, RAW, "ones' complement of the reply payload sum, written by the module");
    public static final Field CDB_LOCAL_PAYLOAD =
        PAGE.bytes("CdbLocalPayload", 136, 120, RW, RAW, "command payload in, reply payload out");

    /** One declaration per EPL page, A0h first. */
    static final List<PageBuilder> EPL_PAGES = new ArrayList<>();

    /** {@code CdbEplData0} … {@code CdbEplData15}: the 128 bytes of each EPL page, index i on page A0h+i. */
    public static final List<Field> CDB_EPL_DATA = eplData();

    private static List<Field> eplData() {
        List<Field> out = new ArrayList<>();
        for (int index = 0; index < Pages.CDB_EPL_PAGES; index++) {
            PageBuilder epl = new PageBuilder(Pages.CDB_EPL_FIRST + index, 1,
                String.format("CDB extended payload %d", index), "128 bytes of the extended payload");
            out.add(epl.bytes("CdbEplData" + index, 128, 128, RW, RAW,
                String.format("EPL bytes %d–%d", 128 * index, 128 * index + 127)));
            EPL_PAGES.add(epl);
        }
        return List.copyOf(out);
    }
}
