package org.openxpo.emulator.module;

import org.openxpo.protocol.map.ByteRules;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

import static org.openxpo.protocol.map.ManagementInterface.BANK_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.PAGE_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.UPPER_PAGE_START;
import static org.openxpo.protocol.map.ManagementInterface.WINDOW_SIZE;

/**
 * The module's register file with CMIS host-access semantics, driven by the declared map: masked writes (read-only
 * bits keep their value, reserved bytes stay 0), self-clearing bits, clear-on-read flags, and the BankSelect /
 * PageSelect window. Firmware code uses the unchecked {@link #get}/{@link #set} accessors.
 *
 * <p>Upper pages are stored as window-sized arrays indexed by byte address (128–255) so declared field offsets apply
 * directly; lower memory is an array of its 128 bytes.
 */
public final class ModuleMemory {
    /** Firmware reaction to a host write: called once per written page/bank with the byte range, before self-clear. */
    public interface WriteListener {
        void onHostWrite(int page, int bank, int from, int toExclusive);
    }

    /** PageSelect is one byte: every page number indexes the storage directly. */
    private static final int PAGE_NUMBERS = 1 << Byte.SIZE;

    private final MemoryMap map;
    private final byte[] lower = new byte[UPPER_PAGE_START];
    /** Upper-page storage by page number, banks allocated on first use. */
    private final byte[][][] upper = new byte[PAGE_NUMBERS][][];
    private int page;
    private int bank;
    /** Declared pages this module does not implement (its advertisement leaves them out): selected, they revert. */
    private Set<Integer> withdrawn = Set.of();

    public ModuleMemory(MemoryMap map) {
        this.map = map;
    }

    public MemoryMap map() { return map; }

    /**
     * Leaves declared pages out of this module, as its advertisement does (e.g. the EPL pages of a module without EPL
     * writes): selecting one then behaves like selecting any unsupported page.
     */
    public void withdrawPages(Collection<Integer> pages) { withdrawn = Set.copyOf(pages); }

    /** Page currently shown at 128–255. */
    public int selectedPage() { return page; }

    /** Bank currently applied (0 for unbanked pages). */
    public int selectedBank() { return bank; }

    /** The storage that holds {@code field} (the lower page array or the page's bank array). */
    public byte[] region(Field field, int bank) {
        return field.lower() ? lower : pageArray(field.page(), bank);
    }

    /** Storage of upper page {@code page}, bank {@code bank}; allocated on first use (CDB EPL pages are rarely used). */
    public byte[] pageArray(int page, int bank) {
        byte[][] banks = page >= 0 && page < PAGE_NUMBERS ? upper[page] : null;
        if (banks == null) banks = allocatePage(page);
        if (bank < 0 || bank >= banks.length) {
            throw new IllegalArgumentException("page " + map.page(page).orElseThrow().label() + " has no bank " + bank);
        }
        byte[] a = banks[bank];
        if (a == null) banks[bank] = a = new byte[WINDOW_SIZE];
        return a;
    }

    /** The bank slots of a declared page, on its first use: the firmware's field accesses after it take no map look-up. */
    private byte[][] allocatePage(int page) {
        PageDef def = map.page(page).orElseThrow(() -> new IllegalArgumentException(String.format("no page %02Xh", page)));
        return upper[page] = new byte[Math.max(1, def.banks())][];
    }

    public byte[] lower() { return lower; }

    public long get(Field f, int bank, int i) { return f.get(region(f, bank), i); }

    public long get(Field f) { return get(f, 0, 0); }

    public void set(Field f, int bank, int i, long v) { f.set(region(f, bank), i, v); }

    public void set(Field f, long v) { set(f, 0, 0, v); }

    /** Latches a flag element (OR), as firmware does when a condition occurs. Returns true if it was not set. */
    public boolean latch(Field f, int bank, int i) {
        long before = get(f, bank, i);
        long all = (1L << f.bitWidth()) - 1;
        set(f, bank, i, all);
        return before != all;
    }

    /** Resets every declared field of every allocated region to its declared reset value (volatile state). */
    public void resetDeclared(Iterable<Field> fields) {
        for (Field f : fields) {
            int banks = f.lower() ? 1 : Math.max(1, map.page(f.page()).orElseThrow().banks());
            for (int b = 0; b < banks; b++) for (int i = 0; i < f.count(); i++) set(f, b, i, f.reset());
        }
    }

    /** Power-on state: all zero, page 00h selected. */
    public void clear() {
        Arrays.fill(lower, (byte) 0);
        Arrays.fill(upper, null);
        page = 0;
        bank = 0;
    }

    // ---------------------------------------------------------------- host access

    /**
     * A host read of {@code len} bytes from byte address {@code address}: returns the bytes and clears the latched
     * flag bits it returned (true if any were set). The address counter runs from 127 into the selected upper page and wraps from 255 to
     * 128 (it stays in the upper page; docs/xpo-profile.md).
     */
    public boolean hostRead(int address, byte[] out, int off, int len) {
        int a = address & 0xFF;
        boolean cleared = false;
        byte[] up = null;
        ByteRules upRules = null;
        for (int k = 0; k < len; k++) {
            byte[] arr;
            ByteRules rules;
            if (a < UPPER_PAGE_START) {
                arr = lower;
                rules = map.lowerRules();
            } else {
                if (up == null) {
                    up = pageArray(page, bank);
                    upRules = map.page(page).orElseThrow().rules();
                }
                arr = up;
                rules = upRules;
            }
            out[off + k] = arr[a];
            int cor = rules.clearOnReadMask(a);
            if (cor != 0 && (arr[a] & cor) != 0) {
                arr[a] &= (byte) ~cor;
                cleared = true;
            }
            a = next(a);
        }
        return cleared;
    }

    /**
     * A host write of {@code len} bytes at {@code address}. Bits the map does not declare writable keep their value;
     * a write that includes byte 127 applies PageSelect together with any pending BankSelect; with BankBroadcastEnable
     * a write to page 10h goes to every bank. The listener runs before self-clearing bits fall back to 0.
     */
    public void hostWrite(int address, byte[] data, int off, int len, WriteListener listener) {
        int start = address & 0xFF;
        boolean broadcast = LowerPage.BANK_BROADCAST_ENABLE.get(lower, 0) == 1
            && ManagementInterface.bankBroadcastApplies(page);
        int firstBank = broadcast ? 0 : bank;
        int lastBank = broadcast ? map.page(page).orElseThrow().banks() - 1 : bank;
        // The lower part and the selected page's part are applied separately (a write may span 127→128).
        int lowerLen = start < UPPER_PAGE_START ? Math.min(len, UPPER_PAGE_START - start) : 0;
        if (lowerLen > 0) {
            applyMasked(lower, map.lowerRules(), start, data, off, lowerLen);
            boolean selectsPage = start + lowerLen > PAGE_SELECT;
            if (selectsPage) applyPageSelect();
            listener.onHostWrite(0, 0, start, start + lowerLen);
            clearSelfClearing(lower, map.lowerRules(), start, start + lowerLen);
        }
        int upperLen = len - lowerLen;
        if (upperLen <= 0) return;
        int upperStart = start + lowerLen;
        int pageNow = page;
        PageDef def = map.page(pageNow).orElseThrow();
        for (int b = firstBank; b <= lastBank; b++) {
            byte[] arr = pageArray(pageNow, b);
            int a = upperStart;
            for (int k = 0; k < upperLen; k++) {
                writeByte(arr, def.rules(), a, data[off + lowerLen + k]);
                a = next(a);
            }
            int end = Math.min(WINDOW_SIZE, upperStart + upperLen);
            listener.onHostWrite(pageNow, b, upperStart, end);
            clearSelfClearing(arr, def.rules(), upperStart, end);
            int wrapped = upperStart + upperLen - WINDOW_SIZE;
            if (wrapped > 0) {
                listener.onHostWrite(pageNow, b, UPPER_PAGE_START, UPPER_PAGE_START + wrapped);
                clearSelfClearing(arr, def.rules(), UPPER_PAGE_START, UPPER_PAGE_START + wrapped);
            }
        }
    }

    /** The address after {@code address}: the counter runs from lower memory into the upper page, then wraps in it. */
    static int next(int address) { return address == WINDOW_SIZE - 1 ? UPPER_PAGE_START : address + 1; }

    /** The address {@code n} bytes after {@code address}, as {@link #next} counts. */
    static int advance(int address, int n) {
        int a = address;
        for (int k = 0; k < n; k++) a = next(a);
        return a;
    }

    private static void applyMasked(byte[] arr, ByteRules rules, int start, byte[] data, int off, int len) {
        for (int k = 0; k < len; k++) writeByte(arr, rules, start + k, data[off + k]);
    }

    private static void writeByte(byte[] arr, ByteRules rules, int a, byte value) {
        int mask = rules.writableMask(a);
        if (mask != 0) arr[a] = (byte) ((arr[a] & ~mask) | (value & mask));
    }

    private static void clearSelfClearing(byte[] arr, ByteRules rules, int from, int to) {
        for (int a = from; a < to; a++) {
            int sc = rules.selfClearingMask(a);
            if (sc != 0) arr[a] &= (byte) ~sc;
        }
    }

    /**
     * Applies PageSelect (and the pending BankSelect). Unsupported selections revert to a valid one: an unknown page
     * shows page 00h (127 reads back 0); an unknown bank of a banked page reverts to bank 0 (126 reads back 0); a bank
     * is ignored for unbanked pages (CMIS) but 126 keeps what the host wrote.
     */
    private void applyPageSelect() {
        int wantPage = lower[PAGE_SELECT] & 0xFF;
        int wantBank = lower[BANK_SELECT] & 0xFF;
        PageDef def = withdrawn.contains(wantPage) ? null : map.page(wantPage).orElse(null);
        if (def == null) {
            lower[PAGE_SELECT] = 0;
            page = 0;
            bank = 0;
            return;
        }
        page = wantPage;
        if (!def.banked()) {
            bank = 0;
        } else if (def.acceptsBank(wantBank)) {
            bank = wantBank;
        } else {
            lower[BANK_SELECT] = 0;
            bank = 0;
        }
    }
}
