package org.openxpo.protocol.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The XPO memory map, declared once: the lower page plus every upper page the module implements, each with its
 * fields. The emulator derives its access rules from it, the driver its addresses, the docs their tables.
 */
public final class MemoryMap {
    /** Banks of the lane pages: 8 banks × 8 lanes = 64 lanes (01h:142 BanksSupported = 3). */
    public static final int BANKS = 8;
    public static final int LANES_PER_BANK = 8;
    public static final int LANES = BANKS * LANES_PER_BANK;
    public static final int PAGE_SIZE = 128;

    private static final MemoryMap XPO = new MemoryMap();

    private final List<Field> lower;
    private final ByteRules lowerRules;
    private final Map<Integer, PageDef> pages;
    private final Map<String, Field> byName = new LinkedHashMap<>();

    private MemoryMap() {
        lower = LowerPage.fields();
        lowerRules = new ByteRules(0, lower);
        Map<Integer, PageDef> p = new TreeMap<>();
        for (PageDef def : List.of(AdminPages.page00(), AdminPages.page01(), AdminPages.page02(),
                LanePages.page10(BANKS), LanePages.page11(BANKS), CdbPages.page9F(),
                XpoPages.telemetry(), XpoPages.thresholds())) {
            p.put(def.number(), def);
        }
        for (int i = 0; i < CdbPages.EPL_PAGES; i++) {
            PageDef def = CdbPages.epl(i);
            p.put(def.number(), def);
        }
        pages = Collections.unmodifiableMap(p);
        lower.forEach(this::index);
        pages.values().forEach(def -> def.fields().forEach(this::index));
    }

    private void index(Field f) {
        if (byName.put(f.name(), f) != null) throw new IllegalStateException("duplicate field name " + f.name());
    }

    /** The XPO management profile's map. */
    public static MemoryMap xpo() { return XPO; }

    /** A field by its name; unknown names fail with a message listing none of the 600 fields, but the name. */
    public Field field(String name) {
        Field f = byName.get(name);
        if (f == null) throw new IllegalArgumentException("no field named '" + name + "' in the XPO memory map");
        return f;
    }

    public Optional<Field> findField(String name) { return Optional.ofNullable(byName.get(name)); }

    /** Every field, lower page first, then pages in ascending order. */
    public List<Field> fields() { return List.copyOf(byName.values()); }

    public List<Field> lowerFields() { return lower; }

    public ByteRules lowerRules() { return lowerRules; }

    /** The upper page {@code number}, if the module implements it. */
    public Optional<PageDef> page(int number) { return Optional.ofNullable(pages.get(number)); }

    /** Implemented upper pages in ascending order. */
    public List<PageDef> pages() { return new ArrayList<>(pages.values()); }

    /** True when the pair may be selected: an implemented page, and a bank it has (0 for unbanked pages). */
    public boolean supports(int page, int bank) {
        PageDef def = pages.get(page);
        return def != null && def.acceptsBank(bank);
    }

    /** The access rules for byte {@code address} (0–255) with {@code page} selected. */
    public ByteRules rules(int page, int address) {
        if (address < PAGE_SIZE) return lowerRules;
        PageDef def = pages.get(page);
        if (def == null) throw new IllegalArgumentException(String.format("page %02Xh is not implemented", page));
        return def.rules();
    }

    /** The field that covers byte {@code address} of {@code page} (lower page for address < 128), if any. */
    public List<Field> fieldsAt(int page, int address) {
        List<Field> src = address < PAGE_SIZE ? lower : page(page).map(PageDef::fields).orElse(List.of());
        List<Field> out = new ArrayList<>();
        for (Field f : src) {
            if (address >= f.offset() && address < f.offset() + f.byteLength()) out.add(f);
        }
        return out;
    }
}
