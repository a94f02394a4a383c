package org.openxpo.bench;

import org.openxpo.driver.access.AccessStatistics;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.transport.I3cTransport;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.protocol.types.DataPathState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.openxpo.bench.Report.Verdict;

/** (3) A full 64-lane snapshot: bus traffic against the least the map allows, and its time on each path. */
final class SnapshotCost {
    private SnapshotCost() {}

    static final double GOAL_RATIO = 1.10;
    /** Issue 19: the snapshot over I3C SDR within this ratio of its bus bound; before: 1.62 ms, 1.20× (5513ae8). */
    static final double I3C_GOAL_RATIO = 1.15;
    static final String I3C_BEFORE = "1.62 ms, 1.20×";

    /** What one path measured: per-snapshot traffic and times. */
    record Path(String name, BusTiming timing, double transfers, double bytes, double clocks, long[] ns) {}

    static void run(Settings st, Report.Section sec) throws Exception {
        SnapshotMinimum.Plan min = SnapshotMinimum.snapshot(), fewest = SnapshotMinimum.fewestTransfers();
        sec.text("""
            **What is measured.** `XpoModuleClient.snapshot()` of one emulated module in ModuleReady with all 64 lanes \
            up: module state, temperature and Vcc, the 64 lanes (state, output status, Tx power, bias, Rx power, \
            active configuration), every latched flag (read and so cleared: the module, 64 lanes and XPO flags) and \
            the XPO power and cooling page. The transport is wrapped in a counter that adds up every transfer the \
            driver makes — transfers, bytes on the wire (each message's address byte plus its data: register bytes \
            written, bytes read) and bus clocks by the `BusTiming` formula — and `RegisterAccess.statistics()` is \
            checked against it. Times are per snapshot, one at a time, after a warm-up (the identity is read once \
            before). Paths: in-process (`InProcessTransport`), the link on loopback with timing off, and the link \
            with the emulator's bus-timing model at 400 kHz, 1 MHz and I3C SDR (`i3c+tcp`: the same reads as I3C \
            private transfers to the dynamic address).
            """);
        sec.text("**The least traffic the map allows** (computed by `SnapshotMinimum` from the declared fields, "
            + "not from the driver). A snapshot must read the module state, interrupt and flag-summary bytes, "
            + "TempMon and Vcc and every latched flag of the lower page; DPState, OutputStatusRx/Tx, OpticalPowerTx, "
            + "LaserBiasTx, OpticalPowerRx, AcsDPConfigLane and every latched lane flag of page 11h in each of 8 banks, "
            + "each followed by the bank's basic VDM samples (page 24h, 128 bytes, no freeze); "
            + "every monitor, LeakDetected, LeakSensorFault, PowerGood, MatingCycles(Rated), MaxPowerXpo and every "
            + "latched flag of page B0h. A random read of n bytes is one transfer of 3 + n bytes (address + register "
            + "byte, repeated START, address + n bytes) and 30 + 9n clocks; ranges of a page closer than 4 bytes are "
            + "joined (reading a gap of g ≤ 3 bytes, 9g clocks, is cheaper than another transfer's 30). Each upper "
            + "page/bank is selected once: 3 bytes (PageSelect alone) or 4 when the bank changes (BankSelect and "
            + "PageSelect in one write, as CMIS 5.3 §8.2.15 requires); 8 banks need at least 7 bank changes.\n\n"
            + Stats.fmt("Least bytes (and least bus time): %d wanted bytes + %d gap bytes + %d reads × 3 bytes of "
                + "overhead + %d selects (%d bytes) = **%d bytes** in %d transfers, %,d clocks.", min.wantedBytes(),
                min.gapBytes(), min.readTransfers(), min.selectTransfers(), min.selectBytes(), min.busBytes(),
                min.transferCount(), min.clocks())
            + "\n\nRead ranges: " + String.join("; ", min.rangesByGroup()) + "."
            + Stats.fmt("\n\nFewest transfers: join every range of a page that no unwanted latched flag separates "
                + "(%d gap bytes read through) = **%d transfers** (%d reads + %d selects), %d bytes. The driver's bytes "
                + "are compared with the least bytes, its transfers with the fewest transfers, and its times with the "
                + "bus time of the least-clocks plan (%,d clocks).", fewest.gapBytes(), fewest.transferCount(),
                fewest.readTransfers(), fewest.selectTransfers(), fewest.busBytes(), min.clocks()));

        List<Path> paths = new ArrayList<>();
        try (EmulatedChassis chassis = Emulators.chassis(1, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            paths.add(measure("in-process", null, new InProcessTransport(chassis.cage(1), null, "embedded"),
                st.snapshotsInProcess(), sec));
            for (BusTiming timing : List.of(BusTiming.OFF, BusTiming.i2c(400_000), BusTiming.i2c(1_000_000),
                    BusTiming.i3cSdr())) {
                boolean i3c = timing.equals(BusTiming.i3cSdr());
                int n = timing == BusTiming.OFF ? st.snapshotsLink() : i3c ? st.snapshotsI3c() : st.snapshotsTimed();
                try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), timing)) {
                    LinkTransport link = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
                    Transport t = i3c ? I3cTransport.assign(link) : link;
                    paths.add(measure((i3c ? "link, I3C SDR" : "link, " + (timing.enabled() ? "I2C " + timing : "timing off")),
                        timing, t, n, sec));
                }
            }
        }

        Path first = paths.getFirst();
        double bytesRatio = first.bytes() / min.busBytes(), transfersRatio = first.transfers() / fewest.transferCount();
        sec.row("snapshot bytes on the bus", Stats.fmt("%.0f B", first.bytes()), "≤ 1.10× minimum",
            min.busBytes() + " B", Stats.ratio(bytesRatio), Verdict.atMost(bytesRatio, GOAL_RATIO));
        sec.row("snapshot transfers", Stats.fmt("%.0f", first.transfers()), "≤ 1.10× minimum",
            String.valueOf(fewest.transferCount()), Stats.ratio(transfersRatio), Verdict.atMost(transfersRatio, GOAL_RATIO));
        for (Path p : paths) {
            if (p.bytes() != first.bytes() || p.transfers() != first.transfers()) {
                sec.finding(Stats.fmt("the %s path made %.1f transfers / %.1f bytes per snapshot, the in-process path "
                    + "%.1f / %.1f", p.name(), p.transfers(), p.bytes(), first.transfers(), first.bytes()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Path p : paths) {
            double med = Stats.median(p.ns());
            String bound = "—", ratio = "—", own = "—", extra = Stats.time(med / p.transfers());
            if (p.timing() != null && p.timing().enabled()) {
                long b = min.nanos(p.timing());
                double ownNs = p.clocks() * 1e9 / p.timing().clockHz();
                bound = Stats.time(b);
                ratio = Stats.ratio(med / b);
                own = Stats.time(ownNs);
                extra = Stats.time((med - ownNs) / p.transfers());
            }
            sec.row("snapshot time, " + p.name(), Stats.time(med) + " (p99 " + Stats.time(Stats.pct(p.ns(), 99)) + ")",
                "—", bound, ratio, Verdict.INFO);
            if (BusTiming.i3cSdr().equals(p.timing())) {
                double r = med / min.nanos(p.timing());
                sec.row("snapshot time, link, I3C SDR (issue 19)", Stats.time(med) + " (before: " + I3C_BEFORE + ")",
                    "≤ " + Stats.ratio(I3C_GOAL_RATIO) + " bound", bound, ratio, Verdict.atMost(r, I3C_GOAL_RATIO));
            }
            rows.add(List.of(p.name(), Stats.count(p.ns().length), Stats.fmt("%.1f", p.transfers()),
                Stats.fmt("%.0f", p.bytes()),
                own, bound, Stats.time(med), Stats.time(Stats.pct(p.ns(), 99)), ratio, extra));
        }
        sec.table(List.of("path", " snapshots", " transfers", " bytes", " driver's bus time", " bound", " median",
            " p99", " median ÷ bound", " per transfer beyond bus time"), rows);
        sec.text("\"Driver's bus time\" is the `BusTiming` formula over the transfers the driver actually made; "
            + "\"bound\" the same formula over the minimum above. With timing on, the emulator holds each transfer "
            + "for its bus time and answers no earlier, so median − driver's bus time is what the rest costs, spread "
            + "over the transfers in the last column. The driver reads a snapshot's pages as one batch of transfers "
            + "(`RegisterAccess.readFields(List)`): one I2C_BATCH request (I3C_BATCH over `i3c+tcp`), one link round "
            + "trip for all 35 transfers (19 without VDM), each still with its own STOP. The emulator's own work overlaps "
            + "the bus time (each transfer runs at its modelled start and its answer is held until the bus time is "
            + "over); what cannot overlap is the round trip and the driver's own work before and after it: planning "
            + "the batch, then decoding the 64 lanes, the flags and the 1,024 VDM samples (most of the in-process "
            + "time). On I3C, where the bus is fast, those are what remains. The driver sorts the VDM layout's "
            + "observables and groups by bank once, when it reads the layout: searching all 1,024 observables for each "
            + "bank on every snapshot took two thirds of its CPU (an in-process snapshot took 134 µs, now 46 µs, both "
            + "on a loaded machine) and put the I3C snapshot at 1.20× its bound. "
            + "On the emulator's side, the batch's answer used to be handed to the event loop, whose wake-up came "
            + "after the bus time (the answer left a median 17–60 µs late on a loaded machine, p90 0.1–3 ms); the "
            + "worker, awake at that moment and with nothing else of the connection to do, now writes it itself "
            + "(1–2 µs late). What remains above the bus time is the round trip — the server's event loop waking for "
            + "the request, the client's event loop and then the calling thread waking for the answer — and the "
            + "driver's planning before it and decoding after it, about as much again: the link's and the driver's "
            + "costs, not the bus model's. The driver makes the fewest transfers the map allows (35), 9 bytes over the "
            + "least bytes, so its own bus time is 0.7 % over the bound.");
    }

    private static Path measure(String name, BusTiming timing, Transport inner, int n, Report.Section sec) {
        RecordingTransport rec = new RecordingTransport(inner);
        try (XpoModuleClient client = new XpoModuleClient(rec)) {
            client.identity();
            int warm = Math.max(3, Math.min(n / 4, 2_000));
            for (int i = 0; i < warm; i++) check(client.snapshot());
            RecordingTransport.Counts before = rec.counts();
            AccessStatistics a0 = client.access().statistics();
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                ModuleSnapshot s = client.snapshot();
                ns[i] = System.nanoTime() - t;
                if (i == 0) check(s);
            }
            RecordingTransport.Counts d = rec.counts().minus(before);
            AccessStatistics a1 = client.access().statistics();
            if (a1.transfers() - a0.transfers() != d.transfers() || a1.busBytes() - a0.busBytes() != d.bytes()) {
                sec.finding(name + ": RegisterAccess.statistics() counted " + (a1.transfers() - a0.transfers())
                    + " transfers / " + (a1.busBytes() - a0.busBytes()) + " bytes, the transport saw " + d.transfers()
                    + " / " + d.bytes());
            }
            return new Path(name, timing, d.transfers() / (double) n, d.bytes() / (double) n, d.clocks() / (double) n, ns);
        } finally {
            inner.close();
        }
    }

    private static void check(ModuleSnapshot s) {
        if (s.lanes().size() != 64 || s.lanesIn(DataPathState.ACTIVATED) != 64 || s.power() == null || s.cooling() == null) {
            throw new IllegalStateException("snapshot is not of a ready 64-lane module: " + s.moduleStateName() + ", "
                + s.lanesIn(DataPathState.ACTIVATED) + " lanes active");
        }
    }

}
