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
    public static final int PAGE_SIZE = 128;

    private static final MemoryMap XPO = new MemoryMap();

    private final List<Field> lower;
    private final ByteRules lowerRules;
    private final Map<Integer, PageDef> pages;
    private final Map<String, Field> byName = new LinkedHashMap<>();
    private final Map<Field, Field> maskOfFlag = new LinkedHashMap<>();
    private final Map<Field, Field> flagOfMask = new LinkedHashMap<>();
    private final Map<Field, Field> activeOfStaged = new LinkedHashMap<>();
    private final Map<Field, ThresholdSet> thresholdsOfValue = new LinkedHashMap<>();
    private final List<FieldView> views = new ArrayList<>();

    private MemoryMap() {
        lower = LowerPage.PAGE.fields();
        lowerRules = new ByteRules(0, lower);
        List<PageBuilder> upper = new ArrayList<>(List.of(AdminPages.ADMINISTRATIVE, AdminPages.ADVERTISING,
            AdminPages.THRESHOLDS, LaneControlPage.PAGE, LaneStatusPage.PAGE, DiagnosticsPages.CONTROL,
            DiagnosticsPages.RESULTS, CdbPages.PAGE, XpoPages.TELEMETRY_PAGE,
            XpoPages.THRESHOLDS_PAGE));
        upper.addAll(CdbPages.EPL_PAGES);
        upper.addAll(VdmPages.pages());
        Map<Integer, PageDef> p = new TreeMap<>();
        for (PageBuilder b : upper) p.put(b.page(), b.build());
        pages = Collections.unmodifiableMap(p);
        lower.forEach(this::index);
        pages.values().forEach(def -> def.fields().forEach(this::index));
        List<PageBuilder> all = new ArrayList<>(upper);
        all.add(LowerPage.PAGE);
        for (PageBuilder b : all) {
            maskOfFlag.putAll(b.masks());
            activeOfStaged.putAll(b.actives());
            b.thresholdSets().forEach(s -> thresholdsOfValue.put(s.monitored(), s));
        }
        maskOfFlag.forEach((flag, mask) -> flagOfMask.put(mask, flag));
        pages.values().forEach(def -> views.addAll(def.views()));
        for (FieldView v : views) {
            if (byName.containsKey(v.field().name())) throw new IllegalStateException("view " + v.field().name() + " has a field's name");
        }
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

    /** The mask of latched flag {@code flag} (same shape; a set mask bit keeps the flag bit off IntL), if it has one. */
    public Optional<Field> maskOf(Field flag) { return Optional.ofNullable(maskOfFlag.get(flag)); }

    /** The latched flag {@code mask} masks, if it is a mask. */
    public Optional<Field> flagOf(Field mask) { return Optional.ofNullable(flagOfMask.get(mask)); }

    /** Every latched flag with its mask, in declaration order. */
    public Map<Field, Field> flagMasks() { return Collections.unmodifiableMap(maskOfFlag); }

    /**
     * The active-control-set field (page 11h) that ApplyDPInit fills from staged field {@code staged} (page 10h SCS0),
     * if {@code staged} is one.
     */
    public Optional<Field> activeOf(Field staged) { return Optional.ofNullable(activeOfStaged.get(staged)); }

    /** Every staged control field with its active counterpart, in declaration order. */
    public Map<Field, Field> stagedControls() { return Collections.unmodifiableMap(activeOfStaged); }

    /** The four thresholds of monitor value {@code value} (e.g. TempMonValue, OpticalPowerTx), if it has them. */
    public Optional<ThresholdSet> thresholdsOf(Field value) { return Optional.ofNullable(thresholdsOfValue.get(value)); }

    /** Every selector-dependent view of a shared byte area (page 14h results), in page and declaration order. */
    public List<FieldView> views() { return List.copyOf(views); }

    /** The views {@code selector} shows when it holds {@code code} (e.g. DiagnosticsSelector 01h → HostBer, MediaBer). */
    public List<FieldView> viewsFor(Field selector, int code) {
        return views.stream().filter(v -> v.selector().equals(selector) && v.code() == code).toList();
    }

    /** Every monitor's threshold set, in declaration order. */
    public List<ThresholdSet> thresholdSets() { return List.copyOf(thresholdsOfValue.values()); }
}
