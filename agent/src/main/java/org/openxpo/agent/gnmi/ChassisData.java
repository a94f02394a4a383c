package org.openxpo.agent.gnmi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.openxpo.agent.core.ModuleEvent;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.gnmi.tree.ComponentData;
import org.openxpo.agent.gnmi.tree.Scope;

/** The gNMI face's window on the agent's model: the registry's module views and one change signal per module. */
public final class ChassisData implements AutoCloseable {
    private final ModuleRegistry registry;
    private final List<BiConsumer<String, Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;

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
    public Scope all() { return Scope.of(registry.modules().stream().map(ComponentData::of).toList()); }

    /** One module (none when it is not configured). */
    public Scope only(String module) {
        return Scope.of(registry.module(module).map(m -> List.of(ComponentData.of(m))).orElse(List.of()));
    }

    /** The names of the configured modules. */
    public List<String> names() { return registry.views().stream().map(ModuleView::name).toList(); }

    private void onEvent(ModuleEvent e) { fire(e.module(), e instanceof ModuleEvent.Removed); }

    private void fire(String module, boolean removed) {
        for (BiConsumer<String, Boolean> l : listeners) l.accept(module, removed);
    }

    @Override
    public void close() throws Exception { subscription.close(); }
}
