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
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.TargetEvent;

/**
 * (gnmi) The agent's gNMI face over an emulated chassis on the link (bus timing off): SAMPLE throughput of every
 * channel leaf, and fault → ON_CHANGE notification latency.
 */
final class GnmiBench {
    private GnmiBench() {}

    static final double LATENCY_GOAL_NS = 5_000_000;
    static final String CHANNEL_STATE = "/components/component/...";
    static final String RX_LOS = "/components/component[name=m1]/transceiver/physical-channels/channel/state/rx-los";

    static void run(Settings st, Report.Section sec) throws Exception {
        int modules = st.full() ? 64 : 16;
        double seconds = st.full() ? 10 : 4;
        int cycles = st.full() ? 200 : 60;
        sec.text(Stats.fmt("""
            **What is measured.** An emulated chassis of %d modules (fast transitions, 64 lanes up) behind `LinkServer` \
            on loopback, bus timing off; the agent's `ModuleRegistry` polls each module every second and a \
            `GnmiServer` serves it on loopback. A grpc-java client in the same JVM subscribes. **Throughput**: one \
            STREAM SAMPLE subscription of `%s` (every leaf of every module) at the shortest interval, \
            100 ms, in PROTO and in JSON_IETF; the figure is updates (leaves) received per second over %.0f s after the \
            first sync, and beside it the process CPU time per update received (the whole JVM: chassis, polling, agent \
            and client), which load on the machine distorts less than the rate. **Latency**: one STREAM ON_CHANGE subscription (PROTO) of module m1's `rx-los` channel leaves \
            (`%s`); each sample injects `Fault.RxLossOfSignal` on one lane straight into the emulated module. The \
            emulator latches the lane's LosFlagRx on its next 100 ms physics tick and asserts IntL; the agent's \
            `ModuleMonitor` takes the IntL edge over the link, reads the flags and raises RxLos; the gNMI session \
            diffs the module's leaves and sends `rx-los = true` for that channel. Two figures: from the fault injected \
            (includes the wait for the physics tick, 0–100 ms, which is the emulated module's, not the agent's) and \
            from the IntL edge that reported the latched flag, as a second link client of the same cage saw it (the \
            agent's share: link, monitor read, alarm log, gNMI diff, gRPC). %d samples on lanes spread over all \
            banks, 10–30 ms apart, after 10 unrecorded ones; each fault is cleared once its update has arrived.
            """, modules, CHANNEL_STATE, seconds, RX_LOS, cycles));
        try (EmulatedChassis chassis = Emulators.chassis(modules, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(30));
            try (LinkServer link = LinkServer.start(chassis, LinkFigures.loopback(), BusTiming.OFF);
                 // alarms are checked for clearing every 100 ms, so a lane's alarm is gone before the lane comes round again
                 ModuleRegistry registry = new ModuleRegistry(PollOptions.DEFAULT.withSnapshotInterval(Duration.ofSeconds(1))
                     .withAlarmInterval(Duration.ofMillis(100)), VdmSource.NONE)) {
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
                            double[] r = throughput(gnmi, enc, seconds);
                            sec.row("gNMI SAMPLE throughput, " + modules + " modules, " + enc, Stats.count(r[0])
                                + " updates/s", "—", "—", "—", Report.Verdict.INFO);
                            sec.text(Stats.fmt("%s: %,.0f leaves per pass, so %,.0f updates/s asked for at 100 ms; "
                                + "%,.0f received per second; %.2f µs of process CPU per update received.",
                                enc, r[1], r[1] * 10, r[0], r[2] / 1000));
                        }
                        latency(gnmi, chassis.cage(1).module(), link.port(), cycles, sec);
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

    /**
     * {updates received per second, leaves in one pass, process CPU ns per update received}. The CPU figure counts
     * the whole JVM (the emulated chassis and its polling too), so it compares builds on the same machine whatever
     * the load, where the rate depends on the cores left free.
     */
    private static double[] throughput(gNMIGrpc.gNMIStub gnmi, Encoding enc, double seconds) throws InterruptedException {
        AtomicLong updates = new AtomicLong(), perPass = new AtomicLong();
        CountDownLatch synced = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        StreamObserver<SubscribeRequest> req = gnmi.subscribe(new StreamObserver<>() {
            @Override public void onNext(SubscribeResponse r) {
                if (r.getSyncResponse()) {
                    perPass.set(updates.get());
                    synced.countDown();
                } else {
                    updates.addAndGet(r.getUpdate().getUpdateCount());
                }
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
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long n0 = updates.get(), t0 = System.nanoTime(), cpu0 = os.getProcessCpuTime();
        Thread.sleep((long) (seconds * 1000));
        long n = updates.get() - n0, t = System.nanoTime() - t0, cpu = os.getProcessCpuTime() - cpu0;
        // checked before cancelling: the cancel itself reaches the observer as CANCELLED
        Throwable failed = error.get();
        req.onError(new RuntimeException("benchmark done"));
        if (failed != null) throw new IllegalStateException("the subscription failed: " + failed);
        return new double[] {n / (t / 1e9), perPass.get(), n == 0 ? Double.NaN : (double) cpu / n};
    }

    private static void latency(gNMIGrpc.gNMIStub gnmi, XpoModule module, int linkPort, int cycles, Report.Section sec)
            throws Exception {
        try (LinkTransport probe = LinkTransport.connect("127.0.0.1", linkPort, 1, LinkTransport.Options.DEFAULT)) {
            AtomicLong lastIntl = new AtomicLong();
            AutoCloseable sub = probe.subscribe(e -> {
                if (e instanceof TargetEvent.IntL i && i.asserted()) lastIntl.set(System.nanoTime());
            });
            try {
                latency(gnmi, module, lastIntl, cycles, sec);
            } finally {
                sub.close();
            }
        }
    }

    private static void latency(gNMIGrpc.gNMIStub gnmi, XpoModule module, AtomicLong lastIntl, int cycles,
                                Report.Section sec) throws InterruptedException {
        AtomicReference<String> wanted = new AtomicReference<>();
        AtomicReference<CountDownLatch> arrived = new AtomicReference<>(new CountDownLatch(1));
        AtomicLong at = new AtomicLong(), intlBefore = new AtomicLong();
        CountDownLatch synced = new CountDownLatch(1);
        StreamObserver<SubscribeRequest> req = gnmi.subscribe(new StreamObserver<>() {
            @Override public void onNext(SubscribeResponse r) {
                if (r.getSyncResponse()) synced.countDown();
                for (Update u : r.getUpdate().getUpdateList()) {
                    if (u.getVal().getBoolVal() && PathStrings.format(u.getPath()).equals(wanted.get())) {
                        long now = System.nanoTime();
                        if (at.compareAndSet(0, now)) intlBefore.set(lastIntl.get());
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
                .setPath(PathStrings.parse(RX_LOS))
                .setMode(SubscriptionMode.ON_CHANGE))).build());
        if (!synced.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no sync_response within 30 s");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        long[] samples = new long[cycles], fromIntl = new long[cycles];
        int k = 0, timeouts = 0;
        for (int i = -10; i < cycles; i++) {
            int lane = 1 + (i + 10) * 9 % 64;
            Thread.sleep(10 + rnd.nextInt(21));
            wanted.set(RX_LOS.replace("/channel/", "/channel[index=" + (lane - 1) + "]/"));
            CountDownLatch done = new CountDownLatch(1);
            arrived.set(done);
            at.set(0);
            long t0 = System.nanoTime();
            ActiveFault f = module.inject(new Fault.RxLossOfSignal(Set.of(lane)));
            boolean ok = done.await(2, TimeUnit.SECONDS);
            module.clearFault(f.id());
            wanted.set(null);
            if (i >= 0 && ok) {
                fromIntl[k] = at.get() - intlBefore.get();
                samples[k++] = at.get() - t0;
            }
            else if (i >= 0) timeouts++;
        }
        req.onError(new RuntimeException("benchmark done"));
        if (k == 0) throw new IllegalStateException("no ON_CHANGE update arrived (" + timeouts + " timeouts)");
        long[] got = java.util.Arrays.copyOf(samples, k), agent = java.util.Arrays.copyOf(fromIntl, k);
        double med = Stats.median(agent);
        sec.row("latched fault (IntL) → gNMI ON_CHANGE update, median", Stats.time(med) + " (p99 "
            + Stats.time(Stats.pct(agent, 99)) + ")", "median ≤ 5 ms", "—", Stats.ratio(med / LATENCY_GOAL_NS) + " goal",
            Report.Verdict.atMost(med, LATENCY_GOAL_NS));
        sec.table(java.util.List.of("to `rx-los = true` at the gNMI client, from", " samples", " median", " p90", " p99", " max"),
            java.util.List.of(
                java.util.List.of("the IntL edge of the latched flag (probe client)", Stats.count(k), Stats.time(med),
                    Stats.time(Stats.pct(agent, 90)), Stats.time(Stats.pct(agent, 99)), Stats.time(Stats.pct(agent, 100))),
                java.util.List.of("`inject` (includes the 0–100 ms physics tick)", Stats.count(k), Stats.time(Stats.median(got)),
                    Stats.time(Stats.pct(got, 90)), Stats.time(Stats.pct(got, 99)), Stats.time(Stats.pct(got, 100)))));
        if (timeouts > 0) sec.finding(timeouts + " samples got no ON_CHANGE update within 2 s");
    }
}
