package org.openxpo.driver.diag;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.access.RegisterAccess.FieldRead;
import org.openxpo.driver.access.RegisterAccess.PageWrite;
import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.driver.module.LaneSets;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.DiagnosticsSelector;
import org.openxpo.protocol.types.GatingTime;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.PrbsPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CMIS diagnostics pages 13h/14h as a host drives them for bring-up: loopbacks, PRBS generators and checkers,
 * gating, counter reset, and the checker results (BER, SNR, loss of lock). Every request is checked against what the
 * module advertises first (01h:142 bit 5, then 13h:128–142): an absent capability is {@link XpoException.Unsupported},
 * results of a checker that is not running are {@link XpoException.WrongState}, lanes outside the module are
 * {@link XpoException.InvalidRequest}. Lane masks are read-modify-written per bank, each step as one batch.
 */
public final class Diagnostics {
    /** The capability bytes 13h:128–142 as fields, read as one range. */
    private static final List<Field> CAPABILITIES = List.of(DiagnosticsPages.MEDIA_OUTPUT_LOOPBACK_SUPPORTED,
        DiagnosticsPages.GATING_ACCURACY, DiagnosticsPages.BER_REPORTING_SUPPORTED,
        DiagnosticsPages.PATTERN_ENGINE_LOCATIONS, DiagnosticsPages.HOST_GENERATOR_PATTERNS_SUPPORTED,
        DiagnosticsPages.MEDIA_GENERATOR_PATTERNS_SUPPORTED, DiagnosticsPages.HOST_CHECKER_PATTERNS_SUPPORTED,
        DiagnosticsPages.MEDIA_CHECKER_PATTERNS_SUPPORTED, DiagnosticsPages.PER_LANE_PATTERN_CONTROLS_SUPPORTED);

    private final RegisterAccess access;
    private final HostClock clock;

    public Diagnostics(RegisterAccess access) { this(access, access.clock()); }

    public Diagnostics(RegisterAccess access, HostClock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** What the module's diagnostics can do; {@link XpoException.Unsupported} when it advertises no diagnostics pages. */
    public DiagCapabilities capabilities() {
        requireAdvertised();
        return DiagCapabilities.of(access.readFields(Pages.DIAGNOSTICS_FIRST, 0, CAPABILITIES));
    }

    private int requireAdvertised() { return requireAdvertised(AdvertisedPages.read(access)); }

    private static int requireAdvertised(AdvertisedPages pages) {
        if (!pages.diagnostics()) {
            throw new XpoException.Unsupported("the module does not advertise the diagnostics pages 13h-14h "
                + "(01h:142 DiagPagesSupported is 0)");
        }
        return pages.banks();
    }

    // ------------------------------------------------------------------ loopbacks

    /** Turns {@code loopback} on or off on {@code lanes}, the other lanes as they were. */
    public void setLoopback(Loopback loopback, BitSet lanes, boolean on) {
        DiagCapabilities caps = capabilities();
        checkLanes(lanes);
        if (!caps.loopbacks().contains(loopback)) {
            throw new XpoException.Unsupported("the module does not support the " + label(loopback) + " loopback (13h:128 "
                + loopback.supported().name() + " is 0)");
        }
        if (!caps.perLane(loopback)) requireWholeBanks(lanes, label(loopback) + " loopback");
        if (on && !caps.simultaneousHostMediaLoopback()) {
            Map<Loopback, BitSet> now = loopbacks();
            for (Map.Entry<Loopback, BitSet> e : now.entrySet()) {
                if (e.getKey().media() != loopback.media() && e.getValue().intersects(lanes)) {
                    throw new XpoException.WrongState("the " + label(e.getKey()) + " loopback is on on lanes "
                        + LaneSets.format(and(e.getValue(), lanes)) + " and the module cannot loop host and media side at "
                        + "once (13h:128 bit 6 is 0): clear it first");
                }
            }
        }
        writeLaneBits(List.of(loopback.enable()), lanes, on);
    }

    /** Turns every loopback off on {@code lanes}. */
    public void clearLoopbacks(BitSet lanes) {
        requireAdvertised();
        checkLanes(lanes);
        List<Field> all = new ArrayList<>();
        for (Loopback l : Loopback.values()) all.add(l.enable());
        writeLaneBits(all, lanes, false);
    }

    /** The lanes each loopback is on for, every bank read in one batch. */
    public Map<Loopback, BitSet> loopbacks() { return loopbacks(AdvertisedPages.read(access)); }

    /**
     * As {@link #loopbacks()}, with the advertisement already known (read with the identity): one read rather than two,
     * for a host that polls the loopbacks of many modules.
     */
    public Map<Loopback, BitSet> loopbacks(AdvertisedPages pages) {
        int banks = requireAdvertised(pages);
        List<Field> fields = new ArrayList<>();
        for (Loopback l : Loopback.values()) fields.add(l.enable());
        List<byte[]> windows = readEveryBank(banks, fields);
        Map<Loopback, BitSet> out = new EnumMap<>(Loopback.class);
        for (Loopback l : Loopback.values()) out.put(l, lanesOf(l.enable(), windows));
        return out;
    }

    // ------------------------------------------------------------------ PRBS

    /**
     * Starts the {@code side} generator and checker with {@code pattern} on {@code lanes} (either alone when the other
     * is false): the pattern nibbles first, then the enables, each as one batch.
     */
    public void startPrbs(DiagSide side, PrbsPattern pattern, BitSet lanes, boolean generator, boolean checker) {
        DiagCapabilities caps = capabilities();
        checkLanes(lanes);
        List<PatternEngine> engines = new ArrayList<>();
        if (generator) engines.add(side.generator());
        if (checker) engines.add(side.checker());
        if (engines.isEmpty()) throw new XpoException.InvalidRequest("start the generator, the checker or both");
        for (PatternEngine e : engines) {
            if (!caps.patterns().get(e).contains(pattern)) {
                throw new XpoException.Unsupported("the " + engineLabel(e) + " does not support " + pattern + " (13h:"
                    + e.patternsSupported().offset() + " supports " + (caps.patterns().get(e).isEmpty() ? "none"
                    : caps.patterns().get(e).stream().map(Enum::name).collect(Collectors.joining(", "))) + ")");
            }
        }
        writePatterns(engines, pattern, lanes);
        writeLaneBits(engines.stream().map(PatternEngine::enable).toList(), lanes, true);
    }

    /** Stops the {@code side} generator and checker on {@code lanes}. */
    public void stopPrbs(DiagSide side, BitSet lanes) {
        requireAdvertised();
        checkLanes(lanes);
        writeLaneBits(List.of(side.generator().enable(), side.checker().enable()), lanes, false);
    }

    /** Sets the gating period of the banks {@code lanes} touch (13h:177 bits 3-1); results restart with it. */
    public void setGating(GatingTime gating, BitSet lanes) {
        requireAdvertised();
        checkLanes(lanes);
        if (gating.gated() && !capabilities().gating()) {
            throw new XpoException.Unsupported("the module has no gating timer (13h:129 GatingAccuracy is 0)");
        }
        for (int bank : banksOf(lanes)) access.set(DiagnosticsPages.GATING_TIME, bank, 0, gating.code());
    }

    /** Zeroes the error counters and results of the banks {@code lanes} touch: ResetErrorInformation 1 then 0. */
    public void resetCounters(BitSet lanes) {
        requireAdvertised();
        checkLanes(lanes);
        for (int bank : banksOf(lanes)) {
            access.set(DiagnosticsPages.RESET_ERROR_INFORMATION, bank, 0, 1);
            access.set(DiagnosticsPages.RESET_ERROR_INFORMATION, bank, 0, 0);
        }
    }

    /**
     * The {@code side} checker results of {@code lanes}: per bank the selector is set to BER, then SNR (each waited
     * {@link DiagnosticsSelector#REPOPULATION_MILLIS} for the module to fill the results area), then the latched
     * loss-of-lock and gating-complete flags are read (and so cleared). {@link XpoException.WrongState} when the
     * checker is off on a requested lane.
     */
    public List<PrbsResult> results(DiagSide side, BitSet lanes) {
        DiagCapabilities caps = capabilities();
        checkLanes(lanes);
        PatternEngine checker = side.checker();
        List<Integer> banks = banksOf(lanes);
        List<byte[]> controls = readBanks(banks, List.of(checker.enable(), checker.pattern(), DiagnosticsPages.GATING_TIME));
        BitSet running = lanesOf(checker.enable(), banks, controls);
        BitSet idle = and(lanes, complement(running));
        if (!idle.isEmpty()) {
            throw new XpoException.WrongState("the " + engineLabel(checker) + " is off on lanes " + LaneSets.format(idle)
                + ": start it with prbs start");
        }
        Field berField = side == DiagSide.HOST ? DiagnosticsPages.HOST_BER : DiagnosticsPages.MEDIA_BER;
        Field snrField = side == DiagSide.HOST ? DiagnosticsPages.HOST_SNR : DiagnosticsPages.MEDIA_SNR;
        boolean snr = side == DiagSide.HOST ? caps.snrHost() : caps.snrMedia();
        List<byte[]> ber = caps.berReporting() ? selectAndRead(banks, DiagnosticsSelector.BER, berField) : null;
        List<byte[]> snrs = snr ? selectAndRead(banks, DiagnosticsSelector.SNR, snrField) : null;
        Field lol = checker.lolFlag();
        Field gated = side == DiagSide.HOST ? DiagnosticsPages.HOST_GATING_COMPLETE_FLAG : DiagnosticsPages.MEDIA_GATING_COMPLETE_FLAG;
        List<byte[]> flags = readBanks(banks, List.of(lol, gated));
        List<PrbsResult> out = new ArrayList<>();
        for (int i = 0; i < banks.size(); i++) {
            int bank = banks.get(i);
            byte[] c = controls.get(i), f = flags.get(i);
            GatingTime gating = GatingTime.fromCode((int) DiagnosticsPages.GATING_TIME.get(c, 0)).orElse(GatingTime.UNGATED);
            for (int k = 0; k < Lanes.PER_BANK; k++) {
                int lane = Lanes.lane(bank, k);
                if (!lanes.get(lane)) continue;
                PrbsPattern pattern = PrbsPattern.fromCode((int) checker.pattern().get(c, k)).orElse(null);
                out.add(new PrbsResult(lane, side, pattern, lol.get(f, k) == 0,
                    ber == null ? null : berField.value(ber.get(i), k), snrs == null ? null : snrField.value(snrs.get(i), k),
                    gating, gated.get(f, k) == 1));
            }
        }
        return out;
    }

    /** Writes {@code selector} where it differs, waits for the module to repopulate, reads {@code view} per bank. */
    private List<byte[]> selectAndRead(List<Integer> banks, DiagnosticsSelector selector, Field view) {
        Field sel = DiagnosticsPages.DIAGNOSTICS_SELECTOR;
        List<PageWrite> writes = new ArrayList<>();
        for (int bank : banks) writes.add(new PageWrite(sel.page(), bank, sel.offset(), new byte[] {(byte) selector.code()}));
        access.write(writes);
        clock.sleep(Duration.ofMillis(DiagnosticsSelector.REPOPULATION_MILLIS));
        return readBanks(banks, List.of(view));
    }

    // ------------------------------------------------------------------ lane masks

    /** Sets or clears the {@code lanes} bits of each 8-lane mask field in {@code fields}, one read and one write batch. */
    private void writeLaneBits(List<Field> fields, BitSet lanes, boolean on) {
        List<Integer> banks = banksOf(lanes);
        List<byte[]> now = readBanks(banks, fields);
        List<PageWrite> writes = new ArrayList<>();
        for (int i = 0; i < banks.size(); i++) {
            int bank = banks.get(i), mask = Lanes.bankMask(lanes, bank);
            for (Field f : fields) {
                int old = now.get(i)[f.offset()] & 0xFF;
                int next = on ? old | mask : old & ~mask;
                writes.add(new PageWrite(f.page(), bank, f.offset(), new byte[] {(byte) next}));
            }
        }
        access.write(writes);
    }

    /** Sets the pattern nibble of {@code lanes} in each engine's pattern-select bytes, other lanes kept. */
    private void writePatterns(List<PatternEngine> engines, PrbsPattern pattern, BitSet lanes) {
        List<Integer> banks = banksOf(lanes);
        List<Field> fields = engines.stream().map(PatternEngine::pattern).toList();
        List<byte[]> now = readBanks(banks, fields);
        List<PageWrite> writes = new ArrayList<>();
        for (int i = 0; i < banks.size(); i++) {
            int bank = banks.get(i);
            byte[] w = now.get(i);
            for (Field f : fields) {
                for (int k = 0; k < Lanes.PER_BANK; k++) if (lanes.get(Lanes.lane(bank, k))) f.set(w, k, pattern.code());
                byte[] data = new byte[f.byteLength()];
                System.arraycopy(w, f.offset(), data, 0, data.length);
                writes.add(new PageWrite(f.page(), bank, f.offset(), data));
            }
        }
        access.write(writes);
    }

    private List<byte[]> readEveryBank(int banks, List<Field> fields) {
        List<Integer> all = new ArrayList<>();
        for (int b = 0; b < banks; b++) all.add(b);
        return readBanks(all, fields);
    }

    /** {@code fields} (all on one page) of each bank, as one batch; a window per bank, in order. */
    private List<byte[]> readBanks(List<Integer> banks, List<Field> fields) {
        List<FieldRead> reads = new ArrayList<>();
        for (int bank : banks) reads.add(new FieldRead(fields.getFirst().page(), bank, fields));
        return access.readFields(reads);
    }

    private static BitSet lanesOf(Field mask, List<byte[]> windows) {
        List<Integer> banks = new ArrayList<>();
        for (int b = 0; b < windows.size(); b++) banks.add(b);
        return lanesOf(mask, banks, windows);
    }

    private static BitSet lanesOf(Field mask, List<Integer> banks, List<byte[]> windows) {
        BitSet out = new BitSet();
        for (int i = 0; i < banks.size(); i++) {
            for (int k = 0; k < Lanes.PER_BANK; k++) if (mask.get(windows.get(i), k) == 1) out.set(Lanes.lane(banks.get(i), k));
        }
        return out;
    }

    private void checkLanes(BitSet lanes) {
        if (lanes.isEmpty()) throw new XpoException.InvalidRequest("no lanes given");
        int last = AdvertisedPages.read(access).banks() * Lanes.PER_BANK;
        if (lanes.length() - 1 > last) {
            throw new XpoException.InvalidRequest("lane " + (lanes.length() - 1) + " is outside the module's lanes 1-" + last);
        }
    }

    private static void requireWholeBanks(BitSet lanes, String what) {
        for (int bank : banksOf(lanes)) {
            if (Lanes.bankMask(lanes, bank) != (1 << Lanes.PER_BANK) - 1) {
                throw new XpoException.Unsupported("the module sets the " + what + " for all 8 lanes of a bank at once "
                    + "(13h:128 per-lane bit is 0): give whole banks, such as " + Lanes.firstLane(bank) + "-"
                    + (Lanes.firstLane(bank) + Lanes.PER_BANK - 1));
            }
        }
    }

    private static List<Integer> banksOf(BitSet lanes) {
        return lanes.stream().map(Lanes::bankOf).distinct().sorted().boxed().toList();
    }

    private static BitSet and(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.and(b);
        return out;
    }

    private static BitSet complement(BitSet a) {
        BitSet out = new BitSet();
        out.set(1, Lanes.COUNT + 1);
        out.andNot(a);
        return out;
    }

    static String label(Loopback l) { return l.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    static String engineLabel(PatternEngine e) { return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }
}
