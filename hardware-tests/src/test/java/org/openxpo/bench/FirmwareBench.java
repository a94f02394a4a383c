package org.openxpo.bench;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.firmware.FirmwareFeatures;
import org.openxpo.driver.firmware.FirmwareInfo;
import org.openxpo.driver.firmware.FirmwareUpdater.UpdateOptions;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.CdbTimes;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.TransferMechanism;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.map.CdbPages;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.openxpo.bench.Report.Verdict;

/** (5) Firmware update of a 1 MiB image at an emulated 1 MHz bus: EPL against LPL, against the bus bound. */
final class FirmwareBench {
    private FirmwareBench() {}

    static final int ADDRESS = ManagementInterface.I2C_ADDRESS;
    /** The CDB page, the first EPL page, CdbStatus1 and the header length (128–135), from the declared map. */
    static final int CDB_PAGE = CdbPages.CDB_COMMAND_ID.page(), EPL_FIRST_PAGE = Pages.CDB_EPL_FIRST,
        STATUS_BYTE = LowerPage.CDB_STATUS1.offset(),
        CDB_HEADER = CdbPages.CDB_LOCAL_PAYLOAD.offset() - CdbPages.CDB_COMMAND_ID.offset();
    static final int START_PAYLOAD = FirmwareImageFormat.HEADER_SIZE, EPL_BLOCK = 2048;
    static final double GOAL_RATIO = 1.25;
    /** Write limits on the CDB pages: the profile's module (ReadWriteLengthExt 15) and one advertising 0. */
    static final int CDB_PAGE_ACCESS = ManagementInterface.cdbWriteLimit(15), SMALL_ACCESS = ManagementInterface.cdbWriteLimit(0);
    static final BusTiming ONE_MHZ = BusTiming.i2c(1_000_000);
    /** What the emulated module takes per EPL block command, from trigger to result (docs/firmware.md). */
    static final double MODULE_EPL_BLOCK_NS = CdbTimes.eplBlockMicros() * 1e3;
    /** Issue 19: an EPL update takes at most this much more than the bus and the module's own time together. */
    static final double MODULE_GOAL_RATIO = 1.10;
    /** The quick commands of an update besides the download and Commit: features, Run, firmware info twice. */
    static final int QUICK_COMMANDS = 4;
    /** An EPL update before issue 19's changes (quiet machine, docs/benchmarks.md at 5513ae8). */
    static final String EPL_BEFORE = "11.3 s";

    /** The emulated module's own time in the download (Start, the blocks, Complete), by its model ({@code CdbTimes}). */
    static long moduleDownloadNanos(int blocks) {
        long captureAndCheck = CdbTimes.CAPTURE_US + CdbTimes.CHECK_US;
        return 1_000L * (captureAndCheck + CdbTimes.START_US + blocks * CdbTimes.eplBlockMicros()
            + captureAndCheck + CdbTimes.COMPLETE_US);
    }

    /** One quick command (features, Run, firmware info) from trigger to result. */
    static long quickCommandNanos() { return 1_000L * (CdbTimes.CAPTURE_US + CdbTimes.CHECK_US + CdbTimes.QUICK_US); }

    /**
     * The module's own time after the download: Run, MgmtInit after its reset (the profile's realistic timing), firmware
     * info before and after Commit, Commit; not DelayToReset, which is the host's choice.
     */
    static long moduleAfterDownloadNanos() {
        return (QUICK_COMMANDS - 1) * quickCommandNanos() + ModuleConfig.Timing.defaults().mgmtInit().toNanos()
            + 1_000L * (CdbTimes.CAPTURE_US + CdbTimes.CHECK_US + CdbTimes.COMMIT_US);
    }

    /** The module's own time in a whole EPL update as {@code FirmwareUpdater.update} runs it (features first). */
    static long moduleNanos(int blocks) {
        return quickCommandNanos() + moduleDownloadNanos(blocks) + moduleAfterDownloadNanos();
    }

    /** One update: times of its phases (ns) and the driver's traffic. */
    record Run(String mechanism, long total, long download, long afterDownload, RecordingTransport.Counts traffic,
               String version) {}

    static void run(Settings st, Report.Section sec) throws Exception {
        int size = st.firmwareImageBytes(), lplSize = st.firmwareLplBytes();
        sec.text(Stats.fmt("""
            **What is measured.** `FirmwareUpdater.update(image, UpdateOptions.DEFAULT.withEpl(…), progress)` of a \
            %s image (`FirmwareImageFormat.pack` of a sample payload; its %d-byte header travels in the Start command) \
            on one emulated module with the profile's realistic timing, over the link with the bus-timing model at \
            **1 MHz** (every transfer holds the bus for its clocks and is answered no earlier). The whole update is \
            timed — features query, Start, every block, Complete, Run (reset into the new image, wait for the module), \
            verify, Commit — and the download (Start through Complete) on its own. First with EPL (2 KiB blocks \
            written to pages A0h–AFh, command 0104h), then with LPL (0103h, 116-byte blocks in the CDB page itself)%s. \
            The emulated module takes %s to capture and %s to check each command, then %s per EPL block or %s per \
            LPL block (`CdbTimes`, docs/firmware.md). The driver sends each block — the 16 EPL page selects and writes, \
            the select of 9Fh, the CDB header and the trigger — as one batch of transfers (`RegisterAccess.write(List)`, \
            one I2C_BATCH request over the link), then reads CdbStatus1 (00h:37): first at 3/4 of the shortest time \
            after which a read found a block done (after 50 µs for the first block), then every 50 µs while the command may be ending, \
            backing off to 1 ms after that. Run asks for a reset %s after its result (DelayToReset).
            """, size == Settings.MIB ? "1 MiB" : Stats.count(size) + "-byte", START_PAYLOAD,
            lplSize == size ? "" : Stats.fmt(" — in quick mode LPL updates a %d KiB image and its download time is "
                + "scaled to 1 MiB by the number of blocks (`--full` measures 1 MiB)", lplSize / 1024),
            micros(CdbTimes.CAPTURE_US), micros(CdbTimes.CHECK_US), micros(CdbTimes.WRITE_EPL_US),
            micros(CdbTimes.WRITE_LPL_US), Stats.time(UpdateOptions.DEFAULT.delayToReset().toNanos())));
        sec.text("""
            **Bus bound for the bytes moved** (the `BusTiming` formula over the least traffic a host can move the \
            image with): Start with the 64-byte header in its LPL; per EPL block, for each 128-byte EPL page a \
            PageSelect write (3 bytes) and a write of the register byte plus the data, then a PageSelect back to 9Fh, \
            one write of the CDB header with the block address (9Fh:128–139, which triggers the command) and one read \
            of CdbStatus1; per LPL block one write of 9Fh:128–255 (header, address, 116 bytes) and one status read; \
            Complete and its status read. Nothing else — no polling beyond one read per command, no reply reads, no \
            features query, Run or Commit — and no time for the module to process a command.
            """);
        sec.text(Stats.fmt("""
            **Bus + module bound** (issue 19's yardstick): the bus bound plus the time the emulated module itself \
            takes by its model, which no host can save: %s to capture and check every command, Start %s, %s per EPL \
            block, Complete %s, Commit %s, %s for each of the %d quick commands (features, Run, firmware info before \
            and after Commit), and MgmtInit (%s, the profile's realistic timing) after Run's reset — %s for 1 MiB \
            in EPL blocks. The rest is the host's: link round trips, status polls past a command's end, the \
            DelayToReset it asks for, the bus time of the commands the bus bound leaves out.
            """, micros(CdbTimes.CAPTURE_US + CdbTimes.CHECK_US), micros(CdbTimes.START_US),
            micros(CdbTimes.WRITE_EPL_US), micros(CdbTimes.COMPLETE_US), micros(CdbTimes.COMMIT_US),
            micros(CdbTimes.QUICK_US), QUICK_COMMANDS, Stats.time(ModuleConfig.Timing.defaults().mgmtInit().toNanos()),
            Stats.time(moduleNanos(blocks(size, EPL_BLOCK)))));
        byte[] eplImage = FirmwareImageFormat.pack(2, 0, 1, FirmwareImageFormat.samplePayload(size - START_PAYLOAD, 2));
        byte[] lplImage = FirmwareImageFormat.pack(3, 0, 1, FirmwareImageFormat.samplePayload(lplSize - START_PAYLOAD, 3));
        Run epl, lplMeasured;
        FirmwareFeatures features;
        long[] rtt;
        try (EmulatedChassis chassis = Emulators.chassis(1, false)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), ONE_MHZ)) {
                RecordingTransport rec = new RecordingTransport(
                    LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT));
                try (RegisterAccess access = new RegisterAccess(rec)) {
                    FirmwareUpdater updater = new FirmwareUpdater(access);
                    features = updater.features();
                    // what one small transfer costs beyond its bus time: a status read, timed alone
                    rtt = new long[300];
                    long statusBus = ONE_MHZ.transferNanos(status());
                    for (int i = 0; i < 50; i++) access.read(Pages.LOWER_MEMORY, 0, STATUS_BYTE, 1);
                    for (int i = 0; i < rtt.length; i++) {
                        long t = System.nanoTime();
                        access.read(Pages.LOWER_MEMORY, 0, STATUS_BYTE, 1);
                        rtt[i] = System.nanoTime() - t - statusBus;
                    }
                    epl = update(updater, rec, eplImage, true);
                    System.out.println("  EPL update: " + Stats.time(epl.total()));
                    lplMeasured = update(updater, rec, lplImage, false);
                    System.out.println("  LPL update (" + lplSize / 1024 + " KiB): " + Stats.time(lplMeasured.total()));
                } finally {
                    rec.close();
                }
            }
        }
        // modules that advertise less: 8-byte CDB accesses (the updater still takes EPL, in 8-byte writes), and LPL only
        // (the updater falls back to LPL by itself); measured on the smaller image, scaled like LPL
        byte[] smallImage = FirmwareImageFormat.pack(4, 0, 1, FirmwareImageFormat.samplePayload(lplSize - START_PAYLOAD, 4));
        Run ext0 = scale(updateOn(b -> b.cdbReadWriteLengthExt(0), smallImage, "EPL, module with 8-byte CDB accesses"),
            lplSize, size, EPL_BLOCK);
        System.out.println("  EPL update, 8-byte CDB accesses: " + Stats.time(ext0.total()));
        Run lplOnly = scale(updateOn(b -> b.cdbWriteMechanism(TransferMechanism.LPL_ONLY), smallImage,
            "LPL, module without EPL (the updater's choice)"), lplSize, size, features.lplBlockSize());
        System.out.println("  update of an LPL-only module: " + Stats.time(lplOnly.total()));
        Run lpl = scale(lplMeasured, lplSize, size, features.lplBlockSize());
        long eplBound = nanos(plan(size, true, features.lplBlockSize(), CDB_PAGE_ACCESS), ONE_MHZ);
        long lplBound = nanos(plan(size, false, features.lplBlockSize(), CDB_PAGE_ACCESS), ONE_MHZ);
        long ext0Bound = nanos(plan(size, true, features.lplBlockSize(), SMALL_ACCESS), ONE_MHZ);
        double eplRatio = epl.total() / (double) eplBound, lplRatio = lpl.total() / (double) lplBound;
        String lplNote = lplSize == size ? "" : " (est.)";
        sec.row("firmware update 1 MiB at 1 MHz, EPL, total", Stats.time(epl.total()), "≤ 1.25× bound",
            Stats.time(eplBound), Stats.ratio(eplRatio), Verdict.atMost(eplRatio, GOAL_RATIO));
        sec.row("firmware update 1 MiB at 1 MHz, LPL, total" + lplNote, Stats.time(lpl.total()), "—", Stats.time(lplBound),
            Stats.ratio(lplRatio), Verdict.INFO);
        // the host's own share: against the bus bound plus what the module itself takes, which no host can save
        long eplFloor = eplBound + moduleNanos(blocks(size, EPL_BLOCK));
        double floorRatio = epl.total() / (double) eplFloor;
        sec.row("firmware update 1 MiB at 1 MHz, EPL, total against bus + module time (issue 19)",
            Stats.time(epl.total()) + " (before: " + EPL_BEFORE + ")", "≤ " + Stats.ratio(MODULE_GOAL_RATIO),
            Stats.time(eplFloor), Stats.ratio(floorRatio), Verdict.atMost(floorRatio, MODULE_GOAL_RATIO));
        sec.row("firmware update 1 MiB at 1 MHz, EPL in 8-byte CDB accesses, total" + lplNote, Stats.time(ext0.total()),
            "—", Stats.time(ext0Bound), Stats.ratio(ext0.total() / (double) ext0Bound), Verdict.INFO);
        sec.row("firmware update 1 MiB at 1 MHz, LPL-only module, total" + lplNote, Stats.time(lplOnly.total()), "—",
            Stats.time(lplBound), Stats.ratio(lplOnly.total() / (double) lplBound), Verdict.INFO);
        sec.row("firmware update EPL speed-up over LPL" + lplNote, Stats.ratio(lpl.total() / (double) epl.total()), "—",
            Stats.ratio(lplBound / (double) eplBound) + " (bounds)", "—", Verdict.INFO);

        List<List<String>> rows = new ArrayList<>();
        for (Run r : List.of(epl, lpl, ext0, lplOnly)) {
            long bound = r == epl ? eplBound : r == ext0 ? ext0Bound : lplBound;
            rows.add(List.of(r.mechanism(), Stats.time(r.total()), Stats.time(r.download()), Stats.time(r.afterDownload()),
                Stats.count(r.traffic().requests()), Stats.count(r.traffic().transfers()), Stats.count(r.traffic().bytes()),
                Stats.time(r.traffic().clocks() * 1e9 / ONE_MHZ.clockHz()), Stats.time(bound),
                Stats.ratio(r.download() / (double) bound), Stats.ratio(r.total() / (double) bound)));
        }
        sec.table(List.of("mechanism", " total", " download (Start…Complete)", " Run, verify, Commit", " requests", " transfers",
            " bytes on the bus", " driver's bus time", " bound", " download ÷ bound", " total ÷ bound"), rows);
        sec.text(Stats.fmt("Every update ended with the new image running and committed (%s, then %s). The last two rows "
            + "are modules that advertise less than the profile (`ModuleConfig.cdbReadWriteLengthExt(0)`: every write "
            + "to 9Fh and A0h–AFh at most 8 bytes, so a 2 KiB EPL block takes 256 writes; `cdbWriteMechanism(LPL_ONLY)`: "
            + "no EPL pages, so the updater sends LPL blocks), each on a fresh module. \"Driver's bus time\" is the "
            + "formula over every transfer the driver made (its status polls and reply reads included); the rest of the "
            + "time the bus was idle.%s", epl.version(), lpl.version(), lplSize == size ? ""
            : Stats.fmt(" LPL measured: %s in all, download %s for %d KiB; scaled ×%.2f.", Stats.time(lplMeasured.total()),
                Stats.time(lplMeasured.download()), lplSize / 1024, blocks(size, features.lplBlockSize())
                    / (double) blocks(lplSize, features.lplBlockSize()))));

        // where the EPL download's time goes
        int eplBlocks = blocks(size, EPL_BLOCK);
        double busNs = epl.traffic().clocks() * 1e9 / ONE_MHZ.clockHz();
        double moduleNs = moduleDownloadNanos(eplBlocks);
        double rest = epl.download() - busNs - moduleNs;
        double requestsPerBlock = epl.traffic().requests() / (double) eplBlocks;
        double perRequest = rest / epl.traffic().requests();
        sec.text("**Where the EPL download's time goes** (" + Stats.count(eplBlocks) + " blocks of 2 KiB):");
        sec.table(List.of("part", " per block", " whole download", " share"), List.of(
            List.of("bus time of the driver's transfers (formula)", Stats.time(busNs / eplBlocks), Stats.time(busNs),
                pct(busNs, epl.download())),
            List.of("the module processing each command (capture, check, write; Start's and Complete's share spread "
                    + "over the blocks), which the host waits out",
                Stats.time(moduleNs / eplBlocks), Stats.time(moduleNs), pct(moduleNs, epl.download())),
            List.of(Stats.fmt("the rest: %.1f requests a block (the block's batch, the status polls), each a link round "
                    + "trip, and the polls overshooting the command's end — %s per request", requestsPerBlock,
                    Stats.time(perRequest)), Stats.time(rest / eplBlocks), Stats.time(rest), pct(rest, epl.download()))));
        sec.text(Stats.fmt("For comparison, a status read timed alone on the idle link before the updates waited %s "
            + "beyond its 39 µs of bus time (median of %d). Before the batch (one request per transfer) a block took "
            + "about 39 requests.", Stats.time(Stats.median(rtt)), rtt.length));
        long afterModule = moduleAfterDownloadNanos();
        long delayToReset = UpdateOptions.DEFAULT.delayToReset().toNanos();
        sec.text(Stats.fmt("**Run, verify, Commit** (%s): the module's own time is %s (MgmtInit after the reset, Run, "
            + "Commit and the quick commands), DelayToReset the driver asks for %s, and the rest, %s, is the host's "
            + "polls (the reset every 2 ms, the module coming back every 5 ms) and round trips.",
            Stats.time(epl.afterDownload()), Stats.time(afterModule), Stats.time(delayToReset),
            Stats.time(epl.afterDownload() - afterModule - delayToReset)));

        // context: the bound of the same image at other bus speeds, and hosts that wait instead of polling
        List<List<String>> ctx = new ArrayList<>();
        for (BusTiming t : List.of(BusTiming.i2c(100_000), BusTiming.i2c(400_000), ONE_MHZ)) {
            ctx.add(List.of("bus bound at I2C " + t, Stats.time(nanos(plan(size, true, features.lplBlockSize(), CDB_PAGE_ACCESS), t)),
                Stats.time(nanos(plan(size, false, features.lplBlockSize(), CDB_PAGE_ACCESS), t))));
        }
        int lplBlocks = blocks(size, features.lplBlockSize());
        ctx.add(List.of("waiting the advertised MaxDurationWrite (" + features.maxWrite().toMillis()
                + " ms) per block instead of polling (bus time not included)",
            Stats.time(eplBlocks * features.maxWrite().toNanos()), Stats.time(lplBlocks * features.maxWrite().toNanos())));
        ctx.add(List.of("measured here at 1 MHz (whole update)", Stats.time(epl.total()), Stats.time(lpl.total()) + lplNote));
        sec.text("**In context.** SONiC users report about 9 minutes to update one module's firmware. The bus is not what "
            + "takes that long: the bound of a 1 MiB image (below, same formula) is seconds at 1 MHz and under two "
            + "minutes even with LPL at 100 kHz. Minutes come from per-block waiting — a host that sleeps a fixed "
            + "interval or the advertised worst case per block instead of polling the status, a module that takes tens "
            + "of ms per block — multiplied by LPL's block count (" + Stats.count(lplBlocks) + " blocks of "
            + features.lplBlockSize() + " bytes against " + eplBlocks + " EPL blocks of 2 KiB for 1 MiB).");
        sec.table(List.of("1 MiB image", " with EPL", " with LPL"), ctx);
        if (eplRatio > GOAL_RATIO) {
            sec.finding(Stats.fmt("EPL update %s is %s the 1 MHz bus bound (goal ≤ 1.25×). Of the download, the bus "
                    + "takes %s, the module's %s a block %s, and %.1f link requests a block with the poll overshoot %s "
                    + "(%s per request); Run, the wait for the module, verify and Commit add %s. A loaded machine "
                    + "lengthens the requests: re-run on a quiet one before looking for a cause.",
                Stats.time(epl.total()), Stats.ratio(eplRatio), pct(busNs, epl.download()),
                Stats.time(MODULE_EPL_BLOCK_NS), pct(moduleNs, epl.download()), requestsPerBlock,
                pct(rest, epl.download()), Stats.time(perRequest), Stats.time(epl.afterDownload())));
        }
    }

    private static String micros(long us) { return Stats.time(us * 1e3); }

    private static String pct(double part, double whole) { return Stats.fmt("%.0f %%", 100 * part / whole); }

    private static int blocks(int imageSize, int block) { return Math.ceilDiv(imageSize - START_PAYLOAD, block); }

    /** {@code r} measured on a {@code measured}-byte image, its download scaled by block count to {@code target}. */
    private static Run scale(Run r, int measured, int target, int block) {
        if (measured == target) return r;
        double f = blocks(target, block) / (double) blocks(measured, block);
        long download = Math.round(r.download() * f);
        RecordingTransport.Counts t = r.traffic();
        return new Run(r.mechanism(), download + r.afterDownload(), download, r.afterDownload(),
            new RecordingTransport.Counts(Math.round(t.requests() * f), Math.round(t.transfers() * f),
                Math.round(t.bytes() * f), Math.round(t.clocks() * f)),
            r.version());
    }

    /** One update of {@code image} on a fresh module configured by {@code module}, over the link at 1 MHz. */
    private static Run updateOn(UnaryOperator<ModuleConfig.Builder> module, byte[] image, String label) throws Exception {
        try (EmulatedChassis chassis = Emulators.chassis(1, false, module)) {
            Emulators.awaitReady(chassis, Duration.ofSeconds(10));
            try (LinkServer server = LinkServer.start(chassis, LinkFigures.loopback(), ONE_MHZ)) {
                RecordingTransport rec = new RecordingTransport(
                    LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT));
                try (RegisterAccess access = new RegisterAccess(rec)) {
                    Run r = update(new FirmwareUpdater(access), rec, image, true);
                    return new Run(label, r.total(), r.download(), r.afterDownload(), r.traffic(), r.version());
                } finally {
                    rec.close();
                }
            }
        }
    }

    private static Run update(FirmwareUpdater updater, RecordingTransport rec, byte[] image, boolean epl) {
        Map<String, Long> first = new HashMap<>();
        RecordingTransport.Counts before = rec.counts();
        long t0 = System.nanoTime();
        FirmwareInfo info = updater.update(image, UpdateOptions.DEFAULT.withEpl(epl),
            p -> first.putIfAbsent(p.phase(), System.nanoTime()));
        long end = System.nanoTime();
        RecordingTransport.Counts traffic = rec.counts().minus(before);
        String want = FirmwareImageFormat.header(image).version();
        if (!info.running().version().equals(want) || !info.running().committed()) {
            throw new IllegalStateException("after the update the module runs " + info.running().version()
                + (info.running().committed() ? "" : " (uncommitted)") + ", not " + want);
        }
        long download = first.get("run") - first.get("start");
        return new Run(epl ? "EPL (0104h, 2 KiB blocks)" : "LPL (0103h, 116-byte blocks)", end - t0, download,
            end - first.get("run"), traffic, want);
    }

    /**
     * The least traffic that moves an image of {@code size} bytes (see the section text), every write to a CDB page cut
     * at {@code access} bytes (the module's 8·(1+ReadWriteLengthExt)).
     */
    static List<List<I2cMessage>> plan(int size, boolean epl, int lplBlock, int access) {
        List<List<I2cMessage>> t = new ArrayList<>();
        t.add(select(CDB_PAGE));
        t.addAll(writes(CDB_HEADER + 8 + START_PAYLOAD, access));    // Start: ImageSize, reserved, the header
        t.add(status());
        int payload = size - START_PAYLOAD;
        if (epl) {
            for (int off = 0; off < payload; off += EPL_BLOCK) {
                int n = Math.min(EPL_BLOCK, payload - off);
                for (int k = 0; k * 128 < n; k++) {
                    t.add(select(EPL_FIRST_PAGE + k));
                    t.addAll(writes(Math.min(128, n - k * 128), access));
                }
                t.add(select(CDB_PAGE));
                t.addAll(writes(CDB_HEADER + 4, access));                // the block address
                t.add(status());
            }
        } else {
            for (int off = 0; off < payload; off += lplBlock) {
                t.addAll(writes(CDB_HEADER + 4 + Math.min(lplBlock, payload - off), access));
                t.add(status());
            }
        }
        t.addAll(writes(CDB_HEADER, access));                            // Complete
        t.add(status());
        return t;
    }

    private static List<I2cMessage> select(int page) {
        return List.of(I2cMessage.write(ADDRESS, (byte) SnapshotMinimum.PAGE_SELECT, (byte) page));
    }

    /** {@code n} bytes written to a CDB page in writes of at most {@code access} bytes, each register byte first. */
    private static List<List<I2cMessage>> writes(int n, int access) {
        List<List<I2cMessage>> out = new ArrayList<>();
        for (int done = 0; done < n; done += access) {
            out.add(List.of(I2cMessage.write(ADDRESS, new byte[1 + Math.min(access, n - done)])));
        }
        return out;
    }

    private static List<I2cMessage> status() {
        return List.of(I2cMessage.write(ADDRESS, (byte) STATUS_BYTE), I2cMessage.read(ADDRESS, 1));
    }

    static long nanos(List<List<I2cMessage>> plan, BusTiming t) {
        return plan.stream().mapToLong(t::transferNanos).sum();
    }
}
