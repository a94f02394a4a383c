package org.openxpo.agent.gnmi;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openxpo.agent.gnmi.encoding.ValueEncoder;
import org.openxpo.agent.gnmi.path.RequestPaths;
import org.openxpo.agent.gnmi.proto.Notification;
import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.proto.SubscribeRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.Subscription;
import org.openxpo.agent.gnmi.proto.SubscriptionList;
import org.openxpo.agent.gnmi.proto.SubscriptionMode;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.gnmi.tree.Scope;
import org.openxpo.agent.gnmi.tree.TreeQuery;

/**
 * One Subscribe RPC (gNMI specification §3.5): ONCE, POLL, or STREAM with SAMPLE, ON_CHANGE (with heartbeats) and
 * TARGET_DEFINED (ON_CHANGE here: every value the agent serves is a state that changes when a module is read).
 * Work runs on the session's own virtual thread, so the poll threads that report changes only mark a module dirty;
 * responses leave through a bounded {@link ResponseQueue}.
 */
final class SubscribeSession implements StreamObserver<SubscribeRequest> {
    private final ChassisData data;
    private final ScheduledExecutorService timers;
    private final GnmiOptions options;
    private final ResponseQueue out;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("gnmi-subscribe").factory());
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Stream> onChange = new ArrayList<>();
    private final List<Stream> all = new ArrayList<>();
    private SubscriptionList list;
    private ValueEncoder encoder;
    private List<Path> paths;
    private AutoCloseable changes;

    /** One subscription of a STREAM list: its path, how it is sent, and what it last sent per module. */
    private static final class Stream {
        final Subscription sub;
        final Path path;
        final Map<String, LeafSet> sent = new HashMap<>();

        Stream(Subscription sub, Path path) {
            this.sub = sub;
            this.path = path;
        }
    }

    SubscribeSession(ChassisData data, ScheduledExecutorService timers, GnmiOptions options,
                     ServerCallStreamObserver<SubscribeResponse> responses) {
        this.data = data;
        this.timers = timers;
        this.options = options;
        this.out = new ResponseQueue(responses, options.maxQueuedResponses(), this::close);
    }

    @Override
    public void onNext(SubscribeRequest request) {
        try {
            if (list == null) {
                if (!request.hasSubscribe()) throw GnmiErrors.invalid("the first SubscribeRequest must carry a subscription list");
                start(request.getSubscribe());
            } else if (request.hasPoll()) {
                if (list.getMode() != SubscriptionList.Mode.POLL) throw GnmiErrors.invalid("poll is only for a POLL subscription");
                run(this::snapshot);
            } else {
                throw GnmiErrors.invalid("a subscription list was already given on this stream");
            }
        } catch (RuntimeException e) {
            out.fail(GnmiErrors.of(e));
        }
    }

    @Override
    public void onError(Throwable t) { close(); }

    @Override
    public void onCompleted() {
        // a POLL client that half-closes is done; a STREAM keeps flowing until the client cancels
        if (list != null && list.getMode() == SubscriptionList.Mode.POLL) run(out::complete);
    }

    private void start(SubscriptionList request) {
        encoder = ValueEncoder.of(request.getEncoding());
        if (request.getSubscriptionCount() == 0) throw GnmiErrors.invalid("the subscription list has no subscription");
        List<Path> joined = new ArrayList<>();
        for (Subscription s : request.getSubscriptionList()) {
            Path p = RequestPaths.join(request.getPrefix(), s.getPath());
            TreeQuery.checkServed(p);
            joined.add(p);
            if (request.getMode() == SubscriptionList.Mode.STREAM) {
                checkIntervals(s);
                Stream st = new Stream(s, p);
                all.add(st);
                if (s.getMode() != SubscriptionMode.SAMPLE) onChange.add(st);
            }
        }
        list = request;
        paths = List.copyOf(joined);
        switch (request.getMode()) {
            case ONCE -> run(() -> {
                snapshot();
                out.complete();
            });
            case POLL -> { } // values go out on each poll
            case STREAM -> run(this::startStream);
            default -> throw GnmiErrors.invalid("unknown subscription list mode " + request.getModeValue());
        }
    }

    private void checkIntervals(Subscription s) {
        long min = options.minInterval().toNanos();
        switch (s.getMode()) {
            case SAMPLE -> {
                if (s.getSampleInterval() != 0 && s.getSampleInterval() < min)
                    throw GnmiErrors.invalid("sample_interval " + s.getSampleInterval() + " ns is below the agent's shortest, "
                        + min + " ns");
            }
            case TARGET_DEFINED -> {
                if (s.getSampleInterval() != 0)
                    throw GnmiErrors.invalid("TARGET_DEFINED picks its own timing: leave sample_interval 0");
            }
            case ON_CHANGE -> { }
            default -> throw GnmiErrors.invalid("unknown subscription mode " + s.getModeValue());
        }
        if (s.getHeartbeatInterval() != 0 && s.getHeartbeatInterval() < min)
            throw GnmiErrors.invalid("heartbeat_interval " + s.getHeartbeatInterval() + " ns is below the agent's shortest, "
                + min + " ns");
    }

    /** ONCE and each POLL: every value, then sync_response (only the sync with updates_only). */
    private void snapshot() {
        if (!list.getUpdatesOnly()) {
            for (String module : data.names()) send(module, LeafSet.of(paths, data.only(module)).leaves().values(), List.of());
        }
        out.offer(SubscribeResponse.newBuilder().setSyncResponse(true).build());
    }

    private void startStream() {
        for (String module : data.names()) {
            Scope scope = data.only(module);
            for (Stream st : all) {
                LeafSet now = LeafSet.of(List.of(st.path), scope);
                st.sent.put(module, now);
                if (!list.getUpdatesOnly()) send(module, now.leaves().values(), List.of());
            }
        }
        out.offer(SubscribeResponse.newBuilder().setSyncResponse(true).build());
        changes = data.onChange(this::changed);
        for (Stream st : all) {
            if (st.sub.getMode() == SubscriptionMode.SAMPLE) {
                long every = st.sub.getSampleInterval() == 0 ? options.defaultSampleInterval().toNanos() : st.sub.getSampleInterval();
                schedule(every, () -> sample(st));
            }
            if (st.sub.getHeartbeatInterval() != 0 && st.sub.getMode() != SubscriptionMode.SAMPLE) {
                schedule(st.sub.getHeartbeatInterval(), () -> heartbeat(st));
            }
        }
    }

    /** A periodic task; a tick that comes while the previous one still waits for the worker is skipped, not queued. */
    private void schedule(long nanos, Runnable task) {
        AtomicBoolean pending = new AtomicBoolean();
        Runnable once = () -> {
            pending.set(false);
            task.run();
        };
        synchronized (schedules) {
            if (closed.get()) return;
            schedules.add(timers.scheduleAtFixedRate(() -> {
                if (pending.compareAndSet(false, true)) run(once);
            }, nanos, nanos, TimeUnit.NANOSECONDS));
        }
    }

    /** Called on poll and monitor threads: only marks the module and wakes the worker. */
    private void changed(String module, boolean gone) {
        boolean first;
        synchronized (dirty) {
            first = dirty.isEmpty() && removed.isEmpty();
            (gone ? removed : dirty).add(module);
        }
        if (first) run(this::flushChanges);
    }

    private void flushChanges() {
        List<String> changedNow, removedNow;
        synchronized (dirty) {
            changedNow = List.copyOf(dirty);
            removedNow = List.copyOf(removed);
            dirty.clear();
            removed.clear();
        }
        for (String module : removedNow) {
            Set<Path> components = new LinkedHashSet<>();
            for (Stream st : all) {
                LeafSet last = st.sent.remove(module);
                if (last != null) components.addAll(last.components());
            }
            if (!components.isEmpty()) sendDelete(components);
        }
        for (String module : changedNow) {
            if (removedNow.contains(module)) continue;
            Scope scope = data.only(module);
            if (scope.modules().isEmpty()) continue;
            for (Stream st : onChange) diff(st, module, scope, false);
        }
    }

    private void sample(Stream st) {
        for (String module : data.names()) diff(st, module, data.only(module), !st.sub.getSuppressRedundant());
    }

    private void heartbeat(Stream st) {
        for (String module : data.names()) diff(st, module, data.only(module), true);
    }

    /** Sends what changed in {@code module} since {@code st} last sent it (everything when {@code all}), and deletes. */
    private void diff(Stream st, String module, Scope scope, boolean everything) {
        LeafSet before = st.sent.getOrDefault(module, LeafSet.empty());
        LeafSet now = LeafSet.of(List.of(st.path), scope);
        st.sent.put(module, now);
        send(module, everything ? now.leaves().values() : now.changedSince(before), now.goneSince(before));
    }

    private void send(String module, java.util.Collection<TreeQuery.LeafData> leaves, List<Path> deletes) {
        if (leaves.isEmpty() && deletes.isEmpty()) return;
        Notification.Builder n = Notification.newBuilder().setTimestamp(collected(module)).addAllDelete(deletes);
        for (TreeQuery.LeafData l : leaves) n.addUpdate(Update.newBuilder().setPath(l.path()).setVal(encoder.leaf(l.value())));
        out.offer(SubscribeResponse.newBuilder().setUpdate(n).build());
    }

    /** A removed module's components (its transceiver and its sensors) go in one notification, a delete each. */
    private void sendDelete(Set<Path> components) {
        out.offer(SubscribeResponse.newBuilder().setUpdate(Notification.newBuilder()
            .setTimestamp(nanos(Instant.now())).addAllDelete(components)).build());
    }

    /** When the module's values were collected (the view's time), in ns since the epoch. */
    private long collected(String module) {
        Scope s = data.only(module);
        return s.modules().isEmpty() ? nanos(Instant.now()) : nanos(s.modules().getFirst().view().updated());
    }

    private static long nanos(Instant t) { return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano(); }

    private void run(Runnable task) {
        if (closed.get()) return;
        try {
            worker.execute(() -> {
                if (closed.get()) return;
                try {
                    task.run();
                } catch (StatusRuntimeException e) {
                    out.fail(e);
                } catch (RuntimeException e) {
                    out.fail(GnmiErrors.of(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the session is closing
        }
    }

    private void close() {
        if (!closed.compareAndSet(false, true)) return;
        synchronized (schedules) {
            for (ScheduledFuture<?> f : schedules) f.cancel(false);
        }
        if (changes != null) {
            try {
                changes.close();
            } catch (Exception ignored) {
                // removing a listener cannot fail
            }
        }
        worker.shutdown();
    }
}
