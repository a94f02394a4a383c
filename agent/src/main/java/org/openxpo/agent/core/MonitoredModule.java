package org.openxpo.agent.core;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.Severity;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.ModuleMonitor;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.driver.monitor.MonitorOptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One module as the agent watches it: opens its target (again and again until it answers), runs the driver's
 * interrupt-driven {@link ModuleMonitor} for alarms, state, presence, resets and link drops, takes a snapshot each
 * time it is polled (with its VDM values from the {@link VdmSource} and the diagnostics loopbacks, {@link LaneLoopbacks}), and keeps the latest {@link ModuleView}, the alarm log and the trend. Every change goes to the
 * sink as a {@link ModuleEvent}.
 */
public final class MonitoredModule implements AutoCloseable {
    private final ModuleSpec spec;
    private final PollOptions options;
    private final VdmSource vdmSource;
    private final Function<String, XpoModuleClient> opener;
    private final Consumer<ModuleEvent> sink;
    private final Clock clock;
    private final AlarmLog alarmLog;
    private final History history;
    private final Map<String, FlagCounter> flagChanges = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    // refreshes asked for after a control operation: the next poll to start answers them
    private final List<CompletableFuture<Void>> refreshes = new ArrayList<>();
    private final Object viewLock = new Object();
    private volatile ModuleView view;
    private volatile boolean closed;

    // touched by one poll at a time (the polling flag) and by close()
    private XpoModuleClient client;
    private ModuleMonitor monitor;

    MonitoredModule(ModuleSpec spec, PollOptions options, VdmSource vdmSource, Function<String, XpoModuleClient> opener,
                    Consumer<ModuleEvent> sink, Clock clock) {
        this.spec = spec;
        this.options = options;
        this.vdmSource = vdmSource;
        this.opener = opener;
        this.sink = sink;
        this.clock = clock;
        this.alarmLog = new AlarmLog(options.alarmLogSize());
        this.history = new History(options.historyWindow(), options.historySamples());
        this.view = ModuleView.initial(spec, clock.instant());
    }

    public String name() { return spec.name(); }

    public ModuleSpec spec() { return spec; }

    public ModuleView view() { return view; }

    /** The alarm log: cleared alarms (bounded) then the active ones. */
    public List<AlarmRecord> alarmLog() { return alarmLog.entries(); }

    /** The trend of the last {@link PollOptions#historyWindow()}, oldest first. */
    public List<HistorySample> history() { return history.since(clock.instant()); }

    /** Every flag seen since the agent started, with how often it changed (raised or cleared). */
    public List<FlagCount> flagChanges() {
        return flagChanges.values().stream().map(FlagCounter::count).toList();
    }

    /** The alarm of the latest change and the running count; the alarm's own fields name the flag. */
    private record FlagCounter(Alarm alarm, AtomicLong changes) {
        FlagCount count() { return new FlagCount(alarm, changes.get()); }
    }

    /** The open client for a control operation, or empty while the target cannot be reached. */
    public Optional<XpoModuleClient> client() {
        synchronized (this) {
            return Optional.ofNullable(client);
        }
    }

    /** True when a poll was started; false when the previous one is still running (a slow module skips a tick). */
    boolean tryStartPoll() { return !closed && polling.compareAndSet(false, true); }

    /**
     * Asks for a poll that starts after this call; the future completes once that poll has updated the view (or the
     * module is closed). A poll already running cannot answer: it may have read the module before the change.
     */
    CompletableFuture<Void> requestRefresh() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (refreshes) {
            if (closed) f.complete(null);
            else refreshes.add(f);
        }
        return f;
    }

    /** True when a refresh was asked for that no poll has started to answer. */
    boolean refreshWanted() {
        synchronized (refreshes) {
            return !refreshes.isEmpty();
        }
    }

    private List<CompletableFuture<Void>> takeRefreshes() {
        synchronized (refreshes) {
            if (refreshes.isEmpty()) return List.of();
            List<CompletableFuture<Void>> taken = List.copyOf(refreshes);
            refreshes.clear();
            return taken;
        }
    }

    /** One poll (after {@link #tryStartPoll()}): connect if needed, take a snapshot, update the view. */
    void poll() {
        long start = System.nanoTime();
        List<CompletableFuture<Void>> answering = takeRefreshes();
        try {
            XpoModuleClient c = connected();
            if (c == null) return;
            ModuleSnapshot s = c.status();
            Identity id = c.identity();
            ModuleView seen = view;
            // thresholds are constant while the module runs: read them again only for a new or restarted module
            Thresholds limits = seen.thresholds() != null && seen.identity() == id ? seen.thresholds() : c.thresholds();
            VdmReading vdm = vdmSource.read(c, s).orElse(null);
            LaneLoopbacks loopbacks = id.advertised().diagnostics() ? LaneLoopbacks.read(c, id) : null;
            double took = seconds(start);
            ModuleView before = view;
            ModuleView after = update(v -> v.withPoll(id, limits, s.withAlarms(alarmLog.activeAlarms(), false), vdm, loopbacks,
                v.health().succeeded(took), clock.instant()));
            history.add(HistorySample.of(s));
            reportChanges(before, after);
            sink.accept(new ModuleEvent.SnapshotUpdated(after));
        } catch (XpoException.ModuleAbsent e) {
            failed(start, false, true, e);
        } catch (XpoException.LinkFailure e) {
            failed(start, view.present(), false, e);
        } catch (RuntimeException e) {
            failed(start, view.present(), view.reachable(), e);
        } finally {
            polling.set(false);
            answering.forEach(f -> f.complete(null));
        }
    }

    private XpoModuleClient connected() {
        synchronized (this) {
            if (client != null || closed) return client;
        }
        XpoModuleClient c = opener.apply(spec.target()); // throws when the target does not answer
        synchronized (this) {
            if (closed) {
                c.close();
                return null;
            }
            client = c;
            monitor = ModuleMonitor.start(c, MonitorOptions.DEFAULT.withInterval(options.alarmInterval()), this::onMonitorEvent);
            return c;
        }
    }

    private void failed(long start, boolean present, boolean reachable, RuntimeException e) {
        if (closed) return;
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        ModuleView before = view;
        ModuleView after = update(v -> v.with(present, reachable, why, clock.instant()).withHealth(v.health().failed(seconds(start))));
        reportChanges(before, after);
    }

    private void onMonitorEvent(MonitorEvent e) {
        Instant now = clock.instant();
        switch (e) {
            case MonitorEvent.AlarmEvent a -> {
                AlarmRecord r = a.severity() == Severity.INFO ? alarmLog.event(a.alarm(), a.time())
                    : a.raised() ? alarmLog.raise(a.alarm(), a.time()) : alarmLog.clear(a.alarm(), a.time());
                if (r == null) return;
                flagChanges.computeIfAbsent(a.alarm().key(), k -> new FlagCounter(a.alarm(), new AtomicLong())).changes().incrementAndGet();
                update(v -> v.withAlarms(alarmLog.activeAlarms(), now));
                sink.accept(new ModuleEvent.AlarmChanged(spec.name(), r));
            }
            case MonitorEvent.ModuleStateEvent s -> {
                ModuleView before = view;
                reportChanges(before, update(v -> v.withState(s.current(), now)));
            }
            case MonitorEvent.PresenceEvent p -> {
                ModuleView before = view;
                reportChanges(before, update(v -> v.with(p.present(), v.reachable(), v.lastError(), now)));
            }
            case MonitorEvent.LinkEvent l -> {
                ModuleView before = view;
                reportChanges(before, update(v -> v.with(v.present(), l.up(), l.up() ? null : l.detail(), now)));
            }
            case MonitorEvent.ResetEvent r ->
                // the identity (and so the firmware) is read afresh by the next poll
                sink.accept(new ModuleEvent.Changed(update(v -> v.withIdentity(null, now)), "reset"));
            case MonitorEvent.SnapshotEvent s -> { } // the agent takes its own snapshots, on its own schedule
            case MonitorEvent.ErrorEvent err -> update(v -> v.with(v.present(), v.reachable(), err.message(), now));
        }
    }

    /** One Changed event per kind of change, so a consumer can tell a firmware change from a state change. */
    private void reportChanges(ModuleView before, ModuleView after) {
        if (before.present() != after.present()) sink.accept(new ModuleEvent.Changed(after, after.present() ? "present" : "absent"));
        if (before.reachable() != after.reachable())
            sink.accept(new ModuleEvent.Changed(after, after.reachable() ? "reachable" : "unreachable"));
        if (before.state() != after.state()) sink.accept(new ModuleEvent.Changed(after, "state"));
        if (after.firmware() != null && !Objects.equals(before.firmware(), after.firmware()))
            sink.accept(new ModuleEvent.Changed(after, "firmware"));
    }

    private ModuleView update(UnaryOperator<ModuleView> change) {
        synchronized (viewLock) {
            view = change.apply(view);
            return view;
        }
    }

    private static double seconds(long startNanos) { return (System.nanoTime() - startNanos) / 1e9; }

    @Override
    public void close() {
        closed = true;
        takeRefreshes().forEach(f -> f.complete(null));
        ModuleMonitor m;
        XpoModuleClient c;
        synchronized (this) {
            m = monitor;
            c = client;
            monitor = null;
            client = null;
        }
        if (m != null) m.close();
        if (c != null) c.close();
    }
}
