package org.openxpo.driver.access;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;

import java.util.Optional;

/**
 * Which pages BankSelect (00h:126) applies to. The XPO map says so for its own pages; any other page follows CMIS:
 * pages below 10h are never banked, 10h and up are (custom pages of another maker's module included), so the
 * access layer can reach every page a CMIS module may advertise, not only the XPO map's.
 */
public final class PageBanking {
    private PageBanking() {}

    private static final MemoryMap MAP = MemoryMap.xpo();
    /** BankSelect is one byte. */
    private static final int BANK_SELECT_VALUES = 1 << Byte.SIZE;

    /** True when {@code page} is selected together with a bank. */
    public static boolean banked(int page) {
        Optional<PageDef> def = MAP.page(page);
        return def.isPresent() ? def.get().banked() : page >= Pages.LANE_CONTROL;
    }

    /** Checks {@code page}/{@code bank}; returns the bank the module applies (0 if unbanked). */
    static int effectiveBank(int page, int bank) {
        if (page < 0 || page >= BANK_SELECT_VALUES) {
            throw new XpoException.InvalidRequest(String.format("page %d is outside 00h-FFh", page));
        }
        Optional<PageDef> def = MAP.page(page);
        int effectiveBank = banked(page) ? bank : 0;
        boolean accepted = def.isPresent() ? def.get().acceptsBank(effectiveBank)
            : effectiveBank >= 0 && effectiveBank < BANK_SELECT_VALUES;
        if (!accepted) throw new XpoException.InvalidRequest(String.format("page %02Xh has no bank %d", page, bank));
        return effectiveBank;
    }
}
