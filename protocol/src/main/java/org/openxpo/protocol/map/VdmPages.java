package org.openxpo.protocol.map;

import static org.openxpo.protocol.map.Access.*;
import static org.openxpo.protocol.units.Unit.*;

import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CMIS VDM pages 20h–2Fh (telemetry-and-diagnostics §1), all banked like the lane pages: per group g (1–4) 64
 * descriptors on page 1Fh+g, their samples on 23h+g and 16 threshold sets on 27h+g; the latched flags of all groups on
 * 2Ch (a nibble per descriptor, 32 bytes per group) with their masks on 2Dh; the group count and the freeze/unfreeze
 * handshake on 2Fh. The per-group fields are reached through {@link Group} ({@code Group.ONE.samples()}); what the XPO
 * module puts in them is {@link VdmLayout#XPO}.
 *
 * <p>A descriptor's sample and thresholds are 16-bit words whose encoding is its type's ({@link VdmType#unit()}), so
 * the fields here are declared RAW; a flag nibble has the bit order of every CMIS monitor ({@link ThresholdKind#flagBit()}).
 */
public final class VdmPages {
    private VdmPages() {}

    /** Descriptors (and samples) per group. */
    public static final int DESCRIPTORS_PER_GROUP = 64;
    /** Threshold sets per group (the 4-bit set ID of a descriptor). */
    public static final int THRESHOLD_SETS_PER_GROUP = 16;
    /** Bytes per threshold set: HighAlarm, LowAlarm, HighWarning, LowWarning, 2 bytes each. */
    public static final int THRESHOLD_SET_BYTES = 8;
    /** Flag (and mask) bytes per group on 2Ch (2Dh): a nibble per descriptor. */
    public static final int FLAG_BYTES_PER_GROUP = DESCRIPTORS_PER_GROUP / 2;

    /** The four VDM groups CMIS defines; a module implements the first {@link #GROUPS_SUPPORTED} + 1. */
    public enum Group {
        ONE, TWO, THREE, FOUR;

        /** 1–4, as CMIS numbers groups. */
        public int number() { return ordinal() + 1; }

        /** The group numbered {@code number} (1–4). */
        public static Group of(int number) {
            if (number < 1 || number > values().length) {
                throw new IllegalArgumentException("VDM group " + number + " is outside 1-" + values().length);
            }
            return values()[number - 1];
        }

        /** The 64 descriptor words on page 1Fh+g ({@link VdmDescriptor#decode}). */
        public Field descriptors() { return DESCRIPTORS.get(this); }

        /** The 64 samples on page 23h+g, element i belonging to descriptor i, encoded per its type. */
        public Field samples() { return SAMPLES.get(this); }

        /** The 16 threshold sets on page 27h+g, 8 bytes each; {@link #thresholdOffset} addresses one threshold. */
        public Field thresholds() { return THRESHOLDS.get(this); }

        /** The 64 latched flag nibbles of the group on 2Ch (bit per {@link ThresholdKind#flagBit()}). */
        public Field flags() { return FLAGS.get(this); }

        /** The 64 mask nibbles on 2Dh, the shape of {@link #flags()}. */
        public Field masks() { return MASKS.get(this); }

        /** Byte address of the {@code kind} threshold of set {@code set} (0–15) on page {@link #thresholds()}. */
        public int thresholdOffset(int set, ThresholdKind kind) {
            return thresholds().elementOffset(set) + kind.offsetInSet();
        }

        /** CMIS's global instance number (1–256) of descriptor {@code index} (0–63) of this group. */
        public int instance(int index) {
            if (index < 0 || index >= DESCRIPTORS_PER_GROUP) {
                throw new IndexOutOfBoundsException("VDM descriptor " + index + " is outside 0-" + (DESCRIPTORS_PER_GROUP - 1));
            }
            return DESCRIPTORS_PER_GROUP * ordinal() + index + 1;
        }
    }

    static final PageBuilder FLAGS_PAGE = new PageBuilder(Pages.VDM_FLAGS, Lanes.BANKS, "VDM flags (banked)",
        "latched VDM flags, a nibble per descriptor (bit0 HA, bit1 LA, bit2 HW, bit3 LW): group g at bytes 128+32(g−1)…; clear on read");
    static final PageBuilder MASKS_PAGE = new PageBuilder(Pages.VDM_MASKS, Lanes.BANKS, "VDM flag masks (banked)",
        "masks of the 2Ch flags in the same layout; a set bit keeps the flag off IntL");
    static final PageBuilder CONTROL_PAGE = new PageBuilder(Pages.VDM_CONTROL, Lanes.BANKS, "VDM advertisement and control (banked)",
        "VDM groups supported and the freeze/unfreeze handshake; one module-wide control, the same in every bank (docs/xpo-profile.md)");

    private static final Map<Group, PageBuilder> DESCRIPTOR_PAGES = perGroup(g -> new PageBuilder(
        Pages.VDM_DESCRIPTORS_FIRST + g.ordinal(), Lanes.BANKS, "VDM descriptors, group " + g.number() + " (banked)",
        "64 descriptors: even byte bits 7-4 threshold set, bits 3-0 resource (0–7 lane, 15 module); odd byte observable type"));
    private static final Map<Group, PageBuilder> VALUE_PAGES = perGroup(g -> new PageBuilder(
        Pages.VDM_VALUES_FIRST + g.ordinal(), Lanes.BANKS, "VDM samples, group " + g.number() + " (banked)",
        "64 samples, sample i belongs to descriptor i of page " + String.format("%02Xh", Pages.VDM_DESCRIPTORS_FIRST + g.ordinal())
            + ", encoded per its type (F16, U16 1/256 dB, S16 1/256 °C)"));
    private static final Map<Group, PageBuilder> THRESHOLD_PAGES = perGroup(g -> new PageBuilder(
        Pages.VDM_THRESHOLDS_FIRST + g.ordinal(), Lanes.BANKS, "VDM thresholds, group " + g.number() + " (banked)",
        "16 threshold sets of 8 bytes: HA, LA, HW, LW, encoded like the observables that name the set"));

    private static final Map<Group, Field> DESCRIPTORS = perGroup(g -> DESCRIPTOR_PAGES.get(g).array(
        "VdmDescriptorsGroup" + g.number(), 128, 2, DESCRIPTORS_PER_GROUP, RO, RAW,
        "descriptor words: threshold set (15-12), resource (11-8), type ID (7-0)"));
    private static final Map<Group, Field> SAMPLES = perGroup(g -> VALUE_PAGES.get(g).array(
        "VdmSamplesGroup" + g.number(), 128, 2, DESCRIPTORS_PER_GROUP, RO, RAW, "samples, encoded per descriptor type"));
    private static final Map<Group, Field> THRESHOLDS = perGroup(g -> THRESHOLD_PAGES.get(g).array(
        "VdmThresholdSetsGroup" + g.number(), 128, THRESHOLD_SET_BYTES, THRESHOLD_SETS_PER_GROUP, RO, RAW,
        "threshold sets: HighAlarm, LowAlarm, HighWarning, LowWarning (2 bytes each)"));
    private static final Map<Group, Field> FLAGS = perGroup(g -> FLAGS_PAGE.bitArray(
        "VdmFlagsGroup" + g.number(), 128 + FLAG_BYTES_PER_GROUP * g.ordinal(), 4, DESCRIPTORS_PER_GROUP, COR, BITS,
        "latched flags of descriptor i: low nibble even i, high nibble odd i"));
    private static final Map<Group, Field> MASKS = perGroup(g -> MASKS_PAGE.mask(
        FLAGS.get(g), "VdmMasksGroup" + g.number(), 128 + FLAG_BYTES_PER_GROUP * g.ordinal()));

    // ------------------------------------------------------------------ 2Fh: advertisement and control

    public static final Field GROUPS_SUPPORTED =
        CONTROL_PAGE.bits("VdmGroupsSupported", 128, 1, 0, RO, CODE, "VDM groups − 1 (0 = page 20h only … 3 = 20h–23h)");
    public static final Field FREEZE_REQUEST =
        CONTROL_PAGE.bit("VdmFreezeRequest", 144, 7, RW, "1 = freeze the statistics on 24h–27h; 0 = release: a new interval starts");
    public static final Field CONTROL_OTHER =
        CONTROL_PAGE.bits("VdmControlOther", 144, 6, 0, RW, BITS, "other VDM controls (CMIS 5.4 adds some): kept as written, no effect");
    public static final Field FREEZE_DONE =
        CONTROL_PAGE.bit("VdmFreezeDone", 145, 7, RO, "1 = the requested freeze is complete");
    public static final Field UNFREEZE_DONE =
        CONTROL_PAGE.bit("VdmUnfreezeDone", 145, 6, RO, "1 = the requested release is complete");

    /** Every VDM page the map declares, in page order (2Eh is reserved and not implemented). */
    static List<PageBuilder> pages() {
        List<PageBuilder> all = new ArrayList<>();
        all.addAll(DESCRIPTOR_PAGES.values());
        all.addAll(VALUE_PAGES.values());
        all.addAll(THRESHOLD_PAGES.values());
        all.addAll(List.of(FLAGS_PAGE, MASKS_PAGE, CONTROL_PAGE));
        return all;
    }

    /** The descriptor, sample and threshold pages of the groups after the first {@code groups} (1–4). */
    public static List<Integer> pagesBeyond(int groups) {
        Group.of(groups);
        List<Integer> out = new ArrayList<>();
        for (Group g : Group.values()) {
            if (g.number() <= groups) continue;
            out.addAll(List.of(g.descriptors().page(), g.samples().page(), g.thresholds().page()));
        }
        return out;
    }

    private static <T> Map<Group, T> perGroup(Function<Group, T> declare) {
        Map<Group, T> out = new EnumMap<>(Group.class);
        for (Group g : Group.values()) out.put(g, declare.apply(g));
        return Collections.unmodifiableMap(out);
    }
}
