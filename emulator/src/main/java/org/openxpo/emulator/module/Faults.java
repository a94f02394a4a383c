package org.openxpo.emulator.module;

import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;

import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults active on one module, and the questions the firmware and physics ask of them. The answers are kept
 * ready (lane faults as 64-bit lane masks) and recomputed when a fault is added or removed: the physics asks them for
 * every lane on every tick, and the bus asks {@link #busStuck()} on every message.
 */
final class Faults {
    /** While browned out the supply reads this (below the 40 V lock-out). */
    static final double BROWN_OUT_V = 30.0;

    private final Map<String, ActiveFault> active = new LinkedHashMap<>();
    private int nextId = 1;

    private long laserFailed, rxLos, cdrLolRx, cdrLolTx, degrading, checkerLolHost, checkerLolMedia, dirty, drifting, bursting;
    private final double[] injectedBerHost = new double[Lanes.COUNT], injectedBerMedia = new double[Lanes.COUNT];
    private double flowFraction = 1, inlet = Double.NaN, volts = Double.NaN;
    private boolean leak, leakSensorFault, busStuck, brownOut;

    ActiveFault add(Fault f, long now) {
        ActiveFault a = new ActiveFault("f" + nextId++, f, now);
        active.put(a.id(), a);
        refresh();
        return a;
    }

    ActiveFault remove(String id) {
        ActiveFault a = active.remove(id);
        if (a != null) refresh();
        return a;
    }

    List<ActiveFault> list() { return new ArrayList<>(active.values()); }

    private void refresh() {
        laserFailed = rxLos = cdrLolRx = cdrLolTx = degrading = checkerLolHost = checkerLolMedia = 0;
        dirty = drifting = bursting = 0;
        Arrays.fill(injectedBerHost, 0);
        Arrays.fill(injectedBerMedia, 0);
        flowFraction = Double.POSITIVE_INFINITY;
        inlet = volts = Double.NaN;
        leak = leakSensorFault = busStuck = brownOut = false;
        for (ActiveFault a : active.values()) {
            switch (a.fault()) {
                case Fault.LaserFailure f -> laserFailed |= mask(f.lanes());
                case Fault.RxLossOfSignal f -> rxLos |= mask(f.lanes());
                case Fault.CdrLossOfLock f -> {
                    if (f.rx()) cdrLolRx |= mask(f.lanes()); else cdrLolTx |= mask(f.lanes());
                }
                case Fault.OpticsDegradation f -> degrading |= mask(f.lanes());
                case Fault.PrbsCheckerLossOfLock f -> {
                    if (f.media()) checkerLolMedia |= mask(f.lanes()); else checkerLolHost |= mask(f.lanes());
                }
                case Fault.InjectedBer f -> {
                    double[] ber = f.media() ? injectedBerMedia : injectedBerHost;
                    for (int lane : f.lanes()) ber[lane - 1] = Math.min(0.5, ber[lane - 1] + f.ber());
                }
                case Fault.DirtyConnector f -> dirty |= mask(f.lanes());
                case Fault.AgingDrift f -> drifting |= mask(f.lanes());
                case Fault.ErroredFramesBurst f -> bursting |= mask(f.lanes());
                case Fault.CoolantFlow f -> flowFraction = Math.min(flowFraction, f.fraction());   // from +inf
                case Fault.InletTemperature f -> inlet = f.celsius();     // the latest one wins
                case Fault.InputVoltage f -> volts = f.volts();           // the latest one wins
                case Fault.BrownOut f -> brownOut = true;
                case Fault.CoolantLeak f -> leak = true;
                case Fault.LeakSensorFault f -> leakSensorFault = true;
                case Fault.StuckBus f -> busStuck = true;
                // acted on at injection (firmware fault) or by the CDB engine
                case Fault.FirmwareFault f -> { }
                case Fault.CdbSlowWrites f -> { }
                case Fault.CdbWriteFailure f -> { }
                case Fault.CdbCompleteFailure f -> { }
                case Fault.FirmwareNoReturn f -> { }
                case Fault.CdbForeground f -> { }
            }
        }
        if (flowFraction == Double.POSITIVE_INFINITY) flowFraction = 1;   // nominal unless a flow fault says otherwise
    }

    private static long mask(java.util.Set<Integer> lanes) {
        long m = 0;
        for (int lane : lanes) m |= 1L << (lane - 1);
        return m;
    }

    private static boolean has(long mask, int lane) { return (mask >>> (lane - 1) & 1) != 0; }

    boolean laserFailed(int lane) { return has(laserFailed, lane); }

    boolean rxLos(int lane) { return has(rxLos, lane); }

    boolean cdrLol(int lane, boolean rx) { return has(rx ? cdrLolRx : cdrLolTx, lane); }

    /** True when a fault keeps the lane's PRBS checker on that side from locking. */
    boolean checkerLol(int lane, boolean media) { return has(media ? checkerLolMedia : checkerLolHost, lane); }

    /** Bit error ratio injected into the lane's PRBS checker on that side (0 without a fault; several add up to 0.5). */
    double injectedBer(int lane, boolean media) { return (media ? injectedBerMedia : injectedBerHost)[lane - 1]; }

    /** Fraction of nominal coolant flow: 1, or the lowest injected one (which may exceed 1: more flow than nominal). */
    double flowFraction() { return flowFraction; }

    boolean leak() { return leak; }

    boolean leakSensorFault() { return leakSensorFault; }

    boolean busStuck() { return busStuck; }

    /** Injected inlet temperature, or NaN. */
    double inletOverride() { return inlet; }

    /** Injected supply voltage (a brown-out reads {@link #BROWN_OUT_V}), or NaN. */
    double voltageOverride() { return brownOut ? BROWN_OUT_V : volts; }

    /** Brown-outs and errored-frame bursts end by themselves after their duration. */
    void expireTimedFaults(long now) {
        if (!brownOut && bursting == 0) return;
        boolean removed = active.values().removeIf(a -> now - a.injectedAtNanos() >= lifetimeNanos(a.fault()));
        if (removed) refresh();
    }

    /** How long a fault lasts by itself: its duration for the timed kinds (at most 24 h: no overflow), else forever. */
    private static long lifetimeNanos(Fault f) {
        if (f instanceof Fault.BrownOut b) return b.duration().toNanos();
        if (f instanceof Fault.ErroredFramesBurst b) return b.duration().toNanos();
        return Long.MAX_VALUE;
    }

    /**
     * The eSNR a lane's media input loses at time {@code now}, in dB: dirty connectors plus aging drift since
     * injection (they add up).
     */
    double mediaSnrPenaltyDb(int lane, long now) {
        if (!has(dirty | drifting, lane)) return 0;
        double db = 0;
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.DirtyConnector d && d.lanes().contains(lane)) db += d.db();
            if (a.fault() instanceof Fault.AgingDrift d && d.lanes().contains(lane)) {
                db += d.dbPerHour() * (now - a.injectedAtNanos()) / 3.6e12;
            }
        }
        return db;
    }

    /** The uncorrectable frame ratio a burst forces on a lane's media input now (the largest of its bursts), or 0. */
    double erroredFramesBurst(int lane) {
        if (!has(bursting, lane)) return 0;
        double ratio = 0;
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.ErroredFramesBurst b && b.lanes().contains(lane)) ratio = Math.max(ratio, b.ratio());
        }
        return ratio;
    }

    /** Optical degradation of a lane in dB at time {@code now}. */
    double degradationDb(int lane, long now) {
        if (!has(degrading, lane)) return 0;
        double db = 0;
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.OpticsDegradation d && d.lanes().contains(lane)) {
                db += d.dbPerHour() * (now - a.injectedAtNanos()) / 3.6e12;
            }
        }
        return db;
    }
}
