package org.openxpo.emulator.module;

import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.map.VdmLayout;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The module's VDM (pages 20h–2Fh, docs/xpo-profile.md): the {@link VdmLayout#XPO} descriptors and thresholds in every
 * bank, the samples of every lane from {@link LinkQualityModel} once a second, the latched flags of the basic samples
 * that cross their thresholds (2Ch, masked on 2Dh, summarised like every lane flag by {@link Interrupts}), and the
 * freeze handshake on 2Fh: a freeze request holds the statistics and sets FreezeDone, its release starts a new
 * interval and sets UnfreezeDone, each {@link #DONE_DELAY_NANOS} later. 2Fh is one control for the whole module: a
 * write in any bank acts for all and every bank reads the same bytes.
 */
final class Vdm {
    /** The layout the module advertises. */
    static final VdmLayout LAYOUT = VdmLayout.XPO;
    /** Firmware time from a freeze request (or its release) to its done bit: hosts wait up to tVDMF = 10 ms. */
    static final long DONE_DELAY_NANOS = 5_000_000;

    /**
     * Thresholds of each measured observable (HighAlarm, LowAlarm, HighWarning, LowWarning) around the nominal values
     * of docs/emulator.md; a statistic shares those of the observable it samples. 0 as a low limit never fires.
     */
    static final Map<VdmType, double[]> THRESHOLDS = thresholds();

    private static Map<VdmType, double[]> thresholds() {
        Map<VdmType, double[]> t = new EnumMap<>(VdmType.class);
        t.put(VdmType.LASER_TEMPERATURE, new double[] {90, 0, 85, 5});
        t.put(VdmType.ESNR_MEDIA, new double[] {35, 17.5, 32, 18.5});
        t.put(VdmType.ESNR_HOST, new double[] {35, 17.5, 32, 18.5});
        t.put(VdmType.LTP_MEDIA, new double[] {35, 16, 32, 17});
        // 2.4e-4 is the pre-FEC BER RS(544,514) is specified to correct
        t.put(VdmType.PRE_FEC_BER_CURRENT_MEDIA, new double[] {2.4e-4, 0, 1e-5, 0});
        t.put(VdmType.PRE_FEC_BER_CURRENT_HOST, new double[] {2.4e-4, 0, 1e-5, 0});
        t.put(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, new double[] {1e-8, 0, 1e-10, 0});
        t.put(VdmType.ERRORED_FRAMES_CURRENT_HOST, new double[] {1e-8, 0, 1e-10, 0});
        return t;
    }

    /** One descriptor of the layout with what publishing it needs, resolved once. */
    private record Slot(VdmPages.Group group, int index, VdmType type, int lane, double[] limits, Field samples,
                        Field flags, boolean statistic) {}

    private static final List<Slot> SLOTS = LAYOUT.slots().stream().map(s -> {
        VdmType type = s.descriptor().type().orElseThrow();
        double[] limits = new double[ThresholdKind.values().length];
        for (ThresholdKind k : ThresholdKind.values()) limits[k.ordinal()] = type.decode(type.encode(limit(type, k)));
        return new Slot(s.group(), s.index(), type, s.descriptor().resource(), limits, s.group().samples(),
            s.group().flags(), type.isStatistic());
    }).toList();

    private static double limit(VdmType type, ThresholdKind kind) {
        double[] t = THRESHOLDS.get(type.sampled());
        if (t == null) throw new IllegalStateException(type + " has no thresholds");
        return t[kind.ordinal()];
    }

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final FirmwareContext.FlagWatch flags;
    private final LinkQualityModel links;
    private final VdmStatistics statistics =
        new VdmStatistics(LAYOUT.slots().stream().map(s -> s.descriptor().type().orElseThrow()).filter(VdmType::isStatistic).toList());
    private boolean freezeRequested;
    private Timers.Timer doneTimer;

    Vdm(FirmwareContext firmware, FirmwareContext.FlagWatch flags, LinkQualityModel links) {
        this.firmware = firmware;
        this.mem = firmware.memory();
        this.flags = flags;
        this.links = links;
    }

    /**
     * The static content every reset writes: the advertisement (01h:142.6, 2Fh:128), the descriptors and thresholds in
     * every bank, UnfreezeDone (the statistics run from power-on); the pages of unadvertised groups are withdrawn.
     */
    static void loadStatic(ModuleMemory mem) {
        mem.set(AdminPages.VDM_PAGES_SUPPORTED, 1);
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            mem.set(VdmPages.GROUPS_SUPPORTED, bank, 0, LAYOUT.groups() - 1);
            mem.set(VdmPages.UNFREEZE_DONE, bank, 0, 1);
            for (VdmPages.Group g : LAYOUT.groupList()) {
                for (int i = 0; i < VdmPages.DESCRIPTORS_PER_GROUP; i++) {
                    mem.set(g.descriptors(), bank, i, LAYOUT.descriptors(g).get(i).encode());
                }
            }
            for (VdmLayout.Slot s : LAYOUT.slots()) {
                VdmType type = s.descriptor().type().orElseThrow();
                byte[] page = mem.pageArray(s.group().thresholds().page(), bank);
                for (ThresholdKind k : ThresholdKind.values()) {
                    int raw = type.encode(limit(type, k));
                    int at = s.thresholdOffset(k);
                    page[at] = (byte) (raw >>> 8);
                    page[at + 1] = (byte) raw;
                }
            }
        }
    }

    /** The pages the module leaves out: those of the VDM groups it does not advertise. */
    static List<Integer> withdrawnPages() { return VdmPages.pagesBeyond(LAYOUT.groups()); }

    /** Power-on or reset: the memory was rewritten; a new statistics interval starts, nothing is frozen. */
    void reset() {
        freezeRequested = false;
        doneTimer = null;   // the reset cleared the firmware's timers
        statistics.restart();
    }

    /** One physics tick: when the lanes were measured on it, statistics (unless frozen), samples and flags of every bank. */
    void tick() {
        if (!links.sampledThisTick()) return;
        boolean frozen = freezeRequested;
        if (!frozen) {
            for (int lane = 0; lane < Lanes.COUNT; lane++) if (links.measuring(lane)) statistics.accumulate(links, lane);
        }
        boolean latched = false;
        byte[][] samplesOfGroup = new byte[VdmPages.Group.values().length][];
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            byte[] flagPage = mem.pageArray(Pages.VDM_FLAGS, bank);
            for (VdmPages.Group g : LAYOUT.groupList()) samplesOfGroup[g.ordinal()] = mem.pageArray(g.samples().page(), bank);
            for (Slot s : SLOTS) {
                boolean statistic = s.statistic();
                if (statistic && frozen) continue;
                int lane = bank * Lanes.PER_BANK + s.lane();
                Field field = s.samples();
                byte[] samples = samplesOfGroup[s.group().ordinal()];
                if (!links.measuring(lane)) {
                    field.set(samples, s.index(), 0);
                    continue;
                }
                double v = statistic ? statistics.value(s.type(), lane) : links.value(s.type(), lane);
                int raw = s.type().encode(v);
                field.set(samples, s.index(), raw);
                // flags report the present: a statistic remembers a past condition until the next interval
                if (!statistic) latched |= latch(flagPage, s, s.type().decode(raw));
            }
        }
        if (latched) flags.flagsChanged();
    }

    /** Latches the flag bits of the thresholds {@code value} crosses; true if a bit was not set before. */
    private static boolean latch(byte[] flagPage, Slot s, double value) {
        int bits = 0;
        for (ThresholdKind k : ThresholdKind.values()) {
            if (k.isCrossedBy(value, s.limits()[k.ordinal()])) bits |= 1 << k.flagBit();
        }
        if (bits == 0) return false;
        Field f = s.flags();
        long before = f.get(flagPage, s.index());
        f.set(flagPage, s.index(), before | bits);
        return (before | bits) != before;
    }

    /** A host wrote page 2Fh bytes [{@code from}, {@code to}) of {@code bank}: the control byte acts for every bank. */
    void controlWritten(int bank, int from, int to) {
        Field request = VdmPages.FREEZE_REQUEST;
        if (from > request.offset() || to <= request.offset()) return;
        byte control = mem.pageArray(Pages.VDM_CONTROL, bank)[request.offset()];
        for (int b = 0; b < Lanes.BANKS; b++) mem.pageArray(Pages.VDM_CONTROL, b)[request.offset()] = control;
        boolean requested = mem.get(request, bank, 0) == 1;
        if (requested == freezeRequested) return;   // a rewrite of the same request (or of other bits) changes nothing
        freezeRequested = requested;
        if (doneTimer != null) doneTimer.cancel();
        // the done bit of the other direction drops at once; this one rises when the request is carried out
        setEverywhere(requested ? VdmPages.UNFREEZE_DONE : VdmPages.FREEZE_DONE, 0);
        if (!requested) statistics.restart();
        Field done = requested ? VdmPages.FREEZE_DONE : VdmPages.UNFREEZE_DONE;
        doneTimer = firmware.schedule(DONE_DELAY_NANOS, () -> setEverywhere(done, 1));
    }

    private void setEverywhere(Field f, long value) {
        for (int b = 0; b < Lanes.BANKS; b++) mem.set(f, b, 0, value);
    }

    /** True while a freeze is requested (the statistics hold). */
    boolean frozen() { return freezeRequested; }
}
