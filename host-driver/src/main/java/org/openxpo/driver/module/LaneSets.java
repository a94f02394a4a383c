package org.openxpo.driver.module;

import java.util.BitSet;

/** Lane sets (BitSet of host lanes 1–64) as people write them: "1-8,17,20-21". */
public final class LaneSets {
    private LaneSets() {}

    public static String format(BitSet lanes) {
        StringBuilder sb = new StringBuilder();
        for (int a = lanes.nextSetBit(0); a >= 0; ) {
            int b = lanes.nextClearBit(a) - 1;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(a == b ? Integer.toString(a) : a + "-" + b);
            a = lanes.nextSetBit(b + 1);
        }
        return sb.toString();
    }

    /** "lane 3" or "lanes 1-8". */
    public static String describe(BitSet lanes) {
        return (lanes.cardinality() == 1 ? "lane " : "lanes ") + format(lanes);
    }

    public static BitSet range(int first, int last) {
        BitSet b = new BitSet();
        b.set(first, last + 1);
        return b;
    }
}
