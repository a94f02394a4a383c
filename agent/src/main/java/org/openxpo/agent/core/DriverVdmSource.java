package org.openxpo.agent.core;

import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.vdm.VdmReading.Statistics;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.driver.vdm.WeakInterner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * VDM from the driver. The basic values (eSNR, LTP, laser temperature, current BER and errored frames) come with
 * every poll's snapshot, read in its batch without a freeze. The thresholds are read once per module start (they are
 * constant while it runs). The interval statistics (BER min/max/avg, errored frames max) need a freeze, and a freeze
 * restarts the interval of every host reading the module, so the agent reads them only when asked: every {@code
 * statisticsInterval} (the config's {@code vdm.statistics-interval}), each read freezing, reading and releasing;
 * without it the statistics are left out. A freeze the module does not confirm keeps the previous statistics (their
 * time says which interval they are).
 */
public final class DriverVdmSource implements VdmSource {
    private final Duration statisticsInterval;
    private final Clock clock;
    /** Per open client; a client the registry dropped (closed module) goes with it. */
    private final Map<XpoModuleClient, PerModule> modules = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param statisticsInterval how often the statistics are frozen and read; null never */
    public DriverVdmSource(Duration statisticsInterval, Clock clock) {
        if (statisticsInterval != null && (statisticsInterval.isZero() || statisticsInterval.isNegative())) {
            throw new IllegalArgumentException("the VDM statistics interval must be positive");
        }
        this.statisticsInterval = statisticsInterval;
        this.clock = clock;
    }

    /** Modules of one make advertise the same thresholds on most lanes: one copy of each lane's limits between them. */
    private static final WeakInterner<QuantityMap<VdmLimits>> SHARED_LIMITS = new WeakInterner<>();

    private static final class PerModule {
        Identity identity;
        /** The limits of each lane and side by {@link LaneSlots slot}, decoded once per module start. */
        List<QuantityMap<VdmLimits>> limits = List.of();
        Instant statisticsTime;
        List<VdmSample> statistics = List.of();
    }

    @Override
    public Optional<VdmReading> read(XpoModuleClient client, ModuleSnapshot snapshot) {
        if (snapshot.vdm().isEmpty()) return Optional.empty();
        PerModule m = modules.computeIfAbsent(client, c -> new PerModule());
        Identity id = client.identity();
        if (m.identity != id) { // a new or restarted module: its thresholds and intervals start afresh
            m.limits = limitsBySlot(client.vdm().thresholds());
            m.statisticsTime = null;
            m.statistics = List.of();
            m.identity = id;
        }
        Instant now = clock.instant();
        if (statisticsInterval != null
            && (m.statisticsTime == null || !now.isBefore(m.statisticsTime.plus(statisticsInterval)))) {
            org.openxpo.driver.vdm.VdmReading r = client.vdm().read(true);
            if (r.statistics() == Statistics.FROZEN) {
                m.statistics = r.samples().stream().filter(s -> s.observable().statistic()).toList();
                m.statisticsTime = r.time();
            } else if (m.statisticsTime == null) {
                m.statisticsTime = now; // none advertised, or not confirmed: try again an interval later
            }
        }
        List<VdmSample> samples = new ArrayList<>(snapshot.vdm());
        samples.addAll(m.statistics);
        return Optional.of(new VdmReading(snapshot.time(), m.statistics.isEmpty() ? null : m.statisticsTime,
            lanes(samples, m.limits)));
    }

    /** The limits of each lane and side by slot, each shared with every module advertising the same ones. */
    static List<QuantityMap<VdmLimits>> limitsBySlot(List<VdmThreshold> thresholds) {
        List<QuantityMap.Builder<VdmLimits>> bySlot = new ArrayList<>(Collections.nCopies(LaneSlots.COUNT, null));
        for (VdmThreshold t : thresholds) {
            VdmQuantity q = LaneSlots.exported(t.observable());
            if (q == null) continue;
            int slot = LaneSlots.of(t.observable());
            if (bySlot.get(slot) == null) bySlot.set(slot, new QuantityMap.Builder<>());
            bySlot.get(slot).put(q, new VdmLimits(t.highAlarm(), t.lowAlarm(), t.highWarning(), t.lowWarning()));
        }
        List<QuantityMap<VdmLimits>> out = new ArrayList<>(LaneSlots.COUNT);
        for (QuantityMap.Builder<VdmLimits> b : bySlot) out.add(b == null ? QuantityMap.empty() : SHARED_LIMITS.intern(b.build()));
        return List.copyOf(out);
    }

    /**
     * The values of the lane observables gathered by lane and side, lanes in order, media first, each with its limits
     * ({@code limits} by slot); a lane and side without a value is left out.
     */
    static List<LaneVdm> lanes(List<VdmSample> samples, List<QuantityMap<VdmLimits>> limits) {
        @SuppressWarnings("unchecked")
        QuantityMap.Builder<Double>[] values = new QuantityMap.Builder[LaneSlots.COUNT];
        int lanes = 0;
        for (VdmSample s : samples) {
            VdmQuantity q = s.value() == null ? null : LaneSlots.exported(s.observable());
            if (q == null) continue;
            int slot = LaneSlots.of(s.observable());
            if (values[slot] == null) {
                values[slot] = new QuantityMap.Builder<>();
                lanes++;
            }
            values[slot].put(q, s.value());
        }
        LaneVdm[] out = new LaneVdm[lanes];
        int n = 0;
        for (int slot = 0; slot < values.length; slot++) {
            if (values[slot] == null) continue;
            out[n++] = new LaneVdm(LaneSlots.lane(slot), LaneSlots.side(slot), values[slot].build(), limits.get(slot));
        }
        return List.of(out);
    }
}
