package org.openxpo.protocol.map;

import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a module's VDM descriptors say, per advertised group: the 64 descriptors of each, and where each observable of
 * each lane sits. {@link #XPO} is the XPO profile's layout (telemetry-and-diagnostics §7), the same in all 8 banks;
 * {@link #of} decodes any module's descriptor pages, so a host reads the layout the module advertises rather than
 * assuming this one.
 *
 * <p>The XPO layout is made of runs: one run per type of 8 descriptors, lanes 0–7 in order with lane nibble = lane, all
 * sharing one threshold set (the run's position in its group), so hosts that decode by position (FBOSS) and hosts that
 * read the lane nibble (SONiC) find the same lane.
 */
public final class VdmLayout {
    /** Where one descriptor sits: its group and index, with what it says. */
    public record Slot(Group group, int index, VdmDescriptor descriptor) {
        /** The sample's field element: {@code group().samples()} element {@link #index()}. */
        public Field samples() { return group.samples(); }

        /** Byte address of the {@code kind} threshold that bounds this observable, on page {@code group().thresholds()}. */
        public int thresholdOffset(ThresholdKind kind) { return group.thresholdOffset(descriptor.thresholdSet(), kind); }
    }

    /** Group 1 of the XPO profile: basic observables, readable without a freeze. */
    public static final List<VdmType> XPO_BASIC = List.of(VdmType.LASER_TEMPERATURE, VdmType.ESNR_MEDIA,
        VdmType.ESNR_HOST, VdmType.LTP_MEDIA, VdmType.PRE_FEC_BER_CURRENT_MEDIA, VdmType.PRE_FEC_BER_CURRENT_HOST,
        VdmType.ERRORED_FRAMES_CURRENT_MEDIA, VdmType.ERRORED_FRAMES_CURRENT_HOST);
    /** Group 2 of the XPO profile: the statistics a host freezes before reading. */
    public static final List<VdmType> XPO_STATISTICS = List.of(VdmType.PRE_FEC_BER_MIN_MEDIA,
        VdmType.PRE_FEC_BER_MAX_MEDIA, VdmType.PRE_FEC_BER_AVG_MEDIA, VdmType.PRE_FEC_BER_MIN_HOST,
        VdmType.PRE_FEC_BER_MAX_HOST, VdmType.PRE_FEC_BER_AVG_HOST, VdmType.ERRORED_FRAMES_MAX_MEDIA,
        VdmType.ERRORED_FRAMES_MAX_HOST);

    /** The XPO profile: group 1 basic, group 2 statistics, 8 runs of 8 lanes each, identical in every bank. */
    public static final VdmLayout XPO = ofRuns(List.of(XPO_BASIC, XPO_STATISTICS));

    private final Map<Group, List<VdmDescriptor>> descriptors;

    private VdmLayout(Map<Group, List<VdmDescriptor>> descriptors) {
        this.descriptors = Collections.unmodifiableMap(descriptors);
    }

    /** A layout of lane-ordered runs: group g (from 1) holds one 8-lane run per type of {@code groups.get(g-1)}. */
    static VdmLayout ofRuns(List<List<VdmType>> groups) {
        List<List<VdmDescriptor>> out = new ArrayList<>();
        for (List<VdmType> types : groups) {
            if (types.size() * Lanes.PER_BANK > VdmPages.DESCRIPTORS_PER_GROUP) {
                throw new IllegalArgumentException(types.size() + " runs of " + Lanes.PER_BANK + " lanes do not fit a VDM group");
            }
            List<VdmDescriptor> group = new ArrayList<>();
            for (int run = 0; run < types.size(); run++) {
                for (int lane = 0; lane < Lanes.PER_BANK; lane++) group.add(VdmDescriptor.ofLane(types.get(run), lane, run));
            }
            out.add(group);
        }
        return of(out);
    }

    /**
     * The layout of a module whose group g (from 1) holds {@code groups.get(g-1)}: one to four groups of up to 64
     * descriptors each (missing ones unused).
     */
    public static VdmLayout of(List<List<VdmDescriptor>> groups) {
        if (groups.isEmpty() || groups.size() > Group.values().length) {
            throw new IllegalArgumentException("a VDM layout has 1-" + Group.values().length + " groups, not " + groups.size());
        }
        Map<Group, List<VdmDescriptor>> map = new EnumMap<>(Group.class);
        for (int g = 0; g < groups.size(); g++) {
            List<VdmDescriptor> given = groups.get(g);
            if (given.size() > VdmPages.DESCRIPTORS_PER_GROUP) {
                throw new IllegalArgumentException("VDM group " + (g + 1) + " has " + given.size() + " descriptors, more than "
                    + VdmPages.DESCRIPTORS_PER_GROUP);
            }
            List<VdmDescriptor> all = new ArrayList<>(given);
            while (all.size() < VdmPages.DESCRIPTORS_PER_GROUP) all.add(VdmDescriptor.UNUSED);
            map.put(Group.values()[g], List.copyOf(all));
        }
        return new VdmLayout(map);
    }

    /** How many groups the layout has (2Fh:128 advertises this − 1). */
    public int groups() { return descriptors.size(); }

    /** The advertised groups, in order. */
    public List<Group> groupList() { return List.copyOf(descriptors.keySet()); }

    /** The 64 descriptors of {@code group} (all unused for a group beyond {@link #groups()}). */
    public List<VdmDescriptor> descriptors(Group group) {
        return descriptors.getOrDefault(group, Collections.nCopies(VdmPages.DESCRIPTORS_PER_GROUP, VdmDescriptor.UNUSED));
    }

    /** Every used descriptor, group by group in index order. */
    public List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        descriptors.forEach((g, list) -> {
            for (int i = 0; i < list.size(); i++) if (!list.get(i).unused()) out.add(new Slot(g, i, list.get(i)));
        });
        return out;
    }

    /** Where {@code type} of lane index {@code lane} (0–7, the resource nibble) sits, if the layout has it. */
    public Optional<Slot> find(VdmType type, int lane) {
        return slots().stream()
            .filter(s -> s.descriptor().typeId() == type.id() && s.descriptor().resource() == lane).findFirst();
    }

    /** True when some descriptor carries a statistic type (a freeze is worth asking for). */
    public boolean hasStatistics() {
        return slots().stream().anyMatch(s -> s.descriptor().type().map(VdmType::isStatistic).orElse(false));
    }
}
