package org.openxpo.driver.monitor;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.FlagReading;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.MonitorEvent.*;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.types.ModuleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches one module and turns what happens into {@link MonitorEvent}s. Interrupt-driven where the transport has
 * IntL/IBI events: each assertion triggers one flag reading (the lower page, then only the pages the summaries point
 * at); otherwise the flags are polled every tick. Latched flags become raise/clear {@link MonitorEvent.AlarmEvent}s
 * ({@link AlarmTracker}); transport events become presence, reset and link events. Link drops, absent modules and
 * modules still booting do not stop it: reads fail, the monitor says so once, and carries on when they succeed again
 * (the link transport reconnects by itself).
 *
 * <p>Everything runs on one monitor thread; transport callbacks only queue work, so listeners are called in order,
 * one event at a time, and never from a transport's thread. Closing the monitor leaves the client open.
 */
public final class ModuleMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleMonitor.class);
    private static final int MAX_SERVICE_ROUNDS = 4;
    /** The cause of a ResetEvent for a restart the access layer found (126–127 lost the page it selected). */
    static final String RESTART_DETECTED = "detected: the module lost its page selection (it restarted)";

    private final XpoModuleClient client;
    private final MonitorOptions options;
    private final boolean interruptDriven;
    private final AlarmTracker tracker;
    private final List<Consumer<MonitorEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private final AtomicBoolean flagReadQueued = new AtomicBoolean();
    private final AutoCloseable subscription, restartWatch;
    private volatile boolean closed;

    // owned by the monitor thread
    private boolean present = true, linkUp = true, flagsPending = true, stateSeen, restoredByRead;
    private ModuleState lastState;
    private String lastError;

    private ModuleMonitor(XpoModuleClient client, MonitorOptions options, List<Consumer<MonitorEvent>> initial) {
        this.client = client;
        this.options = options;
        this.interruptDriven = switch (options.mode()) {
            case AUTO -> client.transport().hasInterruptEvents();
            case INTERRUPT -> true;
            case POLLING -> false;
        };
        this.tracker = new AlarmTracker(options.clearHold());
        this.listeners.addAll(initial);
        this.executor = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("xpo-monitor").unstarted(r));
        this.subscription = client.transport().subscribe(this::onTargetEvent);
        // without Reset events (Pi4J) the access layer is what notices a module that restarted by itself
        this.restartWatch = client.access().onRestartDetected(() -> submit(() -> reset(RESTART_DETECTED)));
        client.transport().onReconnect(() -> submit(this::reconnected));
        long period = options.interval().toNanos();
        executor.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.NANOSECONDS);
    }

    /** Starts monitoring with {@code options}; {@code listener} sees every event from the first one. */
    public static ModuleMonitor start(XpoModuleClient client, MonitorOptions options, Consumer<MonitorEvent> listener) {
        return new ModuleMonitor(client, options, List.of(listener));
    }

    /** Starts monitoring with several listeners, each of which sees every event from the first one. */
    public static ModuleMonitor start(XpoModuleClient client, MonitorOptions options,
                                      List<Consumer<MonitorEvent>> listeners) {
        return new ModuleMonitor(client, options, listeners);
    }

    /** Adds a listener for the events from now on; closing the handle removes it. */
    public AutoCloseable addListener(Consumer<MonitorEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Runs {@code action} on the monitor thread after the work already queued, so never among the events of one flag
     * reading: a listener that gathers them (text output grouping a reading's lane alarms) may act on a whole reading.
     * Does nothing once the monitor is closed.
     */
    public void runBetweenEvents(Runnable action) {
        submit(() -> {
            try {
                action.run();
            } catch (RuntimeException ex) {
                LOG.warn("monitor task failed: {}", ex.toString());
            }
        });
    }

    /** True when flags are read on interrupts rather than polled. */
    public boolean interruptDriven() { return interruptDriven; }

    public MonitorOptions options() { return options; }

    // ------------------------------------------------------------------ transport callbacks (any thread)

    private void onTargetEvent(TargetEvent e) {
        switch (e) {
            case TargetEvent.IntL i when i.asserted() -> queueFlagRead();
            case TargetEvent.Ibi i -> queueFlagRead();
            case TargetEvent.Presence p -> submit(() -> presence(p.present()));
            case TargetEvent.Reset r -> submit(() -> reset(r.cause()));
            default -> { }
        }
    }

    /** Several interrupts before the read runs need only one read. */
    private void queueFlagRead() {
        if (flagReadQueued.compareAndSet(false, true)) {
            submit(() -> {
                flagReadQueued.set(false);
                guarded(this::serviceInterrupt);
            });
        }
    }

    private void submit(Runnable r) {
        if (closed) return;
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            // closing: the work is no longer wanted
        }
    }

    // ------------------------------------------------------------------ monitor thread

    private void tick() {
        guarded(() -> {
            FlagReading r = !interruptDriven || flagsPending || tracker.hasActive() ? readFlags() : null;
            if (!options.snapshots()) {
                // an edge lost (a link drop, a flag latched while the pin was already low): the reading's closing
                // 00h:3, or one byte, tells
                if (interruptDriven && (r != null ? r.interruptAsserted() : client.interruptAsserted())) serviceInterrupt();
                return;
            }
            ModuleSnapshot s = client.status();
            observeState(s.moduleState(), s.time());
            if (interruptDriven && s.interruptAsserted()) serviceInterrupt();
            emit(new SnapshotEvent(s.time(), s.withAlarms(tracker.active(), false)));
        });
    }

    /**
     * IntL is a level: a flag that latches while the handler reads other pages keeps it asserted without a new edge
     * (or IBI). So, like a level-triggered handler, read until 00h:3 says the interrupt is gone (a few rounds at most:
     * a condition the module re-latches at once would keep it asserted forever; the next tick looks again). The
     * reading itself ends with 00h:3 read after the pages it cleared, in the same round trip as those pages.
     */
    private void serviceInterrupt() {
        for (int round = 0; round < MAX_SERVICE_ROUNDS; round++) {
            if (!readFlags().interruptAsserted()) return;
        }
    }

    private FlagReading readFlags() {
        FlagReading r = client.readFlags();
        flagsPending = false;
        observeState(r.moduleState(), r.time());
        for (AlarmTracker.Change c : tracker.apply(r.alarms(), r.time())) emit(new AlarmEvent(r.time(), c.alarm(), c.raised()));
        return r;
    }

    private void observeState(ModuleState s, Instant when) {
        if (stateSeen && s == lastState) return;
        emit(new ModuleStateEvent(when, stateSeen ? lastState : null, s));
        lastState = s;
        stateSeen = true;
    }

    /** Runs a read; turns its failure into at most one event and keeps the monitor alive. */
    private void guarded(Runnable read) {
        try {
            read.run();
            succeeded();
        } catch (XpoException.ModuleAbsent e) {
            presence(false);
        } catch (XpoException.LinkFailure e) {
            linkLost(e.getMessage());
        } catch (XpoException.Nack e) {
            // the module is booting or busy (MgmtInit NACKs): the next tick tries again
            flagsPending = true;
        } catch (RuntimeException e) {
            flagsPending = true;
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!msg.equals(lastError)) emit(new ErrorEvent(client.clock().instant(), msg));
            lastError = msg;
        }
    }

    private void succeeded() {
        lastError = null;
        if (!linkUp) {
            linkRestored();
            restoredByRead = true;
        }
        if (!present) presence(true);
    }

    private void presence(boolean now) {
        if (now == present) return;
        present = now;
        emit(new PresenceEvent(client.clock().instant(), now));
        forgetModule();
    }

    private void reset(String cause) {
        emit(new ResetEvent(client.clock().instant(), cause));
        forgetModule();
    }

    /** A different or rebooted module: its alarms are gone, its flags must be read afresh. */
    private void forgetModule() {
        Instant now = client.clock().instant();  // one moment: a reset or removal clears its alarms together
        for (AlarmTracker.Change c : tracker.clearAll()) emit(new AlarmEvent(now, c.alarm(), false));
        client.forgetIdentity();
        flagsPending = true;
    }

    private void linkLost(String why) {
        flagsPending = true;
        restoredByRead = false;
        if (!linkUp) return;
        linkUp = false;
        emit(new LinkEvent(client.clock().instant(), false, why));
    }

    /** The transport's reconnect callback; a read may already have reported the link back. */
    private void reconnected() {
        if (restoredByRead) {
            restoredByRead = false;
            return;
        }
        linkRestored();
    }

    /** After a reconnect: say so (and that it had dropped, if no read noticed), then read what was missed. */
    private void linkRestored() {
        if (linkUp) emit(new LinkEvent(client.clock().instant(), false, "link to " + client.transport().describe() + " dropped"));
        linkUp = true;
        emit(new LinkEvent(client.clock().instant(), true, "reconnected to " + client.transport().describe()));
        flagsPending = true;
        client.forgetIdentity();
    }

    private void emit(MonitorEvent e) {
        if (closed) return;  // a read cut short by close() is not a link failure to report
        for (Consumer<MonitorEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("monitor listener failed on {}: {}", e.getClass().getSimpleName(), ex.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
            restartWatch.close();
        } catch (Exception ignored) {
            // the transport may be closed already
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
