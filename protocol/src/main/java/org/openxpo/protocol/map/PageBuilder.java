package org.openxpo.protocol.map;

import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.units.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small DSL the page declarations use: one line per field, in address order, each returning the {@link Field} it
 * declares so the page class keeps it as a constant. The builder records the fields in declaration order, and the
 * relations declared with them: a prefix ({@link #reset}, {@link #activeIn}) applies to the next field declared, and
 * a mask ({@link #mask}) names its flag and takes the flag's shape.
 */
final class PageBuilder {
    private final int page;
    private final int banks;
    private final String title;
    private final String summary;
    private final List<Field> fields = new ArrayList<>();
    private final Map<Field, Field> maskOfFlag = new LinkedHashMap<>();
    private final Map<Field, Field> activeOfStaged = new LinkedHashMap<>();
    private final List<ThresholdSet> thresholdSets = new ArrayList<>();
    private final List<FieldView> views = new ArrayList<>();
    private long pendingReset;
    private Field pendingActive;

    /** A page declaration; {@code banks} 0 for an unbanked page, else how many banks the module implements. */
    PageBuilder(int page, int banks, String title, String summary) {
        this.page = page;
        this.banks = banks;
        this.title = title;
        this.summary = summary;
    }

    /** Lower memory (bytes 0–127): fields only, no page of its own. */
    static PageBuilder lowerMemory() { return new PageBuilder(Pages.LOWER_MEMORY, 0, "Lower memory", ""); }

    /** The next field resets to {@code value} (every element), not 0. */
    PageBuilder reset(long value) {
        pendingReset = value;
        return this;
    }


    /** The next field is a staged control (SCS0) that ApplyDPInit copies into the active-control-set field {@code active}. */
    PageBuilder activeIn(Field active) {
        pendingActive = active;
        return this;
    }

    /** A field of {@code bytes} whole bytes. */
    Field bytes(String name, int offset, int bytes, Access access, Unit unit, String description) {
        return add(name, offset, 0, 8 * bytes, 1, access, unit, description);
    }

    /** A bit range {@code hi..lo} of one byte. */
    Field bits(String name, int offset, int hi, int lo, Access access, Unit unit, String description) {
        return add(name, offset, lo, hi - lo + 1, 1, access, unit, description);
    }

    /** A single bit. */
    Field bit(String name, int offset, int bit, Access access, String description) {
        return bits(name, offset, bit, bit, access, Unit.BITS, description);
    }

    /** One element of {@code bytesEach} bytes per lane of the bank. */
    Field laneBytes(String name, int offset, int bytesEach, Access access, Unit unit, String description) {
        return add(name, offset, 0, 8 * bytesEach, Lanes.PER_BANK, access, unit, description);
    }

    /** {@code bitsEach} bits per lane of the bank, lane 1 in the lowest bits of {@code offset}. */
    Field laneBits(String name, int offset, int bitsEach, Access access, Unit unit, String description) {
        return add(name, offset, 0, bitsEach, Lanes.PER_BANK, access, unit, description);
    }

    /** {@code count} repeated elements of {@code bitsEach} bits, element 0 in the lowest bits of {@code offset}. */
    Field bitArray(String name, int offset, int bitsEach, int count, Access access, Unit unit, String description) {
        return add(name, offset, 0, bitsEach, count, access, unit, description);
    }

    /** {@code count} repeated elements of {@code bytesEach} bytes (descriptor tables). */
    Field array(String name, int offset, int bytesEach, int count, Access access, Unit unit, String description) {
        return add(name, offset, 0, 8 * bytesEach, count, access, unit, description);
    }

    /**
     * A bitmap of {@code count} bits over {@code (count + 7) / 8} bytes in which element k is bit k % 8 of byte
     * {@code offset + k / 8}: the little-endian capability bitmaps of page 13h (element k = pattern ID k).
     */
    Field bitmap(String name, int offset, int count, Access access, String description) {
        return add(name, offset, 0, 1, count, access, Unit.BITS, description);
    }

    /**
     * A view of part of {@code area} (a declared field) that holds this meaning only while {@code selector} holds
     * {@code code}: one element of {@code bytesEach} bytes per lane of the bank. Views are not fields of the page
     * (their bytes belong to {@code area}, whose access rules apply); the page lists them with its fields.
     */
    Field view(Field area, Field selector, int code, String name, int offset, int bytesEach, Unit unit, String description) {
        Field f = new Field(name, page, offset, 0, 8 * bytesEach, Lanes.PER_BANK, area.access(), unit, 0, description);
        if (f.offset() < area.offset() || f.offset() + f.byteLength() > area.offset() + area.byteLength())
            throw new IllegalStateException(name + " is not inside " + area.name());
        views.add(new FieldView(f, area, selector, code));
        return f;
    }

    /**
     * The mask of latched flag {@code flag}, at {@code offset}: the flag's bits (each lane's, for a per-lane flag),
     * read-write, described by the flag's name; a set mask bit keeps the flag off IntL.
     */
    Field mask(Field flag, String name, int offset) {
        String description = (flag.bitWidth() == 1 ? "mask " : "masks for ") + flag.name();
        Field mask = add(name, offset, flag.bit(), flag.bitWidth(), flag.count(), Access.RW, Unit.BITS, description);
        maskOfFlag.put(flag, mask);
        return mask;
    }

    /**
     * The four thresholds of {@code monitored} (HighAlarm, LowAlarm, HighWarning, LowWarning, 2 bytes each, read-only)
     * named {@code monitor} + the kind.
     */
    ThresholdSet thresholds(String monitor, int offset, Unit unit, String what, Field monitored) {
        return thresholds(monitor, offset, unit, what, monitored, List.of());
    }

    /** As above, for a monitor whose latched flags are one field per kind ({@code flags}, in kind order). */
    ThresholdSet thresholds(String monitor, int offset, Unit unit, String what, Field monitored, List<Field> flags) {
        List<Field> set = new ArrayList<>();
        for (ThresholdKind k : ThresholdKind.values()) {
            set.add(bytes(monitor + k.cmisName(), offset + k.offsetInSet(), 2, Access.RO, unit,
                what + " " + splitCamel(k.cmisName()) + " threshold"));
        }
        ThresholdSet s = new ThresholdSet(monitor, monitored, set, flags);
        thresholdSets.add(s);
        return s;
    }

    private Field add(String name, int offset, int bit, int bitWidth, int count, Access access, Unit unit,
                      String description) {
        Field f = new Field(name, page, offset, bit, bitWidth, count, access, unit, pendingReset, description);
        fields.add(f);
        if (pendingActive != null) activeOfStaged.put(f, pendingActive);
        pendingReset = 0;
        pendingActive = null;
        return f;
    }

    int page() { return page; }

    List<Field> fields() { return List.copyOf(fields); }

    /** Flag → its mask, for the masks declared on this page. */
    Map<Field, Field> masks() { return maskOfFlag; }

    /** Staged field → its active counterpart, for the staged fields declared on this page. */
    Map<Field, Field> actives() { return activeOfStaged; }

    List<ThresholdSet> thresholdSets() { return List.copyOf(thresholdSets); }

    List<FieldView> views() { return List.copyOf(views); }

    PageDef build() {
        List<Field> list = fields();
        for (Field f : list) {
            if (f.lower()) throw new IllegalStateException(f.name() + " is in the lower page, not upper " + page);
        }
        return new PageDef(page, banks, title, summary, list, views(), new ByteRules(MemoryMap.PAGE_SIZE, list));
    }

    static String splitCamel(String s) {
        return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
