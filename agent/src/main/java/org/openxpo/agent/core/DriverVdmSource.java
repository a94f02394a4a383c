package org.openxpo.agent.core;

import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReading.Statistics;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.driver.vdm.VdmThreshold;
import org.openxpo.protocol.map.VdmType.Side;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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

    private static final class PerModule {
        Identity identity;
        List<VdmThreshold> thresholds = List.of();
        Instant statisticsTime;
        List<VdmSample> statistics = List.of();
    }

    @Override
    public Optional<VdmReading> read(XpoModuleClient client, ModuleSnapshot snapshot) {
        if (snapshot.vdm().isEmpty()) return Optional.empty();
        PerModule m = modules.computeIfAbsent(client, c -> new PerModule());
        Identity id = client.identity();
        if (m.identity != id) { // a new or restarted module: its thresholds and intervals start afresh
            m.thresholds = client.vdm().thresholds();
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
            lanes(samples, m.thresholds)));
    }

    private record Key(int lane, Side side) {}

    /** Groups the samples and thresholds of lane observables by lane and side, lanes in order, media first. */
    static List<LaneVdm> lanes(List<VdmSample> samples, List<VdmThreshold> thresholds) {
        Map<Key, Map<VdmQuantity, Double>> values = new LinkedHashMap<>();
        Map<Key, Map<VdmQuantity, VdmLimits>> limits = new LinkedHashMap<>();
        for (VdmSample s : samples) {
            if (s.value() == null) continue;
            place(s.observable(), (k, q) -> values.computeIfAbsent(k, x -> new EnumMap<>(VdmQuantity.class)).put(q, s.value()));
        }
        for (VdmThreshold t : thresholds) {
            place(t.observable(), (k, q) -> limits.computeIfAbsent(k, x -> new EnumMap<>(VdmQuantity.class))
                .put(q, new VdmLimits(t.highAlarm(), t.lowAlarm(), t.highWarning(), t.lowWarning())));
        }
        return values.entrySet().stream()
            .sorted((a, b) -> a.getKey().lane() != b.getKey().lane() ? Integer.compare(a.getKey().lane(), b.getKey().lane())
                : a.getKey().side().compareTo(b.getKey().side()))
            .map(e -> new LaneVdm(e.getKey().lane(), e.getKey().side(), e.getValue(),
                limits.getOrDefault(e.getKey(), Map.of())))
            .toList();
    }

    private static void place(VdmObservable o, java.util.function.BiConsumer<Key, VdmQuantity> put) {
        if (o.lane() == 0 || o.type().isEmpty()) return;
        VdmQuantity.of(o.type().get()).ifPresent(q -> put.accept(new Key(o.lane(), o.type().get().side()), q));
    }
}
