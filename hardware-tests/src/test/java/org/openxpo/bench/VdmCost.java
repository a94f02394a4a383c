package org.openxpo.bench;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.vdm.VdmReader;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.openxpo.bench.Report.Verdict;

/** (vdm) A 64-lane VDM read with its freeze: traffic against the least the map allows, and its time on each path. */
final class VdmCost {
    private VdmCost() {}

    static final double GOAL_RATIO = 1.10;

    record Path(String name, BusTiming timing, double transfers, double bytes, double clocks, long[] ns) {}

    static void run(Settings st, Report.Section sec) throws Exception {
        VdmMinimum.Plan min = VdmMinimum.read();
        sec.text("""
            **What is measured.** `VdmReader.read()` of one emulated module in ModuleReady with all 64 lanes up: \
            freeze (2Fh:144.7 read-modify-written, FreezeDone awaited), the sample pages of both VDM groups in all 8 \
            banks as one batch (the 64 lanes × 8 basic and 8 statistic observables of the XPO layout), release \
            (UnfreezeDone awaited). The layout (descriptors) is read once before, as the driver keeps it. The \
            transport is wrapped in the counter the snapshot benchmark uses (transfers, bytes on the wire, bus \
            clocks by the `BusTiming` formula). Paths: in-process, the link on loopback with timing off, and the \
            link with the bus-timing model at 400 kHz and 1 MHz.
            """);
        sec.text(Stats.fmt("**The least traffic** (`VdmMinimum`, from the declared map and `VdmLayout.XPO`), for a "
            + "read in a series (the previous one left 2Fh bank 0 selected): read 144–145, write 144, read 145 "
            + "(FreezeDone); 16 sample pages × 128 bytes (%d bytes), "
            + "each after a select (7 bank changes); select 2Fh bank 0, write 144, read 145 (UnfreezeDone) = "
            + "**%d transfers, %d bytes**, %,d clocks. The module's own time to set the done bits (≤ tVDMF = 10 ms) is "
            + "not bus time; the driver looks first after tVDMF, so a module that keeps CMIS's time costs one read "
            + "per done bit.", min.sampleBytes(), min.transferCount(), min.busBytes(), min.clocks()));

        List<Path> paths = new ArrayList<>();
        try (EmulatedChassis chassis = Emulators.chassis(1, true)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            paths.add(measure("in-process", null, new InProcessTransport(chassis.cage(1), null, "embedded"),
                st.snapshotsLink()));
            for (BusTiming timing : List.of(BusTiming.OFF, BusTiming.i2c(400_000), BusTiming.i2c(1_000_000))) {
                int n = timing == BusTiming.OFF ? st.snapshotsLink() / 4 : st.snapshotsTimed();
                try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), timing)) {
                    Transport t = LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
                    paths.add(measure("link, " + (timing.enabled() ? "I2C " + timing : "timing off"), timing, t, n));
                }
            }
        }
        Path first = paths.getFirst();
        double bytesRatio = first.bytes() / min.busBytes(), transfersRatio = first.transfers() / min.transferCount();
        sec.row("VDM read bytes on the bus", Stats.fmt("%.0f B", first.bytes()), "≤ 1.10× minimum",
            min.busBytes() + " B", Stats.ratio(bytesRatio), Verdict.atMost(bytesRatio, GOAL_RATIO));
        sec.row("VDM read transfers", Stats.fmt("%.1f", first.transfers()), "≤ 1.10× minimum",
            String.valueOf(min.transferCount()), Stats.ratio(transfersRatio), Verdict.atMost(transfersRatio, GOAL_RATIO));
        List<List<String>> rows = new ArrayList<>();
        for (Path p : paths) {
            double med = Stats.median(p.ns());
            String bound = "—", ratio = "—";
            if (p.timing() != null && p.timing().enabled()) {
                long b = min.nanos(p.timing());
                bound = Stats.time(b);
                ratio = Stats.ratio(med / b);
            }
            sec.row("VDM read time, " + p.name(), Stats.time(med) + " (p99 " + Stats.time(Stats.pct(p.ns(), 99)) + ")",
                "—", bound, ratio, Verdict.INFO);
            rows.add(List.of(p.name(), Stats.count(p.ns().length), Stats.fmt("%.1f", p.transfers()),
                Stats.fmt("%.0f", p.bytes()), bound, Stats.time(med), Stats.time(Stats.pct(p.ns(), 99)), ratio));
        }
        sec.table(List.of("path", " reads", " transfers", " bytes", " bound", " median", " p99", " median ÷ bound"), rows);
        sec.text("\"Bound\" is the `BusTiming` formula over the least traffic above. Above the bus time come the "
            + "module's time to set FreezeDone and UnfreezeDone (the driver waits tVDMF = 10 ms before each first "
            + "look: 20 ms of every read) and the link's round trips: the freeze and release are "
            + "each a write and a poll that cannot share a round trip with the sample reads, which go as one batch.");
    }

    private static Path measure(String name, BusTiming timing, Transport inner, int n) {
        RecordingTransport rec = new RecordingTransport(inner);
        try (RegisterAccess access = new RegisterAccess(rec)) {
            VdmReader reader = new VdmReader(access);
            reader.layout();
            int warm = Math.max(3, Math.min(n / 4, 500));
            for (int i = 0; i < warm; i++) check(reader.read());
            RecordingTransport.Counts before = rec.counts();
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                VdmReading r = reader.read();
                ns[i] = System.nanoTime() - t;
                if (i == 0) check(r);
            }
            RecordingTransport.Counts d = rec.counts().minus(before);
            return new Path(name, timing, d.transfers() / (double) n, d.bytes() / (double) n, d.clocks() / (double) n, ns);
        } finally {
            inner.close();
        }
    }

    private static void check(VdmReading r) {
        if (r.statistics() != VdmReading.Statistics.FROZEN || r.samples().size() != 64 * 16) {
            throw new IllegalStateException("VDM read is not a frozen 64-lane read: " + r.statistics() + ", "
                + r.samples().size() + " samples, " + r.problem());
        }
    }
}
