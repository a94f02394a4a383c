package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.ConfigStatus;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.Map;

import static org.openxpo.protocol.types.DataPathState.*;

/**
 * The data-path state machines of all 64 lanes (cmis-digest §4.2). A data path is the set of lanes of one bank that
 * share AppSel and DataPathID in the active control set (11h:206..); lanes with AppSel 0 are unused and report
 * DPDeactivated. The registers are the state; this class adds the timers and the rules.
 *
 * <p>Choices where CMIS is silent (docs/xpo-profile.md): a data path is deinitialized when any of its lanes has
 * DPDeinit set; its transmitter counts as enabled while at least one lane's OutputDisableTx is clear, and a disabled
 * lane inside an active data path only turns its own output off; DPStateChangedFlag latches on entry to the steady
 * states DPDeactivated, DPInitialized and DPActivated.
 */
final class DataPaths {
    private static final int LANES = Lanes.PER_BANK;
    /** What ApplyDPInit copies from SCS0 (10h) to the active set (11h): the map's staged→active relation. */
    private static final Map<Field, Field> STAGED_TO_ACTIVE = MemoryMap.xpo().stagedControls();

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.FlagWatch flags;
    /** Pending transition per data path, indexed by its first lane − 1. */
    private final Timers.Timer[] timers = new Timers.Timer[Lanes.COUNT];
    /** Pending ApplyDPInit completion per bank. */
    private final Timers.Timer[] applyTimers = new Timers.Timer[Lanes.BANKS];
    private final int[] applyMasks = new int[Lanes.BANKS];

    DataPaths(FirmwareContext firmware, FirmwareContext.ModuleStatus module, FirmwareContext.FlagWatch flags) {
        this.firmware = firmware;
        this.mem = firmware.memory();
        this.module = module;
        this.flags = flags;
    }

    /** After reset: every lane DPDeactivated, no timers. */
    void reset() {
        java.util.Arrays.fill(timers, null);
        java.util.Arrays.fill(applyTimers, null);
    }

    DataPathState state(int bank, int lane) {
        return DataPathState.fromCode((int) mem.get(LaneStatusPage.DP_STATE, bank, lane));
    }

    DpConfig active(int bank, int lane) {
        return DpConfig.decode((int) mem.get(LaneStatusPage.ACS_DP_CONFIG_LANE, bank, lane));
    }

    /** Lane mask (within the bank) of the active data path that contains {@code lane}, or 0 for an unused lane. */
    int dataPathMask(int bank, int lane) {
        DpConfig c = active(bank, lane);
        if (c.appSel() == 0) return 0;
        int mask = 0;
        for (int i = 0; i < LANES; i++) {
            DpConfig o = active(bank, i);
            if (o.appSel() == c.appSel() && o.dataPathId() == c.dataPathId()) mask |= 1 << i;
        }
        return mask;
    }

    /** Brings every data path towards what its controls and the module state ask for. */
    void reconcileAll() {
        for (int b = 0; b < Lanes.BANKS; b++) reconcileBank(b);
    }

    void reconcileBank(int bank) {
        int done = 0;
        for (int i = 0; i < LANES; i++) {
            if ((done & (1 << i)) != 0) continue;
            int mask = dataPathMask(bank, i);
            if (mask == 0) {
                setState(bank, 1 << i, DEACTIVATED);
                done |= 1 << i;
                continue;
            }
            done |= mask;
            reconcile(bank, Integer.numberOfTrailingZeros(mask), mask);
        }
        updateOutputs(bank);
    }

    private DataPathState target(int bank, int mask) {
        if (module.state() != ModuleState.READY) return DEACTIVATED;
        if ((byteOf(LaneControlPage.DP_DEINIT_LANE, bank) & mask) != 0) return DEACTIVATED;
        int txDisabled = byteOf(LaneControlPage.OUTPUT_DISABLE_TX, bank) & mask;
        return txDisabled == mask ? INITIALIZED : ACTIVATED;
    }

    private void reconcile(int bank, int first, int mask) {
        int key = Lanes.lane(bank, first) - 1;
        Timers.Timer t = timers[key];
        boolean busy = t != null && t.pending();
        DataPathState cur = state(bank, first);
        DataPathState want = target(bank, mask);
        ModuleConfig.Timing timing = firmware.config().timing();
        switch (cur) {
            case DEACTIVATED -> {
                if (want != DEACTIVATED) {
                    enter(bank, mask, INIT);
                    clearBits(LaneStatusPage.DP_INIT_PENDING_LANE, bank, mask);
                    after(key, timing.dpInit(), () -> { enter(bank, mask, INITIALIZED); reconcileBank(bank); });
                }
            }
            case INIT, TX_TURN_ON, TX_TURN_OFF -> {
                if (want == DEACTIVATED) deinit(bank, key, mask);
            }
            case INITIALIZED -> {
                if (want == DEACTIVATED) deinit(bank, key, mask);
                else if (want == ACTIVATED) {
                    enter(bank, mask, TX_TURN_ON);
                    after(key, timing.txTurnOn(), () -> { enter(bank, mask, ACTIVATED); reconcileBank(bank); });
                }
            }
            case ACTIVATED -> {
                if (want == DEACTIVATED) deinit(bank, key, mask);
                else if (want == INITIALIZED) {
                    enter(bank, mask, TX_TURN_OFF);
                    after(key, timing.txTurnOff(), () -> { enter(bank, mask, INITIALIZED); reconcileBank(bank); });
                }
            }
            case DEINIT -> {
                if (!busy) enter(bank, mask, DEACTIVATED);
            }
        }
    }

    private void deinit(int bank, int key, int mask) {
        if (timers[key] != null) timers[key].cancel();
        enter(bank, mask, DEINIT);
        after(key, firmware.config().timing().dpDeinit(), () -> { enter(bank, mask, DEACTIVATED); reconcileBank(bank); });
    }

    /** Module fault or power loss: lasers off at once, every data path deactivated. */
    void forceDeactivateAll() {
        for (Timers.Timer t : timers) if (t != null) t.cancel();
        for (int b = 0; b < Lanes.BANKS; b++) {
            for (int i = 0; i < LANES; i++) {
                if (state(b, i) != DEACTIVATED) enter(b, 1 << i, DEACTIVATED);
            }
            updateOutputs(b);
        }
    }

    private void after(int key, Duration d, Runnable action) {
        if (timers[key] != null) timers[key].cancel();
        timers[key] = firmware.schedule(d.toNanos(), action);
    }

    private void enter(int bank, int mask, DataPathState s) {
        boolean steady = s == DEACTIVATED || s == INITIALIZED || s == ACTIVATED;
        boolean changed = setState(bank, mask, s);
        if (changed && steady) {
            for (int i = 0; i < LANES; i++) {
                if ((mask & (1 << i)) != 0) mem.latch(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank, i);
            }
            flags.flagsChanged();
        }
        updateOutputs(bank);
    }

    private boolean setState(int bank, int mask, DataPathState s) {
        boolean changed = false;
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) == 0) continue;
            if (mem.get(LaneStatusPage.DP_STATE, bank, i) != s.code()) {
                mem.set(LaneStatusPage.DP_STATE, bank, i, s.code());
                changed = true;
            }
        }
        return changed;
    }

    /** OutputStatusTx/Rx follow the data-path state, the per-lane Tx disable and the optics faults. */
    void updateOutputs(int bank) {
        int txOff = byteOf(LaneControlPage.OUTPUT_DISABLE_TX, bank);
        for (int i = 0; i < LANES; i++) {
            DataPathState s = state(bank, i);
            int lane = Lanes.lane(bank, i);
            boolean txOn = s == ACTIVATED && (txOff & (1 << i)) == 0 && !firmware.faults().laserFailed(lane);
            boolean rxUp = (s == ACTIVATED || s == INITIALIZED || s == TX_TURN_ON || s == TX_TURN_OFF)
                && !firmware.faults().rxLos(lane);
            mem.set(LaneStatusPage.OUTPUT_STATUS_TX, bank, i, txOn ? 1 : 0);
            long before = mem.get(LaneStatusPage.OUTPUT_STATUS_RX, bank, i);
            mem.set(LaneStatusPage.OUTPUT_STATUS_RX, bank, i, rxUp ? 1 : 0);
            if (before != (rxUp ? 1 : 0)) {
                mem.latch(LaneStatusPage.OUTPUT_STATUS_CHANGED_FLAG_RX, bank, i);
                flags.flagsChanged();
            }
        }
    }

    /** True when the lane's transmitter is emitting light. */
    boolean transmitting(int lane) {
        int bank = Lanes.bankOf(lane), i = Lanes.indexInBank(lane);
        return mem.get(LaneStatusPage.OUTPUT_STATUS_TX, bank, i) == 1;
    }

    /** True when the lane's data path is powered (DPInit done, Tx on or off). */
    boolean powered(int lane) {
        DataPathState s = state(Lanes.bankOf(lane), Lanes.indexInBank(lane));
        return s == ACTIVATED || s == INITIALIZED || s == TX_TURN_ON || s == TX_TURN_OFF;
    }

    // ------------------------------------------------------------------ ApplyDPInit

    /** ApplyDPInit for {@code mask} of {@code bank}: ConfigInProgress now, the verdict after the check time. */
    void applyDpInit(int bank, int mask) {
        if (mask == 0) return;
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) != 0) setConfigStatus(bank, i, ConfigStatus.IN_PROGRESS);
        }
        // A second ApplyDPInit before the first one's verdict restarts the check for the union of lanes.
        int pendingMask = 0;
        if (applyTimers[bank] != null && applyTimers[bank].pending()) {
            applyTimers[bank].cancel();
            pendingMask = applyMasks[bank];
        }
        int all = mask | pendingMask;
        applyMasks[bank] = all;
        applyTimers[bank] = firmware.schedule(firmware.config().timing().configCheck().toNanos(), () -> provision(bank, all));
    }

    /** ApplyImmediate is not advertised (AutoCommissioning = regular only): every lane is rejected. */
    void applyImmediate(int bank, int mask) {
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) != 0) setConfigStatus(bank, i, ConfigStatus.REJECTED);
        }
    }

    private void setConfigStatus(int bank, int lane, ConfigStatus status) {
        mem.set(LaneStatusPage.CONFIG_STATUS_LANE, bank, lane, status.code());
    }

    private void provision(int bank, int mask) {
        ConfigStatus[] verdict = validate(bank, mask);
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) == 0) continue;
            setConfigStatus(bank, i, verdict[i]);
            if (verdict[i] != ConfigStatus.SUCCESS) continue;
            copyStagedToActive(bank, i);
            boolean used = active(bank, i).appSel() != 0;
            mem.set(LaneStatusPage.DP_INIT_PENDING_LANE, bank, i, used ? 1 : 0);
        }
        reconcileBank(bank);
    }

    /** The ConfigStatus each lane of {@code mask} gets (others are left UNDEFINED). */
    ConfigStatus[] validate(int bank, int mask) {
        ConfigStatus[] out = new ConfigStatus[LANES];
        java.util.Arrays.fill(out, ConfigStatus.UNDEFINED);
        ModuleState ms = module.state();
        boolean accepting = ms == ModuleState.READY || ms == ModuleState.LOW_PWR;
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) == 0) continue;
            out[i] = accepting ? check(bank, i, mask) : ConfigStatus.REJECTED;
        }
        return out;
    }

    private ConfigStatus check(int bank, int lane, int mask) {
        DpConfig c = staged(bank, lane);
        if (c.appSel() == 0) {
            return state(bank, lane) == DEACTIVATED ? ConfigStatus.SUCCESS : ConfigStatus.REJECTED_LANES_IN_USE;
        }
        ApplicationDescriptor app = firmware.config().application(c.appSel());
        if (app == null) return ConfigStatus.REJECTED_INVALID_APP_SEL;
        int first = c.dataPathId();
        int count = app.hostLaneCount();
        int dpMask = ((1 << count) - 1) << first;
        if (!app.mayStartOn(first) || first + count > LANES || (dpMask & (1 << lane)) == 0) {
            return ConfigStatus.REJECTED_INVALID_DATA_PATH;
        }
        for (int i = 0; i < LANES; i++) {
            DpConfig o = staged(bank, i);
            boolean sameDataPath = o.appSel() == c.appSel() && o.dataPathId() == first;
            if ((dpMask & (1 << i)) != 0 && !sameDataPath) return ConfigStatus.REJECTED_INVALID_DATA_PATH;
        }
        if ((mask & dpMask) != dpMask) return ConfigStatus.REJECTED_PARTIAL_DATA_PATH;
        // A data path is provisioned whole: an illegal explicit SI value on any of its lanes rejects all of them.
        for (int i = 0; i < LANES; i++) {
            if ((dpMask & (1 << i)) != 0 && staged(bank, i).explicitControl() && !siValid(bank, i)) {
                return ConfigStatus.REJECTED_INVALID_SI;
            }
        }
        for (int i = 0; i < LANES; i++) {
            if ((dpMask & (1 << i)) == 0) continue;
            if (state(bank, i) != DEACTIVATED) return ConfigStatus.REJECTED_LANES_IN_USE;
            int current = dataPathMask(bank, i);
            if ((current & ~mask) != 0) return ConfigStatus.REJECTED_LANES_IN_USE;
        }
        return ConfigStatus.SUCCESS;
    }

    private boolean siValid(int bank, int lane) {
        return mem.get(LaneControlPage.FIXED_INPUT_EQ_TARGET_TX, bank, lane) <= StaticContent.TX_INPUT_EQ_MAX
            && mem.get(LaneControlPage.OUTPUT_EQ_PRE_CURSOR_TARGET_RX, bank, lane) <= StaticContent.RX_PRE_CURSOR_MAX
            && mem.get(LaneControlPage.OUTPUT_EQ_POST_CURSOR_TARGET_RX, bank, lane) <= StaticContent.RX_POST_CURSOR_MAX
            && (StaticContent.RX_AMPLITUDE_CODES
                & (1 << mem.get(LaneControlPage.OUTPUT_AMPLITUDE_TARGET_RX, bank, lane))) != 0;
    }

    private DpConfig staged(int bank, int lane) {
        return DpConfig.decode((int) mem.get(LaneControlPage.DP_CONFIG_LANE, bank, lane));
    }

    /**
     * SCS0 → ACS for one lane: the DPConfig byte (it selects the application) always, the SI controls only with
     * ExplicitControl, else the application's defaults (the active fields' reset values).
     */
    private void copyStagedToActive(int bank, int lane) {
        boolean explicit = staged(bank, lane).explicitControl();
        STAGED_TO_ACTIVE.forEach((staged, active) -> {
            boolean copy = explicit || staged == LaneControlPage.DP_CONFIG_LANE;
            mem.set(active, bank, lane, copy ? mem.get(staged, bank, lane) : active.reset());
        });
    }

    private int byteOf(Field laneBitField, int bank) {
        return mem.region(laneBitField, bank)[laneBitField.offset()] & 0xFF;
    }

    private void clearBits(Field laneBitField, int bank, int mask) {
        byte[] r = mem.region(laneBitField, bank);
        r[laneBitField.offset()] &= (byte) ~mask;
    }
}
