package org.openxpo.agent.core;

import org.openxpo.driver.module.XpoModuleClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The modules the agent watches, in the order they were configured, and the schedule that polls them. Each poll runs
 * on its own virtual thread, at most {@link PollOptions#maxConcurrentPolls()} at once, so a slow or absent module (a
 * connect timeout, a NACKing module) only delays itself; a module whose poll is still running skips the tick. Polls of
 * different modules are spread over the interval rather than started together.
 */
public final class ModuleRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    private final PollOptions options;
    private final VdmSource vdmSource;
    private final Function<String, XpoModuleClient> opener;
    private final Clock clock;
    private final Map<String, Entry> modules = new LinkedHashMap<>();
    private final List<Consumer<ModuleEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().daemon().name("xpo-agent-ticker").unstarted(r));
    private final ExecutorService polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("xpo-poll-", 0).factory());
    private final Semaphore permits;

    private record Entry(MonitoredModule module, ScheduledFuture<?> schedule) {}

    public ModuleRegistry(PollOptions options, VdmSource vdmSource) {
        this(options, vdmSource, XpoModuleClient::open, Clock.systemUTC());
    }

    /** {@code opener} opens a target URI (tests and benchmarks may count or delay it). */
    public ModuleRegistry(PollOptions options, VdmSource vdmSource, Function<String, XpoModuleClient> opener, Clock clock) {
        this.options = options;
        this.vdmSource = vdmSource;
        this.opener = opener;
        this.clock = clock;
        this.permits = new Semaphore(options.maxConcurrentPolls());
    }

    public PollOptions options() { return options; }

    /** Adds a listener for every event from now on; closing the handle removes it. */
    public AutoCloseable addListener(Consumer<ModuleEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts watching {@code spec}; its first poll runs at once. A name already in use is refused. */
    public MonitoredModule add(ModuleSpec spec) {
        MonitoredModule m;
        synchronized (modules) {
            if (modules.containsKey(spec.name())) throw new IllegalArgumentException("a module named '" + spec.name() + "' is already configured");
            m = new MonitoredModule(spec, options, vdmSource, opener, this::publish, clock);
            long period = options.snapshotInterval().toNanos();
            // spread the first polls of a large chassis over one interval
            long offset = modules.isEmpty() ? 0 : (period / 64) * (modules.size() % 64);
            modules.put(spec.name(), new Entry(m, ticker.scheduleAtFixedRate(() -> launch(m), offset, period, TimeUnit.NANOSECONDS)));
        }
        publish(new ModuleEvent.Added(m.view()));
        return m;
    }

    /** Stops watching {@code name}; false if no such module. */
    public boolean remove(String name) {
        Entry e;
        synchronized (modules) {
            e = modules.remove(name);
        }
        if (e == null) return false;
        e.schedule().cancel(false);
        e.module().close();
        publish(new ModuleEvent.Removed(name));
        return true;
    }

    public Optional<MonitoredModule> module(String name) {
        synchronized (modules) {
            Entry e = modules.get(name);
            return e == null ? Optional.empty() : Optional.of(e.module());
        }
    }

    /** The modules in configuration order. */
    public List<MonitoredModule> modules() {
        synchronized (modules) {
            return modules.values().stream().map(Entry::module).toList();
        }
    }

    public List<ModuleView> views() { return modules().stream().map(MonitoredModule::view).toList(); }

    /**
     * Polls {@code name} again after a control operation: the future completes once a poll that started after this
     * call has updated the view, so what a client reads next shows the change. A poll that is running when this is
     * called is followed by another one.
     */
    public CompletableFuture<Void> refresh(String name) {
        return module(name).map(m -> {
            CompletableFuture<Void> done = m.requestRefresh();
            launch(m);
            return done;
        }).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private void launch(MonitoredModule m) {
        if (!m.tryStartPoll()) return;
        try {
            polls.execute(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    m.poll();
                } finally {
                    permits.release();
                }
                if (m.refreshWanted()) launch(m); // asked for while this poll ran
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the registry is closing
        }
    }

    private void publish(ModuleEvent e) {
        for (Consumer<ModuleEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("agent listener failed on {}: {}", e.getClass().getSimpleName(), ex.toString());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        Collection<Entry> all;
        synchronized (modules) {
            all = List.copyOf(modules.values());
            modules.clear();
        }
        polls.shutdownNow();
        for (Entry e : all) e.module().close();
    }
}
