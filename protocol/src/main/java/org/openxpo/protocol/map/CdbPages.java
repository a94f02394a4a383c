package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

/** The CDB command page 9Fh and its extended payload pages A0h–AFh (cmis-digest §5.1). One CDB instance (bank 0). */
final class CdbPages {
    private CdbPages() {}

    static final int EPL_FIRST = 0xA0;
    static final int EPL_PAGES = 16;

    static PageDef page9F() {
        return new PageBuilder(0x9F)
            .bytes("CdbCommandId", 128, 2, RW, CODE, "CMDID; a write that includes byte 129 triggers the command")
            .bytes("CdbEplLength", 130, 2, RW, COUNT, "bytes of extended payload in A0h.. (≤ 2048)")
            .bytes("CdbLplLength", 132, 1, RW, COUNT, "bytes of local payload at 136.. (≤ 120)")
            .bytes("CdbCheckCode", 133, 1, RW, RAW, "ones' complement of the sum of 128..135+LPLLength, 133 as 0")
            .bytes("CdbReplyLength", 134, 1, RW, COUNT, "reply payload length, written by the module")
            .bytes("CdbReplyCheckCode", 135, 1, RW, RAW, "ones' complement of the reply payload sum, written by the module")
            .bytes("CdbLocalPayload", 136, 120, RW, RAW, "command payload in, reply payload out")
            .build(1, "CDB command and local payload", "CDB instance 1: command header, LPL in, RPL out");
    }

    static PageDef epl(int index) {
        int page = EPL_FIRST + index;
        return new PageBuilder(page)
            .bytes("CdbEplData" + index, 128, 128, RW, RAW, String.format("EPL bytes %d–%d", 128 * index, 128 * index + 127))
            .build(1, String.format("CDB extended payload %d", index), "128 bytes of the extended payload");
    }
}
