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

/**
 * The VDM layout a module advertises, decoded from its own pages rather than assumed: the group count from 2Fh:128
 * (bank 0) and the descriptors of every advertised group in every bank (pages 20h–23h), read as one batch. Descriptors
 * are constant while the module is powered, so this is read once and kept until the module restarts.
 *
 * @param groups      the advertised groups, in order (1–4 of them)
 * @param banks       banks read (01h:142)
 * @param observables every used descriptor, bank by bank, group by group, in index order
 */
public record AdvertisedVdm(List<Group> groups, int banks, List<VdmObservable> observables) {

    public AdvertisedVdm {
        groups = List.copyOf(groups);
        observables = List.copyOf(observables);
    }

    /** Reads the layout of a module with {@code banks} banks that advertises VDM (01h:142 bit 6). */
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
        return new AdvertisedVdm(groups, banks, out);
    }

    /** True when some observable is a statistic, so a read freezes first (pitfall: no freeze for basic-only modules). */
    public boolean hasStatistics() { return observables.stream().anyMatch(VdmObservable::statistic); }

    /** The observables of bank {@code bank}. */
    public List<VdmObservable> inBank(int bank) { return observables.stream().filter(o -> o.bank() == bank).toList(); }

    /** The groups of bank {@code bank} that hold at least one observable (their sample pages are worth reading). */
    List<Group> usedGroups(int bank) {
        return groups.stream().filter(g -> observables.stream().anyMatch(o -> o.bank() == bank && o.group() == g)).toList();
    }
}
