package org.openxpo.emulator.module;

import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.DiagnosticsPages;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.DiagnosticsSelector;
import org.openxpo.protocol.types.GatingTime;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.types.PrbsPattern;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.openxpo.protocol.map.DiagnosticsPages.*;

/**
 * The diagnostics firmware of pages 13h/14h (docs/xpo-profile.md, "Diagnostics"): per lane a PRBS generator and
 * checker on the host and the media side, the four loopbacks rerouting the lane's signal ({@link SignalPath}),
 * gating, bit and error counters, the loss-of-lock and gating-complete latches, and the 14h results the selector
 * chooses, filled {@link DiagnosticsSelector#REPOPULATION_MILLIS} after it is written.
 *
 * <p>A locked checker counts errors at the lane's link quality ({@link ReceiverQuality}) plus any injected BER; an
 * unlocked one counts every other bit as an error. The engines run while the module is Ready. A write of a value the
 * module does not support (a pattern outside the bitmaps, a custom gating time, host- and media-side loopbacks on one
 * lane, an unknown selector) is ignored: the field keeps its previous value.
 */
final class LaneDiagnostics {
    /** The patterns every engine supports (13h:132–139). */
    static final Set<PrbsPattern> PATTERNS = EnumSet.of(PrbsPattern.PRBS31Q, PrbsPattern.PRBS13Q, PrbsPattern.SSPRQ);
    /** Line rate of a 200G lane (106.25 GBd PAM4): the bits a checker compares each second. */
    static final double LANE_BITS_PER_S = 212.5e9;
    /** Errors an unlocked checker counts per bit: random data against its pattern. */
    static final double UNLOCKED_BER = 0.5;
    /** Results update periods of 13h:177.0 (0: 1 s, 1: 5 s). */
    private static final double[] UPDATE_PERIOD_S = {1, 5};
    /** 13h:129.7-6 code 3 (> 20 ms): gating ends on a physics tick (100 ms by default), up to one tick late. */
    private static final int GATING_LATER_THAN_20_MS = 3;
    private static final int HOST = 0, MEDIA = 1;
    private static final PatternEngine[] CHECKERS = {PatternEngine.HOST_CHECKER, PatternEngine.MEDIA_CHECKER};
    private static final Field[] GATING_COMPLETE = {HOST_GATING_COMPLETE_FLAG, MEDIA_GATING_COMPLETE_FLAG};
    private static final int BANKS = Lanes.BANKS, PER_BANK = Lanes.PER_BANK;

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final Faults faults;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.FlagWatch flags;
    private final ReceiverQuality quality;

    /** Per side and global lane index: bits compared and errors counted since the checker started or was reset. */
    private final double[][] bits = new double[2][Lanes.COUNT], errors = new double[2][Lanes.COUNT];
    /** The last completed gating period's counts (auto-restart gating), NaN before one completed. */
    private final double[][] periodBits = new double[2][Lanes.COUNT], periodErrors = new double[2][Lanes.COUNT];
    private final double[][] gatingElapsedS = new double[2][Lanes.COUNT];
    private final boolean[][] gatingDone = new boolean[2][Lanes.COUNT];
    /** Page 13h of each bank as last accepted: invalid writes go back to it, enable edges are found against it. */
    private final byte[][] accepted = new byte[BANKS][];
    private final int[] acceptedSelector = new int[BANKS];
    private final boolean[] populated = new boolean[BANKS];
    private final double[] sinceUpdateS = new double[BANKS];
    private final Timers.Timer[] repopulation = new Timers.Timer[BANKS];

    LaneDiagnostics(FirmwareContext firmware, FirmwareContext.ModuleStatus module, FirmwareContext.FlagWatch flags,
                    ReceiverQuality quality) {
        this.firmware = firmware;
        this.mem = firmware.memory();
        this.faults = firmware.faults();
        this.module = module;
        this.flags = flags;
        this.quality = quality;
        reset();
    }

    /** Writes the advertisement: 01h:142.5 and the 13h capabilities of every bank. */
    static void advertise(ModuleMemory mem) {
        mem.set(AdminPages.DIAG_PAGES_SUPPORTED, 1);
        for (int b = 0; b < BANKS; b++) {
            for (Loopback l : Loopback.values()) mem.set(l.supported(), b, 0, 1);
            mem.set(PER_LANE_HOST_LOOPBACK_SUPPORTED, b, 0, 1);
            mem.set(PER_LANE_MEDIA_LOOPBACK_SUPPORTED, b, 0, 1);
            mem.set(GATING_ACCURACY, b, 0, GATING_LATER_THAN_20_MS);
            mem.set(GATED_RESULTS_SUPPORTED, b, 0, 1);
            mem.set(PERIODIC_UPDATES_SUPPORTED, b, 0, 1);
            mem.set(PER_LANE_GATING_TIMERS_SUPPORTED, b, 0, 1);
            mem.set(AUTO_RESTART_GATING_SUPPORTED, b, 0, 1);
            mem.set(MEDIA_SNR_REPORTING_SUPPORTED, b, 0, 1);
            mem.set(HOST_SNR_REPORTING_SUPPORTED, b, 0, 1);
            mem.set(BITS_AND_ERRORS_COUNTING_SUPPORTED, b, 0, 1);
            mem.set(BER_REPORTING_SUPPORTED, b, 0, 1);
            int preFec = 0;
            for (PatternEngine e : PatternEngine.values()) preFec |= 1 << e.locationBit(true);
            mem.set(PATTERN_ENGINE_LOCATIONS, b, 0, preFec);
            for (PatternEngine e : PatternEngine.values()) {
                for (PrbsPattern p : PATTERNS) mem.set(e.patternsSupported(), b, p.code(), 1);
            }
            // every engine has a per-lane pattern and a per-lane enable: every bit of the byte
            mem.set(PER_LANE_PATTERN_CONTROLS_SUPPORTED, b, 0, (1L << PER_LANE_PATTERN_CONTROLS_SUPPORTED.bitWidth()) - 1);
        }
    }

    /** Volatile state back to power-on (the memory was cleared with it). */
    void reset() {
        for (int s = HOST; s <= MEDIA; s++) {
            for (int lane = 0; lane < Lanes.COUNT; lane++) clear(s, lane);
        }
        for (int b = 0; b < BANKS; b++) {
            accepted[b] = new byte[ManagementInterface.WINDOW_SIZE];
            acceptedSelector[b] = 0;
            populated[b] = true;
            sinceUpdateS[b] = 0;
            repopulation[b] = null;   // the module cleared its timers
        }
    }

    private void clear(int side, int lane) {
        bits[side][lane] = errors[side][lane] = gatingElapsedS[side][lane] = 0;
        periodBits[side][lane] = periodErrors[side][lane] = Double.NaN;
        gatingDone[side][lane] = false;
    }

    // ------------------------------------------------------------------ host writes

    /** A host write to page 13h of {@code bank}: refuse unsupported values, then act on reset and enable edges. */
    void onControlWrite(int bank) {
        byte[] page = mem.pageArray(Pages.DIAGNOSTICS_FIRST, bank);
        byte[] before = accepted[bank];
        for (int i = 0; i < PER_BANK; i++) {
            for (PatternEngine e : PatternEngine.values()) {
                if (PrbsPattern.fromCode((int) e.pattern().get(page, i)).filter(PATTERNS::contains).isEmpty()) {
                    e.pattern().set(page, i, e.pattern().get(before, i));
                }
            }
            if (hostSide(page, i) && mediaSide(page, i)) {
                for (Loopback l : Loopback.values()) l.enable().set(page, i, l.enable().get(before, i));
            }
        }
        if (GatingTime.fromCode((int) GATING_TIME.get(page, 0)).isEmpty()) GATING_TIME.set(page, 0, GATING_TIME.get(before, 0));

        boolean resetAll = RESET_ERROR_INFORMATION.get(before, 0) == 0 && RESET_ERROR_INFORMATION.get(page, 0) == 1;
        for (int side = HOST; side <= MEDIA; side++) {
            Field enable = CHECKERS[side].enable();
            for (int i = 0; i < PER_BANK; i++) {
                boolean started = enable.get(before, i) == 0 && enable.get(page, i) == 1;
                if (resetAll || started) clear(side, Lanes.lane(bank, i) - 1);
            }
        }
        accepted[bank] = page.clone();
        if (resetAll && populated[bank]) fill(bank);
    }

    /** A host write to page 14h of {@code bank}: a new selector empties the results area until it is repopulated. */
    void onResultsWrite(int bank) {
        byte[] page = mem.pageArray(Pages.DIAGNOSTICS_LAST, bank);
        int code = (int) DIAGNOSTICS_SELECTOR.get(page, 0);
        if (DiagnosticsSelector.fromCode(code).isEmpty()) {
            DIAGNOSTICS_SELECTOR.set(page, 0, acceptedSelector[bank]);
            return;
        }
        acceptedSelector[bank] = code;
        for (int k = 0; k < DIAGNOSTICS_DATA.count(); k++) DIAGNOSTICS_DATA.set(page, k, 0);
        populated[bank] = false;
        if (repopulation[bank] != null) repopulation[bank].cancel();
        repopulation[bank] = firmware.schedule(TimeUnit.MILLISECONDS.toNanos(DiagnosticsSelector.REPOPULATION_MILLIS), () -> {
            populated[bank] = true;
            fill(bank);
        });
    }

    private static boolean hostSide(byte[] page, int i) {
        return HOST_INPUT_LOOPBACK_ENABLE.get(page, i) == 1 || HOST_OUTPUT_LOOPBACK_ENABLE.get(page, i) == 1;
    }

    private static boolean mediaSide(byte[] page, int i) {
        return MEDIA_INPUT_LOOPBACK_ENABLE.get(page, i) == 1 || MEDIA_OUTPUT_LOOPBACK_ENABLE.get(page, i) == 1;
    }

    // ------------------------------------------------------------------ the lane's signal

    /** The lane's signal path with its generators and loopbacks as page 13h sets them now. */
    SignalPath path(int lane) {
        int bank = Lanes.bankOf(lane), i = Lanes.indexInBank(lane);
        byte[] page = mem.pageArray(Pages.DIAGNOSTICS_FIRST, bank);
        boolean ready = module.state() == ModuleState.READY;
        LaneSignal fiber = faults.rxLos(lane) ? LaneSignal.NONE : LaneSignal.FAR_END;
        return SignalPath.route(fiber, ready ? generator(page, i, false) : null, ready ? generator(page, i, true) : null,
            ready ? loopbacks(page, i) : SignalPath.Loopbacks.NONE);
    }

    /** True when one of the lane's loopbacks is on: the lane carries no traffic (CMIS). */
    boolean inLoopback(int lane) {
        byte[] page = mem.pageArray(Pages.DIAGNOSTICS_FIRST, Lanes.bankOf(lane));
        return module.state() == ModuleState.READY && loopbacks(page, Lanes.indexInBank(lane)).any();
    }

    private static LaneSignal generator(byte[] page, int i, boolean media) {
        PatternEngine g = media ? PatternEngine.MEDIA_GENERATOR : PatternEngine.HOST_GENERATOR;
        if (g.enable().get(page, i) == 0) return null;
        return LaneSignal.generated(media, PrbsPattern.fromCode((int) g.pattern().get(page, i)).orElseThrow());
    }

    private static SignalPath.Loopbacks loopbacks(byte[] page, int i) {
        return new SignalPath.Loopbacks(HOST_INPUT_LOOPBACK_ENABLE.get(page, i) == 1,
            HOST_OUTPUT_LOOPBACK_ENABLE.get(page, i) == 1, MEDIA_INPUT_LOOPBACK_ENABLE.get(page, i) == 1,
            MEDIA_OUTPUT_LOOPBACK_ENABLE.get(page, i) == 1);
    }

    // ------------------------------------------------------------------ the firmware tick

    /** Advances checkers, gating and latches by {@code dt} seconds, and refreshes results whose update period ran out. */
    void tick(double dt) {
        if (module.state() != ModuleState.READY) return;
        boolean latched = false;
        for (int b = 0; b < BANKS; b++) {
            byte[] control = mem.pageArray(Pages.DIAGNOSTICS_FIRST, b);
            byte[] results = mem.pageArray(Pages.DIAGNOSTICS_LAST, b);
            GatingTime gating = GatingTime.fromCode((int) GATING_TIME.get(control, 0)).orElse(GatingTime.UNGATED);
            boolean autoRestart = AUTO_RESTART_GATING.get(control, 0) == 1;
            for (int i = 0; i < PER_BANK; i++) {
                int lane = Lanes.lane(b, i);
                SignalPath path = null;
                for (int side = HOST; side <= MEDIA; side++) {
                    PatternEngine checker = CHECKERS[side];
                    if (checker.enable().get(control, i) == 0) continue;
                    if (path == null) path = path(lane);
                    latched |= check(side, lane, b, i, path, control, results, gating, autoRestart, dt);
                }
            }
            sinceUpdateS[b] += dt;
            if (sinceUpdateS[b] >= UPDATE_PERIOD_S[(int) UPDATE_PERIOD.get(control, 0)]) {
                sinceUpdateS[b] = 0;
                if (populated[b]) fill(b);
            }
        }
        if (latched) flags.flagsChanged();
    }

    /** One enabled checker for one tick; true when it latched a flag. */
    private boolean check(int side, int lane, int bank, int i, SignalPath path, byte[] control, byte[] results,
                          GatingTime gating, boolean autoRestart, double dt) {
        boolean media = side == MEDIA;
        PatternEngine checker = CHECKERS[side];
        PrbsPattern expected = PrbsPattern.fromCode((int) checker.pattern().get(control, i)).orElseThrow();
        LaneSignal seen = media ? path.mediaChecker() : path.hostChecker();
        boolean locked = seen.carries(expected) && !faults.checkerLol(lane, media);
        boolean latched = false;
        if (!locked) latched = latch(checker.lolFlag(), results, i);
        int k = lane - 1;
        if (gatingDone[side][k]) return latched;   // a completed period holds its counts
        double n = LANE_BITS_PER_S * dt;
        double ber = locked ? Math.min(0.5, quality.ber(snrDb(side, lane, path)) + faults.injectedBer(lane, media)) : UNLOCKED_BER;
        bits[side][k] += n;
        errors[side][k] += n * ber;
        if (!gating.gated()) return latched;
        gatingElapsedS[side][k] += dt;
        if (gatingElapsedS[side][k] + 1e-9 < gating.duration().toMillis() / 1e3) return latched;
        latched |= latch(GATING_COMPLETE[side], results, i);
        if (autoRestart) {
            periodBits[side][k] = bits[side][k];
            periodErrors[side][k] = errors[side][k];
            bits[side][k] = errors[side][k] = gatingElapsedS[side][k] = 0;
        } else {
            gatingDone[side][k] = true;
        }
        return latched;
    }

    private static boolean latch(Field flag, byte[] page, int i) {
        if (flag.get(page, i) == 1) return false;
        flag.set(page, i, 1);
        return true;
    }

    /** SNR at the side's receiver: the host input always carries the host's signal; the media one needs light. */
    private double snrDb(int side, int lane, SignalPath path) {
        if (side == HOST) return quality.hostSnrDb(lane);
        return path.mediaChecker().origin() == LaneSignal.Origin.NONE ? 0 : quality.mediaSnrDb(lane);
    }

    // ------------------------------------------------------------------ results

    /** The side's BER as the results report it: the last completed gating period, else the running counts. */
    double reportedBer(int lane, boolean media) {
        int side = media ? MEDIA : HOST, k = lane - 1;
        double b = Double.isNaN(periodBits[side][k]) ? bits[side][k] : periodBits[side][k];
        double e = Double.isNaN(periodBits[side][k]) ? errors[side][k] : periodErrors[side][k];
        return b > 0 ? e / b : 0;
    }

    private long reportedCount(double[][] counts, double[][] period, int side, int lane) {
        int k = lane - 1;
        return Math.round(Double.isNaN(period[side][k]) ? counts[side][k] : period[side][k]);
    }

    /** Writes the selected results of {@code bank} into 14h:192–255. */
    private void fill(int bank) {
        byte[] page = mem.pageArray(Pages.DIAGNOSTICS_LAST, bank);
        DiagnosticsSelector selector = DiagnosticsSelector.fromCode(acceptedSelector[bank]).orElse(DiagnosticsSelector.NONE);
        for (int k = 0; k < DIAGNOSTICS_DATA.count(); k++) DIAGNOSTICS_DATA.set(page, k, 0);
        for (int i = 0; i < PER_BANK; i++) {
            int lane = Lanes.lane(bank, i);
            switch (selector) {
                case NONE -> { }
                case BER -> {
                    HOST_BER.setValue(page, i, reportedBer(lane, false));
                    MEDIA_BER.setValue(page, i, reportedBer(lane, true));
                }
                case HOST_BIT_COUNT -> HOST_BIT_COUNT.setValue(page, i, reportedCount(bits, periodBits, HOST, lane));
                case HOST_ERROR_COUNT -> HOST_ERROR_COUNT.setValue(page, i, reportedCount(errors, periodErrors, HOST, lane));
                case MEDIA_BIT_COUNT -> MEDIA_BIT_COUNT.setValue(page, i, reportedCount(bits, periodBits, MEDIA, lane));
                case MEDIA_ERROR_COUNT -> MEDIA_ERROR_COUNT.setValue(page, i, reportedCount(errors, periodErrors, MEDIA, lane));
                case SNR -> {
                    SignalPath path = path(lane);
                    HOST_SNR.setValue(page, i, module.state() == ModuleState.READY ? snrDb(HOST, lane, path) : 0);
                    MEDIA_SNR.setValue(page, i, module.state() == ModuleState.READY ? snrDb(MEDIA, lane, path) : 0);
                }
            }
        }
    }
}
