package org.openxpo.agent.gnmi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.openxpo.agent.core.ModuleEvent;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.gnmi.tree.ComponentData;
import org.openxpo.agent.gnmi.tree.Scope;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.Thresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gNMI face's window on the agent's model: the registry's module views plus each module's thresholds, and one
 * change signal per module. Thresholds are stable while a module runs one identity, so they are read once per
 * identity (after a reset or a firmware change, again), on a virtual thread of their own: a listener never blocks the
 * poll thread that called it.
 */
public final class ChassisData implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChassisData.class);

    private final ModuleRegistry registry;
    private final Map<String, Read> thresholds = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;

    private record Read(Identity identity, Thresholds thresholds) {}

    public ChassisData(ModuleRegistry registry) {
        this.registry = registry;
        this.subscription = registry.addListener(this::onEvent);
    }

    /**
     * Calls {@code listener} with a module's name whenever its data may have changed, and {@code true} when it was
     * removed. Called on poll and monitor threads: it must not block.
     */
    public AutoCloseable onChange(BiConsumer<String, Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every configured module, in configuration order. */
    public Scope all() { return Scope.of(registry.views().stream().map(this::data).toList()); }

    /** One module (none when it is not configured). */
    public Scope only(String module) {
        return Scope.of(registry.module(module).map(m -> List.of(data(m.view()))).orElse(List.of()));
    }

    /** The names of the configured modules. */
    public List<String> names() { return registry.views().stream().map(ModuleView::name).toList(); }

    private ComponentData data(ModuleView v) {
        Read r = thresholds.get(v.name());
        return new ComponentData(v, r != null && r.identity() == v.identity() ? r.thresholds() : null);
    }

    private void onEvent(ModuleEvent e) {
        if (e instanceof ModuleEvent.Removed) {
            thresholds.remove(e.module());
            fire(e.module(), true);
            return;
        }
        if (e instanceof ModuleEvent.SnapshotUpdated s) readThresholdsIfNew(s.view());
        fire(e.module(), false);
    }

    private void readThresholdsIfNew(ModuleView v) {
        Read known = thresholds.get(v.name());
        if (v.identity() == null || known != null && known.identity() == v.identity()) return;
        thresholds.put(v.name(), new Read(v.identity(), null)); // one read per identity, even while it runs
        Thread.ofVirtual().name("gnmi-thresholds-" + v.name()).start(() -> {
            try {
                registry.module(v.name()).flatMap(m -> m.client()).ifPresent(c -> {
                    thresholds.put(v.name(), new Read(v.identity(), c.thresholds()));
                    fire(v.name(), false);
                });
            } catch (RuntimeException ex) {
                thresholds.remove(v.name()); // the next snapshot tries again
                LOG.debug("thresholds of {} not read: {}", v.name(), ex.toString());
            }
        });
    }

    private void fire(String module, boolean removed) {
        for (BiConsumer<String, Boolean> l : listeners) l.accept(module, removed);
    }

    @Override
    public void close() throws Exception { subscription.close(); }
}
