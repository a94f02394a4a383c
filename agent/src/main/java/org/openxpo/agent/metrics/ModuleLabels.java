package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.protocol.types.Lanes;

import java.util.Locale;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label sets of one module, made once and reused by every scrape: a chassis of 1,024 modules exports over 400,000
 * series, and building (and checking) their labels anew each time would be most of a scrape's work.
 */
final class ModuleLabels {
    final Labels module;
    final Labels inlet, outlet;
    final Labels[] zones;   // card a hot, a cold, b hot, b cold
    private final String name;
    private final Labels[] lanes = new Labels[Lanes.COUNT + 1];
    private final Labels[][] laneSides = new Labels[Side.values().length][Lanes.COUNT + 1];
    private final Map<String, Labels> other = new ConcurrentHashMap<>();

    ModuleLabels(String name) {
        this.name = name;
        module = Labels.of("module", name);
        inlet = Labels.of("module", name, "position", "inlet");
        outlet = Labels.of("module", name, "position", "outlet");
        zones = new Labels[] {zone("a", "hot"), zone("a", "cold"), zone("b", "hot"), zone("b", "cold")};
    }

    private Labels zone(String card, String zone) { return Labels.of("module", name, "card", card, "zone", zone); }

    /** {module, bank, lane} of host lane 1–64. */
    Labels lane(int lane) {
        Labels l = lanes[lane];
        if (l == null) {
            l = Labels.of("module", name, "bank", Integer.toString(Lanes.bankOf(lane)), "lane", Integer.toString(lane));
            lanes[lane] = l;
        }
        return l;
    }

    /** {module, bank, lane, side} of host lane 1–64 for the VDM values ({@code side} media|host). */
    Labels lane(int lane, Side side) {
        Labels l = laneSides[side.ordinal()][lane];
        if (l == null) {
            l = lane(lane).merge(Labels.of("side", side.name().toLowerCase(Locale.ROOT)));
            laneSides[side.ordinal()][lane] = l;
        }
        return l;
    }

    /** The module's labels plus {@code extra} (name, value, …), kept under {@code key}. */
    Labels with(String key, String... extra) {
        return other.computeIfAbsent(key, k -> module.merge(Labels.of(extra)));
    }
}
