package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;

import java.util.Optional;

/**
 * Which pages BankSelect (00h:126) applies to. The XPO map says so for its own pages; any other page follows CMIS:
 * pages below 10h are never banked, 10h and up are (custom pages of another maker's module included). The access layer
 * refuses pages outside the map, except through {@code RegisterAccess.readUnmapped}, which a caller uses after checking
 * the module's advertisement.
 */
public final class PageBanking {
    private PageBanking() {}

    private static final MemoryMap MAP = MemoryMap.xpo();
    /** BankSelect and PageSelect are one byte each. */
    private static final int BYTE_VALUES = 1 << Byte.SIZE;

    /** True when {@code page} is selected together with a bank. */
    public static boolean banked(int page) {
        Optional<PageDef> def = MAP.page(page);
        return def.isPresent() ? def.get().banked() : page >= Pages.LANE_CONTROL;
    }

    /** Checks {@code page}/{@code bank} against the XPO map; returns the bank the module applies (0 if unbanked). */
    static int effectiveBank(int page, int bank) {
        PageDef def = MAP.page(page).orElseThrow(
            () -> new XpoException.InvalidRequest(String.format("page %02Xh is not part of the XPO memory map", page)));
        int effectiveBank = def.banked() ? bank : 0;
        if (!def.acceptsBank(effectiveBank)) {
            throw new XpoException.InvalidRequest(String.format("page %02Xh has no bank %d", page, bank));
        }
        return effectiveBank;
    }

    /** The bank a page the map does not declare takes by CMIS's rule (0 below 10h); checks the page and bank bytes. */
    static int cmisBank(int page, int bank) {
        if (page < 0 || page >= BYTE_VALUES || bank < 0 || bank >= BYTE_VALUES) {
            throw new XpoException.InvalidRequest(String.format("page %d bank %d: both are one byte (0-255)", page, bank));
        }
        return banked(page) ? bank : 0;
    }
}
