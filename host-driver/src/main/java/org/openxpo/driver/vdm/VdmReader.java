package org.openxpo.driver.vdm;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.access.RegisterAccess.FieldRead;
import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a module's VDM (pages 20h–2Fh) the way it advertises it: the layout from its descriptors ({@link
 * AdvertisedVdm}, read once and kept until the module restarts), then each read as freeze → the sample pages of every
 * bank in one batch → release, the statistics frozen only when the layout has some. A freeze FreezeDone does not
 * confirm leaves the statistics null in that reading (never an old interval's values presented as new); the basic
 * values are instantaneous and read either way. Thresholds (28h–2Bh) and the latched flags (2Ch, clear on read) are
 * read on request, decoded per each observable's type.
 */
public final class VdmReader {
    private final RegisterAccess access;
    private final HostClock clock;
    private final VdmFreeze freeze;
    private volatile AdvertisedVdm layout;

    /** A reader on {@code access} waiting on its clock, FreezeDone awaited for tVDMF plus the usual allowance. */
    public VdmReader(RegisterAccess access) { this(access, access.clock(), FREEZE_TIMEOUT); }

    /** How long FreezeDone and UnfreezeDone are awaited by default: CMIS tVDMF (10 ms) plus the usual allowance. */
    public static final Duration FREEZE_TIMEOUT = VdmFreeze.TIMEOUT;

    /** As {@link #VdmReader(RegisterAccess)} with another clock and freeze timeout (tests, slow adapters). */
    public VdmReader(RegisterAccess access, HostClock clock, Duration freezeTimeout) {
        this.access = access;
        this.clock = clock;
        this.freeze = new VdmFreeze(access, clock, freezeTimeout);
        access.onRestartDetected(this::forgetLayout);
    }

    /**
     * The advertised layout, read on first use and kept; {@link XpoException.Unsupported} when the module does not
     * advertise VDM (01h:142 bit 6 is 0, or flat memory).
     */
    public AdvertisedVdm layout() {
        AdvertisedVdm l = layout;
        return l != null ? l : layout(AdvertisedPages.read(access));
    }

    /** As {@link #layout()}, with the advertisement already known (read with the identity). */
    public AdvertisedVdm layout(AdvertisedPages pages) {
        AdvertisedVdm l = layout;
        if (l == null) {
            if (!pages.vdm()) {
                throw new XpoException.Unsupported("the module does not advertise VDM (01h:142 VdmPagesSupported is 0)");
            }
            layout = l = access.exclusive(() -> AdvertisedVdm.read(access, pages.banks()));
        }
        return l;
    }

    /** The layout when it has been read since the last reset, else null (reads nothing). */
    public AdvertisedVdm knownLayout() { return layout; }

    /** Forgets the layout (after a reset the caller caused): the next read decodes the descriptors again. */
    public void forgetLayout() { layout = null; }

    /** One read of every observable; see the class comment for the freeze. */
    public VdmReading read() { return read(true); }

    /**
     * One read of every observable; without {@code statistics} the freeze is left alone and the statistics are null
     * ({@link VdmReading.Statistics#NOT_READ}): the basic values alone, in one batch, as a live view wants them.
     */
    public VdmReading read(boolean statistics) {
        AdvertisedVdm l = layout();
        return access.exclusive(() -> {
            if (!l.hasStatistics()) return new VdmReading(clock.instant(), VdmReading.Statistics.NONE, null, decode(l, true));
            if (!statistics) return new VdmReading(clock.instant(), VdmReading.Statistics.NOT_READ, null, decode(l, false));
            boolean frozen = freeze.freeze();
            Instant time = clock.instant();
            List<VdmSample> samples = decode(l, frozen);
            boolean released = freeze.release();
            String problem = frozen ? released ? null
                : "VDM UnfreezeDone (2Fh:145.6) did not come within " + freeze.timeout().toMillis() + " ms"
                : "VDM FreezeDone (2Fh:145.7) did not come within " + freeze.timeout().toMillis() + " ms: statistics left out";
            return new VdmReading(time, frozen ? VdmReading.Statistics.FROZEN : VdmReading.Statistics.NOT_FROZEN, problem,
                samples);
        });
    }

    /** The sample pages of every bank's used groups as one batch, decoded; statistics kept only when {@code frozen}. */
    private List<VdmSample> decode(AdvertisedVdm l, boolean frozen) {
        List<FieldRead> reads = new ArrayList<>();
        for (int b = 0; b < l.banks(); b++) {
            for (Group g : l.usedGroups(b)) reads.add(new FieldRead(g.samples().page(), b, List.of(g.samples())));
        }
        List<byte[]> windows = access.readFields(reads);
        List<VdmSample> out = new ArrayList<>(l.observables().size());
        for (int b = 0; b < l.banks(); b++) out.addAll(VdmPageReads.decodeSamples(l, b, reads, windows, frozen));
        return out;
    }

    /** The four thresholds of every observable of a known type, from its group's threshold page (28h–2Bh). */
    public List<VdmThreshold> thresholds() {
        AdvertisedVdm l = layout();
        Map<Integer, Map<Group, byte[]>> pages = readPerGroup(l, Group::thresholds);
        List<VdmThreshold> out = new ArrayList<>();
        for (VdmObservable o : l.observables()) {
            if (o.type().isEmpty()) continue;
            VdmType t = o.type().get();
            byte[] w = pages.get(o.bank()).get(o.group());
            Map<ThresholdKind, Double> v = new EnumMap<>(ThresholdKind.class);
            for (ThresholdKind k : ThresholdKind.values()) {
                int at = o.group().thresholdOffset(o.descriptor().thresholdSet(), k);
                v.put(k, t.decode(((w[at] & 0xFF) << Byte.SIZE) | (w[at + 1] & 0xFF)));
            }
            out.add(new VdmThreshold(o, v.get(ThresholdKind.HIGH_ALARM), v.get(ThresholdKind.LOW_ALARM),
                v.get(ThresholdKind.HIGH_WARNING), v.get(ThresholdKind.LOW_WARNING)));
        }
        return out;
    }

    /**
     * The latched VDM flags (2Ch) of every bank, read as one batch and so cleared: one entry per set flag bit of a
     * used descriptor.
     */
    public List<VdmFlag> flags() {
        AdvertisedVdm l = layout();
        List<FieldRead> reads = new ArrayList<>();
        for (int b = 0; b < l.banks(); b++) {
            FieldRead r = VdmPageReads.flags(l, b);
            if (r != null) reads.add(r);
        }
        List<byte[]> windows = access.readFields(reads);
        List<VdmFlag> out = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) out.addAll(VdmPageReads.decodeFlags(l, reads.get(i).bank(), windows.get(i)));
        return out;
    }

    /** Reads the page {@code field} of each used group lives on, in every bank, as one batch. */
    private Map<Integer, Map<Group, byte[]>> readPerGroup(AdvertisedVdm l, java.util.function.Function<Group, Field> field) {
        List<FieldRead> reads = new ArrayList<>();
        List<Group> owners = new ArrayList<>();
        for (int b = 0; b < l.banks(); b++) {
            for (Group g : l.usedGroups(b)) {
                reads.add(new FieldRead(field.apply(g).page(), b, List.of(field.apply(g))));
                owners.add(g);
            }
        }
        List<byte[]> windows = access.readFields(reads);
        Map<Integer, Map<Group, byte[]>> out = new java.util.HashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            out.computeIfAbsent(reads.get(i).bank(), b -> new EnumMap<>(Group.class)).put(owners.get(i), windows.get(i));
        }
        return out;
    }
}
