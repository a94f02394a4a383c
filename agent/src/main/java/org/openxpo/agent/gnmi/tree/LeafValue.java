package org.openxpo.agent.gnmi.tree;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The value of one YANG leaf, typed as its model declares it, so each encoding can write it the way its RFC asks. */
public sealed interface LeafValue {

    record Text(String value) implements LeafValue {}

    record Flag(boolean value) implements LeafValue {}

    /** An unsigned integer; {@code wide} for uint64, which RFC 7951 writes as a string. */
    record Unsigned(long value, boolean wide) implements LeafValue {}

    /** A decimal64 with {@code digits} fraction digits, already rounded to them. */
    record Decimal(BigDecimal value) implements LeafValue {}

    /** An identityref: JSON_IETF qualifies it with its module, JSON and PROTO send the bare name. */
    record Identity(YangModule module, String name) implements LeafValue {}

    /** An enumeration member. */
    record Enumeration(String name) implements LeafValue {}

    static LeafValue text(String s) { return s == null ? null : new Text(s); }

    static LeafValue flag(boolean b) { return new Flag(b); }

    static LeafValue uint(long v) { return new Unsigned(v, false); }

    /** A counter64 (uint64). */
    static LeafValue counter(long v) { return new Unsigned(v, true); }

    /**
     * A decimal64 rounded half-up to {@code digits}; a value that is not finite (a dark lane's −∞ dBm) has no decimal64
     * form and is clamped to {@code floor}.
     */
    static LeafValue decimal(double v, int digits, double floor) {
        double finite = Double.isFinite(v) ? Math.max(v, floor) : floor;
        return new Decimal(BigDecimal.valueOf(finite).setScale(digits, RoundingMode.HALF_UP));
    }

    /** A decimal64 of a quantity that is always finite (temperatures, volts, amperes). */
    static LeafValue decimal(double v, int digits) {
        return Double.isFinite(v) ? new Decimal(BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP)) : null;
    }
}
