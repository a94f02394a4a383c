package org.openxpo.protocol.map;

import org.openxpo.protocol.units.Unit;

import java.util.ArrayList;
import java.util.List;

/** Small DSL the page declarations use: one line per field, in address order. */
final class PageBuilder {
    private final int page;
    private final List<Field> fields = new ArrayList<>();

    PageBuilder(int page) { this.page = page; }

    /** A field of {@code bytes} whole bytes. */
    PageBuilder bytes(String name, int offset, int bytes, Access access, Unit unit, String description) {
        return add(new Field(name, page, offset, 0, 8 * bytes, 1, access, unit, 0, description));
    }

    /** A bit range {@code hi..lo} of one byte. */
    PageBuilder bits(String name, int offset, int hi, int lo, Access access, Unit unit, String description) {
        return add(new Field(name, page, offset, lo, hi - lo + 1, 1, access, unit, 0, description));
    }

    /** A single bit. */
    PageBuilder bit(String name, int offset, int bit, Access access, String description) {
        return bits(name, offset, bit, bit, access, Unit.BITS, description);
    }

    /** One element of {@code bytesEach} bytes per lane of the bank (8 lanes). */
    PageBuilder laneBytes(String name, int offset, int bytesEach, Access access, Unit unit, String description) {
        return add(new Field(name, page, offset, 0, 8 * bytesEach, 8, access, unit, 0, description));
    }

    /** {@code bitsEach} bits per lane of the bank, lane 1 in the lowest bits of {@code offset}. */
    PageBuilder laneBits(String name, int offset, int bitsEach, Access access, Unit unit, String description) {
        return add(new Field(name, page, offset, 0, bitsEach, 8, access, unit, 0, description));
    }

    /** {@code count} repeated elements of {@code bytesEach} bytes (descriptor tables). */
    PageBuilder array(String name, int offset, int bytesEach, int count, Access access, Unit unit, String description) {
        return add(new Field(name, page, offset, 0, 8 * bytesEach, count, access, unit, 0, description));
    }

    /** Sets the reset value of the field declared last. */
    PageBuilder reset(long value) {
        Field f = fields.removeLast();
        fields.add(new Field(f.name(), f.page(), f.offset(), f.bit(), f.bitWidth(), f.count(), f.access(), f.unit(),
                value, f.description()));
        return this;
    }

    /** The four threshold fields (HighAlarm, LowAlarm, HighWarning, LowWarning) of one monitor, 2 bytes each. */
    PageBuilder thresholds(String monitor, int offset, Unit unit, String what) {
        String[] kinds = {"HighAlarm", "LowAlarm", "HighWarning", "LowWarning"};
        for (int k = 0; k < 4; k++) {
            bytes(monitor + kinds[k], offset + 2 * k, 2, Access.RO, unit, what + " " + splitCamel(kinds[k]) + " threshold");
        }
        return this;
    }

    private PageBuilder add(Field f) {
        fields.add(f);
        return this;
    }

    List<Field> fields() { return List.copyOf(fields); }

    PageDef build(int banks, String title, String summary) {
        List<Field> list = fields();
        for (Field f : list) {
            if (f.lower()) throw new IllegalStateException(f.name() + " is in the lower page, not upper " + page);
        }
        return new PageDef(page, banks, title, summary, list, new ByteRules(128, list));
    }

    static String splitCamel(String s) {
        return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
