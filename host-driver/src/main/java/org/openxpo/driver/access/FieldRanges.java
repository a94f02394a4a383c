package org.openxpo.driver.access;

import org.openxpo.protocol.map.ByteRules;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.openxpo.protocol.map.ManagementInterface.UPPER_PAGE_START;
import static org.openxpo.protocol.map.ManagementInterface.WINDOW_SIZE;

/**
 * The reads that fetch a set of fields of one page: the bytes they cover, with ranges closer than a few bytes joined
 * into one read unless the bytes between them hold latched flags (reading those would clear flags nobody asked for).
 * A read never spans the lower and the upper page.
 */
final class FieldRanges {
    private FieldRanges() {}

    /** Bytes {@code [from, from + length)} of a page, read in one transfer. */
    record Range(int from, int length) {}

    /** Bytes of a gap between two wanted ranges that are read rather than split into a second transfer. */
    static final int MERGE_GAP = 8;
    private static final MemoryMap MAP = MemoryMap.xpo();

    static List<Range> of(int page, List<Field> fields) {
        BitSet want = new BitSet(WINDOW_SIZE);   // one bit per byte address of the window
        for (Field f : fields) {
            int from = Math.max(0, f.offset()), to = Math.min(WINDOW_SIZE, f.offset() + f.byteLength());
            if (from < to) want.set(from, to);
        }
        BitSet latched = latchedMask(page);
        List<Range> out = new ArrayList<>();
        int from = -1, to = -1;   // the read being built: [from, to)
        for (int a = want.nextSetBit(0); a >= 0; ) {
            int end = want.nextClearBit(a);
            if (a < UPPER_PAGE_START && end > UPPER_PAGE_START) end = UPPER_PAGE_START;
            if (from >= 0 && a <= to + MERGE_GAP && sameHalf(from, end - 1) && !anySet(latched, to, a)) {
                to = end;
            } else {
                if (from >= 0) out.add(new Range(from, to - from));
                from = a;
                to = end;
            }
            a = end >= WINDOW_SIZE ? -1 : want.nextSetBit(end);
        }
        if (from >= 0) out.add(new Range(from, to - from));
        return out;
    }

    private static boolean sameHalf(int a, int b) { return (a < UPPER_PAGE_START) == (b < UPPER_PAGE_START); }

    /** Page numbers a PageSelect byte can hold. */
    private static final int PAGE_NUMBERS = 1 << Byte.SIZE;
    /** Per page, one bit per byte address that holds latched (clear-on-read) bits, or of an undeclared page; never changed once made. */
    private static final AtomicReferenceArray<BitSet> LATCHED = new AtomicReferenceArray<>(PAGE_NUMBERS);

    private static BitSet latchedMask(int page) {
        BitSet m = LATCHED.get(page & 0xFF);
        if (m == null) {
            m = new BitSet(WINDOW_SIZE);
            ByteRules upper = MAP.page(page).map(PageDef::rules).orElse(null);
            for (int a = 0; a < WINDOW_SIZE; a++) {
                ByteRules rules = a < UPPER_PAGE_START ? MAP.lowerRules() : upper;
                if (rules == null || rules.clearOnReadMask(a) != 0) m.set(a);
            }
            LATCHED.set(page & 0xFF, m);
        }
        return m;
    }

    /** True when any bit in [from, to) is set. */
    private static boolean anySet(BitSet bits, int from, int to) {
        int next = bits.nextSetBit(from);
        return next >= 0 && next < to;
    }
}
