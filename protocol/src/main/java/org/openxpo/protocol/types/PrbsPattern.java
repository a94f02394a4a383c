package org.openxpo.protocol.types;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PRBS pattern IDs of the diagnostics pages (telemetry-and-diagnostics §2.1): the 4-bit code a generator or checker
 * pattern-select nibble holds on page 13h, and bit {@code code} of the 16-bit supported-pattern bitmaps (13h:132–139).
 * Code 13 is reserved. FBOSS's API numbers (PRBS31Q = 131, …) are not register values.
 */
public enum PrbsPattern {
    PRBS31Q(0), PRBS31(1), PRBS23Q(2), PRBS23(3), PRBS15Q(4), PRBS15(5), PRBS13Q(6), PRBS13(7), PRBS9Q(8), PRBS9(9),
    PRBS7Q(10), PRBS7(11), SSPRQ(12),
    /** Vendor-defined pattern. */
    CUSTOM(14),
    /** The host's pattern in 13h:224–255. */
    USER(15);

    private final int code;

    PrbsPattern(int code) { this.code = code; }

    /** The register code (pattern ID). */
    public int code() { return code; }

    /** The pattern of register code {@code code}; empty for the reserved code 13 and codes outside 0–15. */
    public static Optional<PrbsPattern> fromCode(int code) {
        for (PrbsPattern p : values()) if (p.code == code) return Optional.of(p);
        return Optional.empty();
    }

    /** The pattern named {@code name} ("PRBS31Q", case-insensitive); a clear error lists the names. */
    public static PrbsPattern parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown PRBS pattern '" + name + "': use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    /** The 16-bit supported-pattern bitmap of {@code patterns} (bit k = pattern ID k). */
    public static int bitmap(Set<PrbsPattern> patterns) {
        int bits = 0;
        for (PrbsPattern p : patterns) bits |= 1 << p.code;
        return bits;
    }

    /** The patterns a 16-bit supported-pattern bitmap advertises (the reserved bit 13 ignored). */
    public static Set<PrbsPattern> fromBitmap(int bitmap) {
        EnumSet<PrbsPattern> set = EnumSet.noneOf(PrbsPattern.class);
        for (PrbsPattern p : values()) if ((bitmap & (1 << p.code)) != 0) set.add(p);
        return set;
    }
}
