package org.openxpo.driver.vdm;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.access.RegisterAccess.FieldRead;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The VDM layout a module advertises, decoded from its own pages rather than assumed: the group count from 2Fh:128
 * (bank 0) and the descriptors of every advertised group in every bank (pages 20h–23h), read as one batch. Descriptors
 * are constant while the module is powered, so this is read once and kept until the module restarts.
 *
 * <p>Every snapshot and flag reading asks which observables and groups a bank has (a 64-lane module advertises 1,024
 * observables), so those answers are sorted out once here rather than searched for on every read.
 */
public final class AdvertisedVdm {
    private final List<Group> groups;
    private final int banks;
    private final List<VdmObservable> observables;
    /** Per bank: its observables; the groups holding any; the groups holding a basic (not statistic) one. */
    private final List<List<VdmObservable>> inBank = new ArrayList<>();
    private final List<List<Group>> usedGroups = new ArrayList<>();
    private final List<List<Group>> basicGroups = new ArrayList<>();
    private final boolean statistics;
    /** Modules of one make advertise the same layout: a chassis of them keeps one copy (1,024 observables each). */
    private static final WeakInterner<AdvertisedVdm> SHARED = new WeakInterner<>();

    /**
     * @param groups      the advertised groups, in order (1–4 of them)
     * @param banks       banks read (01h:142)
     * @param observables every used descriptor, bank by bank, group by group, in index order
     */
    public AdvertisedVdm(List<Group> groups, int banks, List<VdmObservable> observables) {
        this.groups = List.copyOf(groups);
        this.banks = banks;
        this.observables = List.copyOf(observables);
        for (int b = 0; b < banks; b++) {
            int bank = b;
            List<VdmObservable> of = this.observables.stream().filter(o -> o.bank() == bank).toList();
            inBank.add(of);
            usedGroups.add(this.groups.stream().filter(g -> of.stream().anyMatch(o -> o.group() == g)).toList());
            basicGroups.add(this.groups.stream()
                .filter(g -> of.stream().anyMatch(o -> o.group() == g && !o.statistic())).toList());
        }
        statistics = this.observables.stream().anyMatch(VdmObservable::statistic);
    }

    /**
     * Reads the layout of a module with {@code banks} banks that advertises VDM (01h:142 bit 6); a layout equal to one
     * another module already uses is that one, shared.
     */
    static AdvertisedVdm read(RegisterAccess access, int banks) {
        int count = (int) access.get(VdmPages.GROUPS_SUPPORTED) + 1;
        List<Group> groups = Arrays.asList(Group.values()).subList(0, count);
        List<FieldRead> reads = new ArrayList<>();
        for (int b = 0; b < banks; b++) {
            for (Group g : groups) reads.add(new FieldRead(g.descriptors().page(), b, List.of(g.descriptors())));
        }
        List<byte[]> windows = access.readFields(reads);
        List<VdmObservable> out = new ArrayList<>();
        int w = 0;
        for (int b = 0; b < banks; b++) {
            for (Group g : groups) {
                byte[] window = windows.get(w++);
                Field f = g.descriptors();
                for (int i = 0; i < f.count(); i++) {
                    VdmDescriptor d = VdmDescriptor.decode((int) f.get(window, i));
                    if (!d.unused()) out.add(new VdmObservable(b, g, i, d));
                }
            }
        }
        return SHARED.intern(new AdvertisedVdm(groups, banks, out));
    }

    /** The advertised groups, in order (1–4 of them). */
    public List<Group> groups() { return groups; }

    /** Banks read (01h:142). */
    public int banks() { return banks; }

    /** Every used descriptor, bank by bank, group by group, in index order. */
    public List<VdmObservable> observables() { return observables; }

    /** True when some observable is a statistic, so a read freezes first (pitfall: no freeze for basic-only modules). */
    public boolean hasStatistics() { return statistics; }

    /** The observables of bank {@code bank} (none for a bank beyond those read). */
    public List<VdmObservable> inBank(int bank) { return perBank(inBank, bank); }

    /** The groups of bank {@code bank} that hold at least one observable (their sample pages are worth reading). */
    List<Group> usedGroups(int bank) { return perBank(usedGroups, bank); }

    /** The groups of bank {@code bank} that hold a basic observable (their samples need no freeze). */
    List<Group> basicGroups(int bank) { return perBank(basicGroups, bank); }

    private static <T> List<T> perBank(List<List<T>> lists, int bank) {
        return bank >= 0 && bank < lists.size() ? lists.get(bank) : List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdvertisedVdm a && a.banks == banks && a.groups.equals(groups) && a.observables.equals(observables);
    }

    @Override
    public int hashCode() { return Objects.hash(groups, banks, observables); }

    @Override
    public String toString() {
        return "AdvertisedVdm[groups=" + groups + ", banks=" + banks + ", observables=" + observables.size() + "]";
    }
}
