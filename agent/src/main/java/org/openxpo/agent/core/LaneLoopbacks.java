package org.openxpo.agent.core;

import org.openxpo.driver.diag.Diagnostics;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which host lanes (1–64; the driver's lane sets count from 1) a diagnostics loopback (page 13h:180–183) is on for, read with each poll: a lane in
 * loopback carries no traffic of its own, which the dashboard shows. One batch of the loopback controls of every bank
 * (the advertisement is the identity's), so it costs one read per poll.
 */
public record LaneLoopbacks(Map<Integer, Set<Loopback>> byLane) {
    public static final LaneLoopbacks NONE = new LaneLoopbacks(Map.of());

    public LaneLoopbacks {
        TreeMap<Integer, Set<Loopback>> copy = new TreeMap<>();
        byLane.forEach((lane, l) -> { if (!l.isEmpty()) copy.put(lane, Set.copyOf(l)); });
        byLane = java.util.Collections.unmodifiableMap(copy);
    }

    /** The loopbacks on for {@code lane}; empty when none. */
    public Set<Loopback> of(int lane) { return byLane.getOrDefault(lane, Set.of()); }

    /** Reads the loopback controls of the module behind {@code client}, whose identity must advertise diagnostics. */
    static LaneLoopbacks read(XpoModuleClient client, Identity id) {
        Map<Integer, Set<Loopback>> out = new TreeMap<>();
        for (Map.Entry<Loopback, BitSet> e : new Diagnostics(client.access(), client.clock()).loopbacks(id.advertised()).entrySet()) {
            e.getValue().stream().forEach(bit -> out.computeIfAbsent(bit, k -> EnumSet.noneOf(Loopback.class)).add(e.getKey()));
        }
        return new LaneLoopbacks(out);
    }
}
