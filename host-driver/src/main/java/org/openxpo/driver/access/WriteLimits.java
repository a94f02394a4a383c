package org.openxpo.driver.access;

import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;

/**
 * The longest write a module takes, in bytes after the register address: the CMIS general limit everywhere, and on
 * the CDB pages (9Fh, A0h–AFh) 8·(1+ReadWriteLengthExt) as the module advertises it (01h:164, refined by 0041h).
 */
record WriteLimits(int cdbPages) {
    static final int GENERAL = ManagementInterface.GENERAL_WRITE_LIMIT;
    /** For batches that write no CDB page (the CDB advertisement is then not needed). */
    static final WriteLimits GENERAL_ONLY = new WriteLimits(GENERAL);

    WriteLimits {
        if (cdbPages < GENERAL) throw new IllegalArgumentException("CDB page write limit " + cdbPages + " < " + GENERAL);
    }

    /** Limits of a module advertising {@code readWriteLengthExt}. */
    static WriteLimits advertised(int readWriteLengthExt) { return new WriteLimits(ManagementInterface.cdbWriteLimit(readWriteLengthExt)); }

    /** The limit for a write starting at byte {@code at} (0–255) with {@code page} selected. */
    int at(int page, int at) { return onCdbPage(page, at) ? cdbPages : GENERAL; }

    /** True when a write at {@code at} of {@code page} lands on a CDB page, where the advertised limit applies. */
    static boolean onCdbPage(int page, int at) {
        return at >= ManagementInterface.UPPER_PAGE_START && Pages.isCdb(page);
    }
}
