package org.openxpo.driver.vdm;

import org.openxpo.driver.access.RegisterAccess.FieldRead;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;

import java.util.ArrayList;
import java.util.List;

/**
 * The VDM reads of one bank as {@link FieldRead}s a caller can put in its own batch (a status snapshot reads the basic
 * samples beside page 11h), and the decoding of what came back. One place knows which pages a layout needs.
 */
public final class VdmPageReads {
    private VdmPageReads() {}

    /** The sample pages of the groups of {@code bank} that hold a basic observable (those need no freeze). */
    public static List<FieldRead> basicSamples(AdvertisedVdm layout, int bank) {
        List<FieldRead> out = new ArrayList<>();
        for (Group g : layout.basicGroups(bank)) out.add(new FieldRead(g.samples().page(), bank, List.of(g.samples())));
        return out;
    }

    /**
     * The samples of {@code bank} from the sample-page windows of {@code reads} (as {@link #basicSamples} or a full read
     * planned them; a group not read is skipped); statistics keep their values only when {@code frozen}.
     */
    public static List<VdmSample> decodeSamples(AdvertisedVdm layout, int bank, List<FieldRead> reads, List<byte[]> windows,
                                                boolean frozen) {
        List<VdmObservable> observables = layout.inBank(bank);
        List<VdmSample> out = new ArrayList<>(observables.size());
        // each group's sample field and the window of its page, looked up once per bank rather than once per observable
        Field[] samplesOfGroup = new Field[Group.values().length];
        byte[][] windowOfGroup = new byte[Group.values().length][];
        for (Group g : layout.usedGroups(bank)) {
            samplesOfGroup[g.ordinal()] = g.samples();
            windowOfGroup[g.ordinal()] = windowOf(g.samples(), bank, reads, windows);
        }
        for (VdmObservable o : observables) {
            byte[] w = windowOfGroup[o.group().ordinal()];
            if (w == null) continue;
            int raw = (int) samplesOfGroup[o.group().ordinal()].get(w, o.index());
            VdmType type = o.type().orElse(null);
            boolean present = type != null && (frozen || !type.isStatistic());
            out.add(new VdmSample(o, raw, present ? type.decode(raw) : null));
        }
        return out;
    }

    /** The flag read of {@code bank}: the 2Ch nibbles of its used groups (latched: reading clears them). */
    public static FieldRead flags(AdvertisedVdm layout, int bank) {
        List<Field> fields = layout.usedGroups(bank).stream().map(Group::flags).toList();
        return fields.isEmpty() ? null : new FieldRead(fields.getFirst().page(), bank, fields);
    }

    /** The set flags of {@code bank} in a window read as {@link #flags} planned it. */
    public static List<VdmFlag> decodeFlags(AdvertisedVdm layout, int bank, byte[] window) {
        List<VdmFlag> out = new ArrayList<>();
        for (VdmObservable o : layout.inBank(bank)) {
            long nibble = o.group().flags().get(window, o.index());
            for (ThresholdKind k : ThresholdKind.values()) {
                if ((nibble >> k.flagBit() & 1) == 1) out.add(new VdmFlag(o, k));
            }
        }
        return out;
    }

    private static byte[] windowOf(Field f, int bank, List<FieldRead> reads, List<byte[]> windows) {
        for (int i = 0; i < reads.size(); i++) {
            FieldRead r = reads.get(i);
            if (r.bank() == bank && r.page() == f.page() && r.fields().contains(f)) return windows.get(i);
        }
        return null;
    }
}
