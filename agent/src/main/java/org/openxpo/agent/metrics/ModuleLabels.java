package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.protocol.types.Lanes;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label sets of one module, made once and reused by every scrape: a chassis of 1,024 modules exports about a
 * million series, and building (and checking) their labels anew each time would be much of a scrape's work.
 */
final class ModuleLabels {
    final Series module;
    final Series inlet, outlet;
    final Series[] zones;   // card a hot, a cold, b hot, b cold
    private final String name;
    private final Series[] lanes = new Series[Lanes.COUNT + 1];
    private final Series[][] laneSides = new Series[Side.values().length][Lanes.COUNT + 1];
    private final Map<String, Series> other = new ConcurrentHashMap<>();

    ModuleLabels(String name) {
        this.name = name;
        module = Series.of(Labels.of("module", name));
        inlet = Series.of(Labels.of("module", name, "position", "inlet"));
        outlet = Series.of(Labels.of("module", name, "position", "outlet"));
        zones = new Series[] {zone("a", "hot"), zone("a", "cold"), zone("b", "hot"), zone("b", "cold")};
    }

    private Series zone(String card, String zone) { return Series.of(Labels.of("module", name, "card", card, "zone", zone)); }

    /** {module, bank, lane} of host lane 1–64. */
    Series lane(int lane) {
        Series l = lanes[lane];
        if (l == null) {
            l = Series.of(Labels.of("module", name, "bank", Integer.toString(Lanes.bankOf(lane)), "lane", Integer.toString(lane)));
            lanes[lane] = l;
        }
        return l;
    }

    /** {module, bank, lane, side} of host lane 1–64 for the VDM values ({@code side} media|host). */
    Series lane(int lane, Side side) {
        Series l = laneSides[side.ordinal()][lane];
        if (l == null) {
            l = Series.of(lane(lane).labels().merge(Labels.of("side", side.name().toLowerCase(Locale.ROOT))));
            laneSides[side.ordinal()][lane] = l;
        }
        return l;
    }

    /** The module's labels plus {@code extra} (name, value, …), kept under {@code key}. */
    Series with(String key, String... extra) {
        return other.computeIfAbsent(key, k -> Series.of(module.labels().merge(Labels.of(extra))));
    }

    /** Lane {@code lane}'s labels plus {@code extra} (name, value, …), kept under {@code key}. */
    Series laneWith(int lane, String key, String... extra) {
        return other.computeIfAbsent(lane + "/" + key, k -> Series.of(lane(lane).labels().merge(Labels.of(extra))));
    }
}
