package org.openxpo.protocol.types;

import org.openxpo.protocol.map.MemoryMap;

import java.util.BitSet;

/** Lane/bank arithmetic: host lanes are numbered 1..64; bank b carries lanes 8b+1..8b+8. */
public final class Lanes {
    private Lanes() {}

    public static int bankOf(int lane) { check(lane); return (lane - 1) / MemoryMap.LANES_PER_BANK; }

    /** Index of the lane within its bank (0..7), the element index of a per-lane field. */
    public static int indexInBank(int lane) { check(lane); return (lane - 1) % MemoryMap.LANES_PER_BANK; }

    public static int lane(int bank, int index) { return bank * MemoryMap.LANES_PER_BANK + index + 1; }

    /** The 8-bit lane mask of {@code lanes} that fall in {@code bank}. */
    public static int bankMask(BitSet lanes, int bank) {
        int mask = 0;
        for (int i = 0; i < MemoryMap.LANES_PER_BANK; i++) if (lanes.get(lane(bank, i))) mask |= 1 << i;
        return mask;
    }

    /** Parses "A-B", "A" or a comma list of those ("1-8,17") into lane numbers 1..64. */
    public static BitSet parse(String spec) {
        BitSet out = new BitSet();
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty lane list");
        for (String part : spec.split(",", -1)) {
            String p = part.trim();
            String[] ends = p.split("-", -1);
            if (ends.length > 2) throw new IllegalArgumentException("bad lane range '" + p + "'");
            int a = parseLane(ends[0]);
            int b = ends.length == 2 ? parseLane(ends[1]) : a;
            if (b < a) throw new IllegalArgumentException("lane range '" + p + "' runs backwards");
            out.set(a, b + 1);
        }
        return out;
    }

    private static int parseLane(String s) {
        try {
            int lane = Integer.parseInt(s.trim());
            check(lane);
            return lane;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.trim() + "' is not a lane number (1-" + MemoryMap.LANES + ")");
        }
    }

    public static void check(int lane) {
        if (lane < 1 || lane > MemoryMap.LANES)
            throw new IllegalArgumentException("lane " + lane + " is outside 1-" + MemoryMap.LANES);
    }
}
