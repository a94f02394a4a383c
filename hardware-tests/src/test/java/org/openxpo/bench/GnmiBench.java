package org.openxpo.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.gnmi.GnmiOptions;
import org.openxpo.agent.gnmi.GnmiServer;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.SubscribeRequest;
import org.openxpo.agent.gnmi.proto.SubscribeResponse;
import org.openxpo.agent.gnmi.proto.Subscription;
import org.openxpo.agent.gnmi.proto.SubscriptionList;
import org.openxpo.agent.gnmi.proto.SubscriptionMode;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.gnmi.proto.gNMIGrpc;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.XpoModule;

/**
 * (gnmi) The agent's gNMI face over an emulated chassis on the link (bus timing off): SAMPLE throughput of every
 * channel leaf, and fault → ON_CHANGE notification latency.
 */
final class GnmiBench {
    private GnmiBench() {}

    static final double LATENCY_GOAL_NS = 5_000_000;
    static final String CHANNEL_STATE = "/components/component/transceiver/physical-channels/channel/state/...";

    static void run(Settings st, Report.Section sec) throws Exception {
        int modules = st.full() ? 64 : 16;
        double seconds = st.full() ? 10 : 4;
        int cycles = st.full() ? 200 : 60;
        sec.text(Stats.fmt("""
            **What is measured.** An emulated chassis of %d modules (fast transitions, 64 lanes up) behind `LinkServer` \
            on loopback, bus timing off; the agent's `ModuleRegistry` polls each module every second and a \
            `GnmiServer` serves it on loopback. A grpc-java client in the same JVM subscribes. **Throughput**: one \
            STREAM SAMPLE subscription of `%s` (every channel leaf of every module) at the shortest interval, \
            100 ms, in PROTO and in JSON_IETF; the figure is updates (leaves) received per second over %.0f s after the \
            first sync. **Latency**: one STREAM ON_CHANGE subscription of module m1's `rx-los` leaves; each sample \
            injects `Fault.RxLossOfSignal` on one lane straight into the emulated module and times until the client \
            holds the update `rx-los = true` of that channel: IntL over the link, the module's `ModuleMonitor` reads \
            the flags, the agent's alarm log, the gNMI session's diff, the gRPC stream. %d samples on lanes spread \
            over all banks, 10–30 ms apart, after 10 unrecorded ones; each fault is cleared before the next.
            """, modules, CHANNEL_STATE, seconds, cycles));
        try (EmulatedChassis chassis = Emulators.chassis(modules, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(30));
            try (LinkServer link = LinkServer.start(chassis, LinkFigures.loopback(), BusTiming.OFF);
                 ModuleRegistry registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofSeconds(1))
                     .withAlarmInterval(Duration.ofSeconds(1)), VdmSource.NONE)) {
                for (int i = 1; i <= modules; i++) {
                    registry.add(new ModuleSpec("m" + i, "tcp://127.0.0.1:" + link.port() + "/" + i));
                }
                awaitPolled(registry, Duration.ofSeconds(60));
                try (GnmiServer server = GnmiServer.start(registry, GnmiOptions.loopback(0, Duration.ofSeconds(1)))) {
                    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                        .maxInboundMessageSize(256 << 20).build();
                    try {
                        gNMIGrpc.gNMIStub gnmi = gNMIGrpc.newStub(channel);
                        for (Encoding enc : new Encoding[] {Encoding.PROTO, Encoding.JSON_IETF}) {
                            double rate = throughput(gnmi, enc, seconds);
                            sec.row("gNMI SAMPLE throughput, " + modules + " modules, " + enc, Stats.count(rate)
                                + " updates/s", "—", "—", "—", Report.Verdict.INFO);
                        }
                        latency(gnmi, chassis.cage(1).module(), cycles, sec);
                    } finally {
                        channel.shutdownNow();
                    }
                }
            }
        }
    }

    private static void awaitPolled(ModuleRegistry registry, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!registry.views().stream().allMatch(v -> v.snapshot() != null && v.identity() != null)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the agent did not read every module in " + timeout);
            Thread.sleep(20);
        }
    }

    private static double throughput(gNMIGrpc.gNMIStub gnmi, Encoding enc, double seconds) throws InterruptedException {
        AtomicLong updates = new AtomicLong();
        CountDownLatch synced = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        StreamObserver<SubscribeRequest> req = gnmi.subscribe(new StreamObserver<>() {
            @Override public void onNext(SubscribeResponse r) {
                if (r.getSyncResponse()) synced.countDown();
                else updates.addAndGet(r.getUpdate().getUpdateCount());
            }
            @Override public void onError(Throwable t) { error.set(t); synced.countDown(); }
            @Override public void onCompleted() { }
        });
        req.onNext(SubscribeRequest.newBuilder().setSubscribe(SubscriptionList.newBuilder()
            .setMode(SubscriptionList.Mode.STREAM).setEncoding(enc)
            .addSubscription(Subscription.newBuilder().setPath(PathStrings.parse(CHANNEL_STATE))
                .setMode(SubscriptionMode.SAMPLE).setSampleInterval(TimeUnit.MILLISECONDS.toNanos(100)))).build());
        if (!synced.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("no sync_response within 60 s");
        Thread.sleep(1000); // past the first samples: JIT warm-up
        long n0 = updates.get(), t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long n = updates.get() - n0, t = System.nanoTime() - t0;
        req.onError(new RuntimeException("benchmark done"));
        if (error.get() != null) throw new IllegalStateException("the subscription failed: " + error.get());
        return n / (t / 1e9);
    }

    private static void latency(gNMIGrpc.gNMIStub gnmi, XpoModule module, int cycles, Report.Section sec)
            throws InterruptedException {
        AtomicReference<String> wanted = new AtomicReference<>();
        AtomicReference<CountDownLatch> arrived = new AtomicReference<>(new CountDownLatch(1));
        AtomicLong at = new AtomicLong();
        CountDownLatch synced = new CountDownLatch(1);
        StreamObserver<SubscribeRequest> req = gnmi.subscribe(new StreamObserver<>() {
            @Override public void onNext(SubscribeResponse r) {
                if (r.getSyncResponse()) synced.countDown();
                for (Update u : r.getUpdate().getUpdateList()) {
                    if (u.getVal().getBoolVal() && PathStrings.format(u.getPath()).equals(wanted.get())) {
                        at.compareAndSet(0, System.nanoTime());
                        arrived.get().countDown();
                    }
                }
            }
            @Override public void onError(Throwable t) { synced.countDown(); }
            @Override public void onCompleted() { }
        });
        req.onNext(SubscribeRequest.newBuilder().setSubscribe(SubscriptionList.newBuilder()
            .setMode(SubscriptionList.Mode.STREAM).setEncoding(Encoding.PROTO)
            .addSubscription(Subscription.newBuilder()
                .setPath(PathStrings.parse("/components/component[name=m1]/transceiver/physical-channels/channel/state/rx-los"))
                .setMode(SubscriptionMode.ON_CHANGE))).build());
        if (!synced.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no sync_response within 30 s");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        long[] samples = new long[cycles];
        int k = 0, timeouts = 0;
        for (int i = -10; i < cycles; i++) {
            int lane = 1 + (i + 10) * 9 % 64;
            Thread.sleep(10 + rnd.nextInt(21));
            wanted.set("/components/component[name=m1]/transceiver/physical-channels/channel[index=" + (lane - 1)
                + "]/state/rx-los");
            CountDownLatch done = new CountDownLatch(1);
            arrived.set(done);
            at.set(0);
            long t0 = System.nanoTime();
            ActiveFault f = module.inject(new Fault.RxLossOfSignal(Set.of(lane)));
            boolean ok = done.await(2, TimeUnit.SECONDS);
            module.clearFault(f.id());
            wanted.set(null);
            if (i >= 0) {
                if (ok) samples[k++] = at.get() - t0;
                else timeouts++;
            }
            awaitCleared(module);
        }
        req.onError(new RuntimeException("benchmark done"));
        if (k == 0) throw new IllegalStateException("no ON_CHANGE update arrived (" + timeouts + " timeouts)");
        long[] got = java.util.Arrays.copyOf(samples, k);
        double med = Stats.median(got);
        sec.row("fault → gNMI ON_CHANGE notification, median", Stats.time(med) + " (p99 " + Stats.time(Stats.pct(got, 99))
            + ")", "median ≤ 5 ms", "—", Stats.ratio(med / LATENCY_GOAL_NS) + " goal", Report.Verdict.atMost(med, LATENCY_GOAL_NS));
        sec.table(java.util.List.of("fault injected to rx-los update at the client", " samples", " median", " p90", " p99", " max"),
            java.util.List.of(java.util.List.of("`inject` → `SubscribeResponse` received", Stats.count(k), Stats.time(med),
                Stats.time(Stats.pct(got, 90)), Stats.time(Stats.pct(got, 99)), Stats.time(Stats.pct(got, 100)))));
        if (timeouts > 0) sec.finding(timeouts + " samples got no ON_CHANGE update within 2 s");
    }

    /** Waits until the module no longer reports the lane's loss of signal (so the next sample starts clean). */
    private static void awaitCleared(XpoModule module) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!module.activeFaults().isEmpty() && System.nanoTime() < deadline) Thread.sleep(1);
    }
}
