package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The latched-flag bytes of one part of the map with the mask byte of each, taken from the map's flag→mask relation
 * ({@link MemoryMap#flagMasks()}) once, so the interrupt check runs byte by byte on the page arrays. A mask has its
 * flag's shape, so every flag bit has the mask bit at the same position of the mask's byte; a map that broke this
 * fails here, when the class loads, not with a silently wrong IntL.
 */
final class MaskedFlagBytes {
    private final int[] flagAt;
    private final int[] maskAt;
    private final int[] bits;

    private MaskedFlagBytes(int[] flagAt, int[] maskAt, int[] bits) {
        this.flagAt = flagAt;
        this.maskAt = maskAt;
        this.bits = bits;
    }

    /** The flags {@code which} selects (with their masks) from the map's relation. */
    static MaskedFlagBytes of(MemoryMap map, Predicate<Field> which) {
        // flag byte address → {mask byte address, flag bits}
        Map<Integer, int[]> bytes = new TreeMap<>();
        for (Map.Entry<Field, Field> e : map.flagMasks().entrySet()) {
            Field flag = e.getKey(), mask = e.getValue();
            if (!which.test(flag)) continue;
            for (int i = 0; i < flag.count(); i++) {
                if (mask.elementMask(i) != flag.elementMask(i)) {
                    throw new IllegalStateException(mask.name() + " does not mask " + flag.name() + " bit for bit");
                }
                int maskByte = mask.elementOffset(i);
                int[] entry = bytes.computeIfAbsent(flag.elementOffset(i), a -> new int[] {maskByte, 0});
                if (entry[0] != maskByte) {
                    throw new IllegalStateException("the flags at " + flag.location() + " have masks in two bytes");
                }
                entry[1] |= flag.elementMask(i);
            }
        }
        int n = bytes.size(), k = 0;
        int[] flagAt = new int[n], maskAt = new int[n], bits = new int[n];
        for (Map.Entry<Integer, int[]> e : bytes.entrySet()) {
            flagAt[k] = e.getKey();
            maskAt[k] = e.getValue()[0];
            bits[k++] = e.getValue()[1];
        }
        return new MaskedFlagBytes(flagAt, maskAt, bits);
    }

    /** True when any of the flags is latched in {@code flags}. */
    boolean anyLatched(byte[] flags) {
        for (int k = 0; k < flagAt.length; k++) if ((flags[flagAt[k]] & bits[k]) != 0) return true;
        return false;
    }

    /** True when a latched flag in {@code flags} has its mask bit clear in {@code masks}: it asserts the interrupt. */
    boolean anyUnmasked(byte[] flags, byte[] masks) {
        for (int k = 0; k < flagAt.length; k++) {
            if ((flags[flagAt[k]] & ~masks[maskAt[k]] & bits[k]) != 0) return true;
        }
        return false;
    }

    /** True when the byte range [{@code from}, {@code to}) holds one of the masks. */
    boolean coversMask(int from, int to) {
        for (int a : maskAt) if (a >= from && a < to) return true;
        return false;
    }
}
