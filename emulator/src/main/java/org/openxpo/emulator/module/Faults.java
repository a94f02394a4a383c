package org.openxpo.emulator.module;

import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The faults active on one module, and the questions the firmware and physics ask of them. */
final class Faults {
    private final Map<String, ActiveFault> active = new LinkedHashMap<>();
    private int nextId = 1;

    ActiveFault add(Fault f, long now) {
        ActiveFault a = new ActiveFault("f" + nextId++, f, now);
        active.put(a.id(), a);
        return a;
    }

    ActiveFault remove(String id) { return active.remove(id); }

    List<ActiveFault> list() { return new ArrayList<>(active.values()); }

    boolean laserFailed(int lane) {
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.LaserFailure f && f.lanes().contains(lane)) return true;
        }
        return false;
    }

    boolean rxLos(int lane) {
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.RxLossOfSignal f && f.lanes().contains(lane)) return true;
        }
        return false;
    }

    boolean cdrLol(int lane, boolean rx) {
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.CdrLossOfLock f && f.rx() == rx && f.lanes().contains(lane)) return true;
        }
        return false;
    }

    /** Fraction of nominal coolant flow (the lowest of the injected ones). */
    double flowFraction() {
        double f = 1;
        for (ActiveFault a : active.values()) if (a.fault() instanceof Fault.CoolantFlow c) f = Math.min(f, c.fraction());
        return f;
    }

    boolean leak() { return has(Fault.CoolantLeak.class); }

    boolean leakSensorFault() { return has(Fault.LeakSensorFault.class); }

    boolean busStuck() { return has(Fault.StuckBus.class); }

    /** Injected inlet temperature, or NaN. */
    double inletOverride() {
        double t = Double.NaN;
        for (ActiveFault a : active.values()) if (a.fault() instanceof Fault.InletTemperature i) t = i.celsius();
        return t;
    }

    /** Injected supply voltage (a brown-out reads {@link XpoModule#BROWN_OUT_V}), or NaN. */
    double voltageOverride() {
        double v = Double.NaN;
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.InputVoltage i) v = i.volts();
            if (a.fault() instanceof Fault.BrownOut) return XpoModule.BROWN_OUT_V;
        }
        return v;
    }

    /** Brown-outs end by themselves after their duration. */
    void expireBrownOuts(long now) {
        active.values().removeIf(a -> a.fault() instanceof Fault.BrownOut b
            && now - a.injectedAtNanos() >= b.duration().toNanos());
    }

    /** Optical degradation of a lane in dB at time {@code now}. */
    double degradationDb(int lane, long now) {
        double db = 0;
        for (ActiveFault a : active.values()) {
            if (a.fault() instanceof Fault.OpticsDegradation d && d.lanes().contains(lane)) {
                db += d.dbPerHour() * (now - a.injectedAtNanos()) / 3.6e12;
            }
        }
        return db;
    }

    private boolean has(Class<? extends Fault> type) {
        for (ActiveFault a : active.values()) if (type.isInstance(a.fault())) return true;
        return false;
    }
}
