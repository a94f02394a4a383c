package org.openxpo.driver.monitor;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.FlagReading;
import org.openxpo.driver.module.PendingFlagReading;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.MonitorEvent.*;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.types.ModuleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * <p>Listeners are called on one monitor thread, in order, one event at a time, and never from a transport's thread.
 * Where the transport can send from its event thread (the link's event loop), an interrupt's reads start right there
 * ({@link XpoModuleClient#startFlagReading()}): the lower page's read leaves as the IntL event arrives and the flag
 * pages' batch as that answer arrives, and only the answered reading is handed to the monitor thread, which decodes
 * it and calls the listeners. One flag reading runs at a time, asynchronous or not, so readings are seen in the
 * order they were made. Closing the monitor leaves the client open.
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
    /** Held by the flag reading under way, on the monitor thread or started on the transport's event thread. */
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AutoCloseable subscription, restartWatch;
    private volatile boolean closed;

    // owned by the monitor thread
    private boolean present = true, linkUp = true, flagsPending = true, stateSeen, restoredByRead;
    private ModuleState lastState;
    private String lastError;
    /** Monitor-thread readings that came while an asynchronous one was under way: they run after it. */
    private final Deque<Runnable> afterAsyncReading = new ArrayDeque<>();

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
            case TargetEvent.IntL i when i.asserted() -> interrupted();
            case TargetEvent.Ibi i -> interrupted();
            case TargetEvent.Presence p -> submit(() -> presence(p.present()));
            case TargetEvent.Reset r -> submit(() -> reset(r.cause()));
            default -> { }
        }
    }

    /**
     * Starts the interrupt's flag reading here, on the transport's event thread, when the transport can send from it and
     * no other reading is under way; otherwise queues it for the monitor thread.
     */
    private void interrupted() {
        if (!closed && reading.compareAndSet(false, true)) {
            Optional<CompletableFuture<PendingFlagReading>> started;
            try {
                started = client.startFlagReading();
            } catch (RuntimeException e) {
                started = Optional.empty();  // never into the transport's thread: the queued reading reports it
            }
            if (started.isPresent()) {
                started.get().whenComplete((r, e) -> submit(() -> asyncReadingDone(r, e)));
                return;
            }
            // a tick that found the reading taken meanwhile runs with the reading queued next
            reading.set(false);
        }
        queueFlagRead();
    }

    /** Several interrupts before the read runs need only one read. */
    private void queueFlagRead() {
        if (flagReadQueued.compareAndSet(false, true)) {
            submit(() -> {
                flagReadQueued.set(false);
                alone(() -> guarded(this::serviceInterrupt));
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

    private void tick() { alone(this::tickNow); }

    /**
     * Runs a monitor-thread flag reading now — after any that waited for the reading under way — or, while an
     * asynchronous one is under way, after it.
     */
    private void alone(Runnable work) {
        if (!reading.compareAndSet(false, true)) {
            afterAsyncReading.add(work);
            return;
        }
        try {
            runDeferred();
            work.run();
        } finally {
            reading.set(false);
        }
    }

    /** The answered asynchronous reading: finished (and further rounds read) here, then what waited for it. */
    private void asyncReadingDone(PendingFlagReading r, Throwable failure) {
        try {
            guarded(() -> {
                if (failure != null) throw XpoException.ofAsyncFailure(failure);
                serviceInterrupt(r.complete());
            });
        } finally {
            try {
                runDeferred();
            } finally {
                reading.set(false);
            }
        }
    }

    /** Runs, in order, the monitor-thread readings that waited for a reading under way (the caller holds it now). */
    private void runDeferred() {
        for (Runnable r; (r = afterAsyncReading.poll()) != null; ) r.run();
    }

    private void tickNow() {
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
    private void serviceInterrupt() { serviceInterrupt(client.readFlags()); }

    /** As {@link #serviceInterrupt()}, its first reading already made. */
    private void serviceInterrupt(FlagReading first) {
        if (!took(first).interruptAsserted()) return;
        for (int round = 1; round < MAX_SERVICE_ROUNDS; round++) {
            if (!readFlags().interruptAsserted()) return;
        }
    }

    private FlagReading readFlags() { return took(client.readFlags()); }

    /** Turns a reading into events. */
    private FlagReading took(FlagReading r) {
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
