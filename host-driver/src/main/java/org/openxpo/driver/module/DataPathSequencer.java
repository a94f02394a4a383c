package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.time.Poll;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ConfigStatus;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import static org.openxpo.protocol.map.LaneControlPage.*;
import static org.openxpo.protocol.map.LaneStatusPage.*;

/**
 * The CMIS data-path sequence as SONiC's CMIS manager runs it (cmis-digest §4.3), for a set of lanes in any banks:
 * deinitialize and disable Tx, wait DPDeactivated; release the lanes of every data path that overlaps the request
 * (AppSel 0 + ApplyDPInit, as FBOSS does, so no old data path straddles the new ones); stage DPConfigLane =
 * AppSel&lt;&lt;4 | DataPathID&lt;&lt;1 and ApplyDPInit; wait ConfigSuccess (and DPInitPending on CMIS 5+); clear DPDeinit,
 * wait DPInitialized; enable Tx, wait DPActivated. Each bank is written with whole-byte writes (one for DPDeinit and
 * Tx disable together, one for the 8 DPConfigLane bytes, one for ApplyDPInit).
 */
record DataPathSequencer(RegisterAccess access, Identity id, HostClock clock) {
    /** What ApplyDPInit made of the staged DPConfigLane: the active control set the footprint is read from. */
    private static final Field ACTIVE_DP_CONFIG = MemoryMap.xpo().activeOf(DP_CONFIG_LANE).orElseThrow();

    /** The waits the module advertises (01h durations). */
    private Timeouts timeouts() { return Timeouts.from(id.durations()); }

    ApplyResult apply(ApplicationPlan plan) {
        long start = clock.nanoTime();
        requireReady();
        BitSet lanes = plan.lanes();
        Footprint footprint = footprint(lanes);
        BitSet affected = footprint.affected(), inUse = footprint.inUse();

        setControls(affected, true, true);
        awaitDataPaths(affected, DataPathState.DEACTIVATED, timeouts().dpDeinit());
        if (!inUse.isEmpty()) {
            stage(inUse, lane -> 0);
            applyDpInit(inUse, false, "release (AppSel 0)");
        }
        int appSel = plan.application().appSel();
        stage(lanes, lane -> new DpConfig(appSel, Lanes.indexInBank(plan.firstLaneOf(lane)), false).encode());
        applyDpInit(lanes, id.cmisMajor() >= 5, "AppSel " + appSel);
        setControls(lanes, false, true);
        awaitDataPaths(lanes, DataPathState.INITIALIZED, timeouts().dpInit());
        setControls(lanes, false, false);
        awaitDataPaths(lanes, DataPathState.ACTIVATED, timeouts().txTurnOn());

        BitSet released = (BitSet) affected.clone();
        released.andNot(lanes);
        return new ApplyResult(plan.application(), lanes, released, Duration.ofNanos(clock.nanoTime() - start));
    }

    /** OutputDisableTx of {@code lanes}, read-modify-write per bank. */
    void setTxDisabled(BitSet lanes, boolean disabled) {
        for (int bank : banks(lanes)) {
            int mask = Lanes.bankMask(lanes, bank);
            int at = OUTPUT_DISABLE_TX.offset();
            int b = access.read(Pages.LANE_CONTROL, bank, at, 1)[0] & 0xFF;
            access.write(Pages.LANE_CONTROL, bank, at, new byte[] {(byte) (disabled ? b | mask : b & ~mask)});
        }
    }

    private void requireReady() {
        ModuleState s = ModuleState.fromCode((int) access.get(LowerPage.MODULE_STATE));
        if (s != ModuleState.READY) {
            String name = s == null ? "in a reserved state" : s.cmisName();
            throw new XpoException.WrongState("the module is " + name + ": data paths initialize only in ModuleReady"
                + (s == ModuleState.LOW_PWR ? " (leave low power first)" : ""));
        }
    }

    /** The lanes to take down: the request plus every lane of an active data path (ACS) that has a lane in it. */
    private record Footprint(BitSet affected, BitSet inUse) {}

    private Footprint footprint(BitSet lanes) {
        BitSet affected = (BitSet) lanes.clone(), inUse = new BitSet();
        for (int bank : banks(lanes)) {
            byte[] w = access.readFields(Pages.LANE_STATUS, bank, List.of(ACTIVE_DP_CONFIG));
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                if (!lanes.get(Lanes.lane(bank, i))) continue;
                DpConfig mine = DpConfig.decode((int) ACTIVE_DP_CONFIG.get(w, i));
                if (mine.appSel() == 0) continue;
                for (int j = 0; j < Lanes.PER_BANK; j++) {
                    DpConfig other = DpConfig.decode((int) ACTIVE_DP_CONFIG.get(w, j));
                    if (other.appSel() == mine.appSel() && other.dataPathId() == mine.dataPathId()) {
                        affected.set(Lanes.lane(bank, j));
                        inUse.set(Lanes.lane(bank, j));
                    }
                }
            }
        }
        return new Footprint(affected, inUse);
    }

    /** DPDeinitLane and OutputDisableTx of {@code lanes} set or cleared, in one 3-byte write per bank (128–130). */
    private void setControls(BitSet lanes, boolean deinit, boolean txDisabled) {
        for (int bank : banks(lanes)) {
            int mask = Lanes.bankMask(lanes, bank);
            int at = DP_DEINIT_LANE.offset();
            byte[] b = access.read(Pages.LANE_CONTROL, bank, at, OUTPUT_DISABLE_TX.offset() - at + 1);
            b[0] = (byte) (deinit ? b[0] | mask : b[0] & ~mask);
            b[b.length - 1] = (byte) (txDisabled ? b[b.length - 1] | mask : b[b.length - 1] & ~mask);
            access.write(Pages.LANE_CONTROL, bank, at, b);
        }
    }

    /** Writes DPConfigLane of {@code lanes} (the other lanes of the bank keep their staged byte). */
    private void stage(BitSet lanes, IntUnaryOperator config) {
        for (int bank : banks(lanes)) {
            int at = DP_CONFIG_LANE.offset();
            byte[] b = access.read(Pages.LANE_CONTROL, bank, at, DP_CONFIG_LANE.byteLength());
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                int lane = Lanes.lane(bank, i);
                if (lanes.get(lane)) b[i] = (byte) config.applyAsInt(lane);
            }
            access.write(Pages.LANE_CONTROL, bank, at, b);
        }
    }

    /** ApplyDPInit on {@code lanes}, then waits for ConfigSuccess (and DPInitPending when asked) on all of them. */
    private void applyDpInit(BitSet lanes, boolean requirePending, String what) {
        for (int bank : banks(lanes)) {
            access.write(Pages.LANE_CONTROL, bank, APPLY_DP_INIT.offset(), new byte[] {(byte) Lanes.bankMask(lanes, bank)});
        }
        String expected = "ConfigSuccess" + (requirePending ? " and DPInitPending" : "") + " on " + LaneSets.describe(lanes);
        Poll.until(expected, () -> configStatus(lanes, what),
                m -> m.values().stream().allMatch(v -> v.status == ConfigStatus.SUCCESS && (v.pending || !requirePending)))
            .within(timeouts().configVerdict()).describedBy(DataPathSequencer::describeConfig).await(clock);
    }

    private record Verdict(ConfigStatus status, int code, boolean pending) {
        String name() { return status == null ? "reserved code " + code : status.cmisName(); }
    }

    private Map<Integer, Verdict> configStatus(BitSet lanes, String what) {
        Map<Integer, Verdict> out = new TreeMap<>();
        for (int bank : banks(lanes)) {
            byte[] w = access.readFields(Pages.LANE_STATUS, bank, List.of(CONFIG_STATUS_LANE, DP_INIT_PENDING_LANE));
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                int lane = Lanes.lane(bank, i);
                if (!lanes.get(lane)) continue;
                int code = (int) CONFIG_STATUS_LANE.get(w, i);
                out.put(lane, new Verdict(ConfigStatus.fromCode(code), code, DP_INIT_PENDING_LANE.get(w, i) == 1));
            }
        }
        Map<Integer, ConfigStatus> rejected = new TreeMap<>();
        out.forEach((lane, v) -> { if (v.status != null && v.status.isRejection()) rejected.put(lane, v.status); });
        if (!rejected.isEmpty()) {
            throw new ConfigRejectedException("the module rejected " + what + " on " + LaneSets.describe(lanes) + ": "
                + group(rejected), rejected);
        }
        return out;
    }

    private static String describeConfig(Map<Integer, Verdict> m) {
        Map<Integer, String> names = new TreeMap<>();
        m.forEach((lane, v) -> names.put(lane, v.name() + (v.status == ConfigStatus.SUCCESS && !v.pending ? " without DPInitPending" : "")));
        return group(names);
    }

    private record Probe(ModuleState module, Map<Integer, DataPathState> lanes) {}

    private void awaitDataPaths(BitSet lanes, DataPathState want, Duration timeout) {
        Poll.until(want.cmisName() + " on " + LaneSets.describe(lanes), () -> probe(lanes),
                p -> p.lanes.values().stream().allMatch(s -> s == want))
            .within(timeout)
            .describedBy(p -> group(names(p.lanes)))
            .hopelessWhen(p -> p.module == ModuleState.READY ? null
                : "the module left ModuleReady (now " + (p.module == null ? "reserved" : p.module.cmisName()) + ")")
            .await(clock);
    }

    private Probe probe(BitSet lanes) {
        ModuleState module = ModuleState.fromCode((int) access.get(LowerPage.MODULE_STATE));
        Map<Integer, DataPathState> states = new TreeMap<>();
        for (int bank : banks(lanes)) {
            byte[] w = access.readFields(Pages.LANE_STATUS, bank, List.of(DP_STATE));
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                int lane = Lanes.lane(bank, i);
                if (lanes.get(lane)) states.put(lane, DataPathState.fromCode((int) DP_STATE.get(w, i)));
            }
        }
        return new Probe(module, states);
    }

    private static Map<Integer, String> names(Map<Integer, DataPathState> states) {
        Map<Integer, String> out = new TreeMap<>();
        states.forEach((lane, s) -> out.put(lane, s == null ? "reserved" : s.cmisName()));
        return out;
    }

    /** "DPInit on lanes 1-8, DPDeactivated on lanes 9-16": lanes grouped by what they show. */
    static String group(Map<Integer, ?> byLane) {
        Map<String, BitSet> groups = new java.util.LinkedHashMap<>();
        byLane.forEach((lane, v) -> groups.computeIfAbsent(String.valueOf(v), k -> new BitSet()).set(lane));
        StringBuilder sb = new StringBuilder();
        groups.forEach((v, l) -> sb.append(sb.isEmpty() ? "" : ", ").append(v).append(" on ").append(LaneSets.describe(l)));
        return sb.toString();
    }

    static int[] banks(BitSet lanes) {
        return lanes.stream().map(Lanes::bankOf).distinct().toArray();
    }
}
