package org.openxpo.driver.access;

import org.openxpo.protocol.cdb.CdbPage;

/**
 * The longest write a module takes, in bytes after the register address: the CMIS general limit everywhere, and on
 * the CDB pages (9Fh, A0h–AFh) 8·(1+ReadWriteLengthExt) as the module advertises it (01h:164, refined by 0041h).
 */
record WriteLimits(int cdbPages) {
    /** CMIS general write limit. */
    static final int GENERAL = 8;
    /** For batches that write no CDB page (the CDB advertisement is then not needed). */
    static final WriteLimits GENERAL_ONLY = new WriteLimits(GENERAL);

    WriteLimits {
        if (cdbPages < GENERAL) throw new IllegalArgumentException("CDB page write limit " + cdbPages + " < " + GENERAL);
    }

    /** Limits of a module advertising {@code readWriteLengthExt}. */
    static WriteLimits advertised(int readWriteLengthExt) { return new WriteLimits(CdbPage.writeLimit(readWriteLengthExt)); }

    /** The limit for a write starting at byte {@code at} (0–255) with {@code page} selected. */
    int at(int page, int at) { return onCdbPage(page, at) ? cdbPages : GENERAL; }

    /** True when a write at {@code at} of {@code page} lands on a CDB page, where the advertised limit applies. */
    static boolean onCdbPage(int page, int at) { return at >= 128 && CdbPage.isCdbPage(page); }
}
