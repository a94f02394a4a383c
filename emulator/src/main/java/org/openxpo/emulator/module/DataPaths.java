package org.openxpo.emulator.module;

import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.ConfigStatus;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;

import java.time.Duration;

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
    private static final int LANES = MemoryMap.LANES_PER_BANK;

    private final FirmwareContext firmware;
    private final ModuleMemory mem;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.FlagWatch flags;
    /** Pending transition per data path, indexed by bank·8 + first lane index. */
    private final Timers.Timer[] timers = new Timers.Timer[MemoryMap.LANES];
    /** Pending ApplyDPInit completion per bank. */
    private final Timers.Timer[] applyTimers = new Timers.Timer[MemoryMap.BANKS];
    private final int[] applyMasks = new int[MemoryMap.BANKS];

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
        return DataPathState.fromCode((int) mem.get(Fields.DP_STATE, bank, lane));
    }

    DpConfig active(int bank, int lane) { return DpConfig.decode((int) mem.get(Fields.ACS_DP_CONFIG, bank, lane)); }

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
        for (int b = 0; b < MemoryMap.BANKS; b++) reconcileBank(b);
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
        if (module.state() != org.openxpo.protocol.types.ModuleState.READY) return DEACTIVATED;
        if ((byteOf(Fields.DP_DEINIT, bank) & mask) != 0) return DEACTIVATED;
        int txDisabled = byteOf(Fields.OUTPUT_DISABLE_TX, bank) & mask;
        return txDisabled == mask ? INITIALIZED : ACTIVATED;
    }

    private void reconcile(int bank, int first, int mask) {
        int key = bank * LANES + first;
        Timers.Timer t = timers[key];
        boolean busy = t != null && t.pending();
        DataPathState cur = state(bank, first);
        DataPathState want = target(bank, mask);
        ModuleConfig.Timing timing = firmware.config().timing();
        switch (cur) {
            case DEACTIVATED -> {
                if (want != DEACTIVATED) {
                    enter(bank, mask, INIT);
                    clearBits(Fields.DP_INIT_PENDING, bank, mask);
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
        for (int b = 0; b < MemoryMap.BANKS; b++) {
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
            for (int i = 0; i < LANES; i++) if ((mask & (1 << i)) != 0) mem.latch(Fields.DP_STATE_CHANGED_FLAG, bank, i);
            flags.flagsChanged();
        }
        updateOutputs(bank);
    }

    private boolean setState(int bank, int mask, DataPathState s) {
        boolean changed = false;
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) == 0) continue;
            if (mem.get(Fields.DP_STATE, bank, i) != s.code()) {
                mem.set(Fields.DP_STATE, bank, i, s.code());
                changed = true;
            }
        }
        return changed;
    }

    /** OutputStatusTx/Rx follow the data-path state, the per-lane Tx disable and the optics faults. */
    void updateOutputs(int bank) {
        int txOff = byteOf(Fields.OUTPUT_DISABLE_TX, bank);
        for (int i = 0; i < LANES; i++) {
            DataPathState s = state(bank, i);
            int lane = bank * LANES + i + 1;
            boolean txOn = s == ACTIVATED && (txOff & (1 << i)) == 0 && !firmware.faults().laserFailed(lane);
            boolean rxUp = (s == ACTIVATED || s == INITIALIZED || s == TX_TURN_ON || s == TX_TURN_OFF)
                && !firmware.faults().rxLos(lane);
            mem.set(Fields.OUTPUT_STATUS_TX, bank, i, txOn ? 1 : 0);
            long before = mem.get(Fields.OUTPUT_STATUS_RX, bank, i);
            mem.set(Fields.OUTPUT_STATUS_RX, bank, i, rxUp ? 1 : 0);
            if (before != (rxUp ? 1 : 0)) {
                mem.latch(Fields.OUTPUT_STATUS_CHANGED_RX, bank, i);
                flags.flagsChanged();
            }
        }
    }

    /** True when the lane's transmitter is emitting light. */
    boolean transmitting(int lane) {
        int bank = (lane - 1) / LANES, i = (lane - 1) % LANES;
        return mem.get(Fields.OUTPUT_STATUS_TX, bank, i) == 1;
    }

    /** True when the lane's data path is powered (DPInit done, Tx on or off). */
    boolean powered(int lane) {
        DataPathState s = state((lane - 1) / LANES, (lane - 1) % LANES);
        return s == ACTIVATED || s == INITIALIZED || s == TX_TURN_ON || s == TX_TURN_OFF;
    }

    // ------------------------------------------------------------------ ApplyDPInit

    /** ApplyDPInit for {@code mask} of {@code bank}: ConfigInProgress now, the verdict after the check time. */
    void applyDpInit(int bank, int mask) {
        if (mask == 0) return;
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) != 0) mem.set(Fields.CONFIG_STATUS, bank, i, ConfigStatus.IN_PROGRESS.code());
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
            if ((mask & (1 << i)) != 0) mem.set(Fields.CONFIG_STATUS, bank, i, ConfigStatus.REJECTED.code());
        }
    }

    private void provision(int bank, int mask) {
        ConfigStatus[] verdict = validate(bank, mask);
        for (int i = 0; i < LANES; i++) {
            if ((mask & (1 << i)) == 0) continue;
            mem.set(Fields.CONFIG_STATUS, bank, i, verdict[i].code());
            if (verdict[i] != ConfigStatus.SUCCESS) continue;
            copyStagedToActive(bank, i);
            boolean used = active(bank, i).appSel() != 0;
            mem.set(Fields.DP_INIT_PENDING, bank, i, used ? 1 : 0);
        }
        reconcileBank(bank);
    }

    /** The ConfigStatus each lane of {@code mask} gets (others are left UNDEFINED). */
    ConfigStatus[] validate(int bank, int mask) {
        ConfigStatus[] out = new ConfigStatus[LANES];
        java.util.Arrays.fill(out, ConfigStatus.UNDEFINED);
        org.openxpo.protocol.types.ModuleState ms = module.state();
        boolean accepting = ms == org.openxpo.protocol.types.ModuleState.READY
            || ms == org.openxpo.protocol.types.ModuleState.LOW_PWR;
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
        return mem.get(Fields.SCS_FIXED_EQ_TX, bank, lane) <= StaticContent.TX_INPUT_EQ_MAX
            && mem.get(Fields.SCS_PRE_CURSOR_RX, bank, lane) <= StaticContent.RX_PRE_CURSOR_MAX
            && mem.get(Fields.SCS_POST_CURSOR_RX, bank, lane) <= StaticContent.RX_POST_CURSOR_MAX
            && (StaticContent.RX_AMPLITUDE_CODES & (1 << mem.get(Fields.SCS_AMPLITUDE_RX, bank, lane))) != 0;
    }

    private DpConfig staged(int bank, int lane) {
        return DpConfig.decode((int) mem.get(Fields.SCS_DP_CONFIG, bank, lane));
    }

    /** SCS0 → ACS for one lane: the DPConfig byte and the SI controls (application defaults unless explicit). */
    private void copyStagedToActive(int bank, int lane) {
        DpConfig c = staged(bank, lane);
        mem.set(Fields.ACS_DP_CONFIG, bank, lane, c.encode());
        String[][] pairs = {
            {"AdaptiveInputEqEnableTx", "AcsAdaptiveInputEqEnableTx"}, {"AdaptiveInputEqRecallTx", "AcsAdaptiveInputEqRecallTx"},
            {"FixedInputEqTargetTx", "AcsFixedInputEqTargetTx"}, {"CdrEnableTx", "AcsCdrEnableTx"},
            {"CdrEnableRx", "AcsCdrEnableRx"}, {"OutputEqPreCursorTargetRx", "AcsOutputEqPreCursorTargetRx"},
            {"OutputEqPostCursorTargetRx", "AcsOutputEqPostCursorTargetRx"},
            {"OutputAmplitudeTargetRx", "AcsOutputAmplitudeTargetRx"}};
        MemoryMap map = MemoryMap.xpo();
        for (String[] p : pairs) {
            var acs = map.field(p[1]);
            long v = c.explicitControl() ? mem.get(map.field(p[0]), bank, lane) : acs.reset();
            mem.set(acs, bank, lane, v);
        }
    }

    private int byteOf(org.openxpo.protocol.map.Field laneBitField, int bank) {
        return mem.region(laneBitField, bank)[laneBitField.offset()] & 0xFF;
    }

    private void clearBits(org.openxpo.protocol.map.Field laneBitField, int bank, int mask) {
        byte[] r = mem.region(laneBitField, bank);
        r[laneBitField.offset()] &= (byte) ~mask;
    }
}
