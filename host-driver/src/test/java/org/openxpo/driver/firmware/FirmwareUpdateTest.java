package org.openxpo.driver.firmware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.time.Poll;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.clock.VirtualHostClock;
import org.openxpo.emulator.module.CdbTimes;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.NoPayload;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.CdbStatus;
import org.openxpo.protocol.types.ModuleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Firmware updates against emulated modules. The driver and the modules run in virtual time (the driver's waits move
 * the emulator's clock on), except where real concurrency is the point: four updates in parallel, and the link.
 */
class FirmwareUpdateTest {
    EmulatedChassis chassis;
    VirtualClock virtual;
    HostClock clock;

    @BeforeEach
    void start() {
        startVirtual(ModuleConfig.builder().timing(ModuleConfig.Timing.fast()));
    }

    /** Four cages of modules built by {@code config} on a virtual clock, all booted. */
    void startVirtual(ModuleConfig.Builder config) {
        virtual = new VirtualClock();
        clock = new VirtualHostClock(virtual, Instant.now());
        chassis = new EmulatedChassis(4, virtual, i -> config.seed(i).build());
        for (int c = 1; c <= 4; c++) {
            var m = chassis.cage(c).module();
            Poll.until("cage " + c + " ready", () -> m.moduleState() == ModuleState.READY).within(Duration.ofSeconds(5))
                .await(clock);
        }
    }

    /** Replaces the virtual chassis by one on wall-clock time, for tests that need real concurrency. */
    void startOnWallClock() {
        chassis.close();
        chassis = new EmulatedChassis(4, EmulatorClock.system(),
            i -> ModuleConfig.builder().seed(i).timing(ModuleConfig.Timing.fast()).build());
        clock = HostClock.system();
        for (int c = 1; c <= 4; c++) {
            var m = chassis.cage(c).module();
            await().atMost(Duration.ofSeconds(5)).until(() -> m.moduleState() == ModuleState.READY);
        }
    }

    @AfterEach
    void stop() { chassis.close(); }

    /** The access layer on the test's clock: its NACK retries back off in the same (virtual) time as the module. */
    RegisterAccess access(int cage) {
        return new RegisterAccess(new InProcessTransport(chassis.cage(cage), null, "cage " + cage),
            RegisterAccess.RetryPolicy.DEFAULT, clock);
    }

    FirmwareUpdater updater(int cage) { return new FirmwareUpdater(access(cage), clock); }

    static byte[] image(int major, int minor, int size) {
        return FirmwareImageFormat.pack(major, minor, 3, FirmwareImageFormat.samplePayload(size, major));
    }

    @Test
    void eplUpdateRunsVerifiesAndCommits() {
        List<FirmwareUpdater.Progress> seen = new ArrayList<>();
        FirmwareInfo info = updater(1).update(image(2, 4, 20_000), FirmwareUpdater.UpdateOptions.DEFAULT, seen::add);
        assertEquals("2.4", info.running().version());
        assertTrue(info.running().committed());
        assertEquals("1.0", info.inactive().version(), "the old image stays as the fallback");
        assertEquals("write", seen.get(2).phase());
        assertTrue(seen.stream().anyMatch(p -> p.phase().equals("commit")));
        FirmwareUpdater.Progress lastWrite = seen.stream().filter(p -> p.phase().equals("write")).reduce((a, b) -> b).orElseThrow();
        assertEquals(lastWrite.total(), lastWrite.done());
    }

    /** The virtual time from the start of the download to Run, for an update of {@code image} on {@code cage}. */
    long downloadNanos(int cage, byte[] image) {
        java.util.Map<String, Long> phaseStarts = new java.util.HashMap<>();
        FirmwareInfo info = updater(cage).update(image, FirmwareUpdater.UpdateOptions.DEFAULT,
            p -> phaseStarts.putIfAbsent(p.phase(), virtual.nanos()));
        assertEquals(FirmwareImageFormat.header(image).version(), info.running().version());
        return phaseStarts.get("run") - phaseStarts.get("start");
    }

    @Test
    void aWholeUpdateRunsInVirtualTimeWithinTheModulesAdvertisedDurations() {
        FirmwareFeatures f = updater(1).features();
        byte[] img = image(2, 5, 20_000);
        int blocks = (img.length - f.startPayloadSize() + 2047) / 2048;
        long virtualBefore = virtual.nanos();
        long download = downloadNanos(1, img);
        long advertised = f.maxStart().plus(f.maxWrite().multipliedBy(blocks)).plus(f.maxComplete()).toNanos();
        long modulesOwn = Duration.ofNanos(1000 * (CdbTimes.START_US + blocks * CdbTimes.eplBlockMicros()
            + CdbTimes.COMPLETE_US)).toNanos();
        assertTrue(download >= modulesOwn, "no faster than the module works: " + download + " ns");
        assertTrue(download <= advertised, "within what 0041h advertises: " + download + " > " + advertised + " ns");
        assertTrue(virtual.nanos() - virtualBefore >= FirmwareUpdater.UpdateOptions.DEFAULT.delayToReset().toNanos()
            + download, "Run waited out DelayToReset in virtual time too");
        assertEquals(download, downloadNanos(2, image(2, 5, 20_000)), "the same update takes the same virtual time");
    }

    @Test
    void aModuleBackBetweenTwoPollsIsSeenByItsNewVersionWithoutWaitingOutTheGrace() {
        // fast timing: reset and MgmtInit take 1 ms, less than the 2 ms between two polls for the reset after Run
        long[] runAt = new long[1];
        FirmwareInfo info = updater(1).update(image(2, 6, 8_000), FirmwareUpdater.UpdateOptions.DEFAULT.withCommit(false),
            p -> { if (p.phase().equals("run")) runAt[0] = virtual.nanos(); });
        long afterRun = virtual.nanos() - runAt[0];
        assertEquals("2.6", info.running().version());
        Duration delay = FirmwareUpdater.UpdateOptions.DEFAULT.delayToReset();
        assertTrue(afterRun < delay.plusMillis(100).toNanos(), "the new image was seen running soon after "
            + "DelayToReset, not after a grace period for a reset that already happened: " + afterRun / 1_000_000 + " ms");
    }

    /**
     * A control connector whose CDB reply header reads (CdbReplyLength and CdbReplyCheckCode, 9Fh:134-135) come back
     * with a flipped check code: the bus and the module worked, the data did not.
     */
    record CorruptCheckCodes(Transport inner) implements ForwardingTransport {
        @Override
        public List<I2cResult> i2c(List<I2cMessage> messages) {
            List<I2cResult> r = inner.i2c(messages);
            boolean replyHeader = messages.size() == 2 && !messages.get(0).read() && messages.get(0).data().length == 1
                && (messages.get(0).data()[0] & 0xFF) == CdbPage.REPLY_LENGTH && messages.get(1).length() == 2;
            if (!replyHeader || !r.get(1).ok()) return r;
            byte[] header = r.get(1).data().clone();
            header[1] ^= 0x01;
            return List.of(r.get(0), I2cResult.ack(header));
        }

        /** Batches go through {@link #i2c} too, so that the reply header of a batched read is corrupted as well. */
        @Override
        public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
            return ControlConnector.batch(transfers, this::i2c);
        }
    }

    /** A control connector on which CdbStatus1 (00h:37) reads "executing" forever, whatever the module does. */
    record CdbForeverBusy(Transport inner) implements ForwardingTransport {
        @Override
        public List<I2cResult> i2c(List<I2cMessage> messages) {
            boolean statusRead = messages.size() == 2 && !messages.get(0).read() && messages.get(0).data().length == 1
                && (messages.get(0).data()[0] & 0xFF) == LowerPage.CDB_STATUS1.offset() && messages.get(1).length() == 1;
            if (!statusRead) return inner.i2c(messages);
            return List.of(I2cResult.ack(), I2cResult.ack(new byte[] {(byte) CdbStatus.BUSY_EXECUTING.code()}));
        }

        @Override
        public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
            return ControlConnector.batch(transfers, this::i2c);
        }
    }

    /** Counts, per block write (a batch that ends with a CDB trigger), the CdbStatus1 reads that follow it. */
    static final class StatusReadsPerBlock implements ForwardingTransport {
        final Transport inner;
        final List<Integer> reads = new ArrayList<>();

        StatusReadsPerBlock(Transport inner) { this.inner = inner; }

        @Override public Transport inner() { return inner; }

        @Override
        public List<I2cResult> i2c(List<I2cMessage> messages) {
            boolean statusRead = messages.size() == 2 && !messages.get(0).read() && messages.get(0).data().length == 1
                && (messages.get(0).data()[0] & 0xFF) == LowerPage.CDB_STATUS1.offset() && messages.get(1).length() == 1;
            if (statusRead && !reads.isEmpty()) reads.set(reads.size() - 1, reads.getLast() + 1);
            return inner.i2c(messages);
        }

        @Override
        public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
            if (transfers.size() > Pages.CDB_EPL_PAGES) reads.add(0);   // the EPL pages, the header and the trigger
            return inner.i2cBatch(transfers);
        }
    }

    @Test
    void aBlockIsFirstLookedAtWhenBlocksBeforeItWereSeenDone() {
        var counted = new StatusReadsPerBlock(new InProcessTransport(chassis.cage(1), null, "cage 1, counted"));
        FirmwareUpdater updater = new FirmwareUpdater(new RegisterAccess(counted, RegisterAccess.RetryPolicy.DEFAULT, clock), clock);
        FirmwareInfo info = updater.update(image(2, 8, 20_000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { });
        assertEquals("2.8", info.running().version());
        List<Integer> reads = counted.reads;
        assertTrue(reads.size() >= 9, "one count per block: " + reads);
        int first = reads.getFirst();
        // the module takes the same time for every block: once it was seen, the polls before its end are left out
        // (the last count also holds the reads of Complete and Run)
        for (int n : reads.subList(1, reads.size() - 1)) {
            assertTrue(n >= 1 && n <= first / 2, "status reads per block " + reads + ": the first block polled from its "
                + "trigger on, the others only from near the time the first took");
        }
    }

    @Test
    void runStillBusyAtItsDeadlineIsATimeoutNotAReset() {
        var transport = new CdbForeverBusy(new InProcessTransport(chassis.cage(1), null, "cage 1, CDB busy"));
        FirmwareUpdater updater = new FirmwareUpdater(new RegisterAccess(transport, RegisterAccess.RetryPolicy.DEFAULT, clock), clock);
        XpoException.Timeout e = assertThrows(XpoException.Timeout.class,
            () -> updater.run(Duration.ofMillis(100), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().startsWith("expected the result of Run (0109h) within 2000 ms, saw 0x83"), e.getMessage());
    }

    @Test
    void aCorruptReplyIsABadReplyNotALinkFailure() {
        var transport = new CorruptCheckCodes(new InProcessTransport(chassis.cage(1), null, "cage 1, corrupting"));
        FirmwareUpdater updater = new FirmwareUpdater(new RegisterAccess(transport, RegisterAccess.RetryPolicy.DEFAULT, clock), clock);
        XpoException.BadReply e = assertThrows(XpoException.BadReply.class, updater::info);
        assertTrue(e.getMessage().contains("0100h reply check code"), e.getMessage());
        assertEquals("1.0", updater(1).info().running().version(), "the module is fine: an honest read works");
    }

    @Test
    void thePartsBuiltOnAnAccessLayerWaitOnItsClock() {
        RegisterAccess access = access(1);
        assertSame(clock, access.clock());
        assertSame(clock, new XpoModuleClient(access).clock(), "a client on the access layer");
        // on the system clock these waits would sleep in wall time while the virtual module stood still
        assertTrue(new CdbClient(access).call(CdbCommand.GET_FIRMWARE_INFO, NoPayload.INSTANCE.encode(),
            Duration.ofSeconds(5)).ok(), "a CDB command completes in the access layer's virtual time");
        FirmwareInfo info = new FirmwareUpdater(access).update(image(2, 7, 4_000),
            FirmwareUpdater.UpdateOptions.DEFAULT.withCommit(false), p -> { });
        assertEquals("2.7", info.running().version(), "a whole update in the access layer's virtual time");
    }

    @Test
    void lplUpdateWithoutCommitLeavesTheOldImageCommitted() {
        FirmwareInfo info = updater(1).update(image(3, 1, 3_000),
            FirmwareUpdater.UpdateOptions.DEFAULT.withEpl(false).withCommit(false), p -> { });
        assertEquals("3.1", info.running().version());
        assertFalse(info.running().committed());
        assertEquals("1.0", info.committed().version());
    }

    @Test
    void corruptImageFailsClearlyAndTheModuleKeepsRunning() {
        byte[] img = image(4, 0, 5_000);
        img[4000] ^= 0x10;
        FirmwareUpdater updater = updater(1);
        XpoException.CdbFailed e = assertThrows(XpoException.CdbFailed.class,
            () -> updater.update(img, FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertEquals(0x60, e.status() & 0xE0, "a failure of the 0x6x kind: " + e.statusText());
        assertTrue(e.getMessage().contains("complete download") && e.getMessage().contains("0x60"), e.getMessage());
        FirmwareInfo info = updater.info();
        assertEquals("1.0", info.running().version());
        assertFalse(info.inactive().valid());
    }

    @Test
    void blockWriteFailureAbortsTheDownload() {
        chassis.cage(1).module().inject(new Fault.CdbWriteFailure());
        FirmwareUpdater updater = updater(1);
        XpoException.CdbFailed e = assertThrows(XpoException.CdbFailed.class,
            () -> updater.update(image(5, 0, 5_000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertTrue(e.getMessage().contains("write block at 0"), e.getMessage());
        assertEquals("1.0", updater.info().running().version());
    }

    @Test
    void moduleThatNeverComesBackIsATimeoutNamingTheExpectedState() {
        chassis.cage(1).module().inject(new Fault.FirmwareNoReturn());
        FirmwareUpdater updater = updater(1);
        long before = virtual.nanos();
        XpoException.Timeout e = assertThrows(XpoException.Timeout.class, () -> updater.update(image(6, 0, 2_000),
            FirmwareUpdater.UpdateOptions.DEFAULT.withBackAfterRun(Duration.ofSeconds(30)), p -> { }));
        assertTrue(e.getMessage().contains("ModuleLowPwr, ModulePwrUp or ModuleReady"), e.getMessage());
        assertTrue(e.getMessage().contains("within 30000 ms, saw no answer"), e.getMessage());
        assertTrue(virtual.nanos() - before >= Duration.ofSeconds(30).toNanos(), "30 s of virtual time went by");
    }

    @Test
    void hostAbortStopsAtTheNextBlock() {
        FirmwareUpdater updater = updater(1);
        XpoException.Aborted e = assertThrows(XpoException.Aborted.class, () -> updater.update(image(7, 0, 40_000),
            FirmwareUpdater.UpdateOptions.DEFAULT, p -> { if (p.phase().equals("write")) updater.abort(); }));
        assertTrue(e.getMessage().contains("aborted"), e.getMessage());
        assertEquals("1.0", updater.info().running().version());
    }

    @Test
    void fourModulesUpdateInParallelOnOneEmulator() throws Exception {
        startOnWallClock();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FirmwareInfo>> results = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                int cage = c;
                results.add(pool.submit(() -> updater(cage)
                    .update(image(8, cage, 10_000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { })));
            }
            for (int c = 1; c <= 4; c++) assertEquals("8." + c, results.get(c - 1).get().running().version());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateThroughThePi4jPath() {
        var cage = chassis.cage(2);
        Context ctx = Pi4J.newContextBuilder().noAutoDetect().add(new ConnectorI2CProvider(b -> b == 1 ? cage : null)).build();
        try (Pi4jTransport t = Pi4jTransport.open(ctx, TargetUri.parse("pi4j://1/0x50"))) {
            FirmwareInfo info = new FirmwareUpdater(new RegisterAccess(t, RegisterAccess.RetryPolicy.DEFAULT, clock), clock).update(image(9, 9, 8_000),
                FirmwareUpdater.UpdateOptions.DEFAULT, p -> { });
            assertEquals("9.9", info.running().version());
            assertTrue(info.running().committed());
        } finally {
            ctx.shutdown();
        }
    }

    @Test
    void updateOverTheEmulatorLink() {
        startOnWallClock();
        try (var server = org.openxpo.emulator.link.LinkServer.start(chassis,
                new java.net.InetSocketAddress("127.0.0.1", 0), org.openxpo.emulator.link.BusTiming.OFF);
             var t = org.openxpo.driver.transport.LinkTransport.connect("127.0.0.1", server.port(), 3,
                 org.openxpo.driver.transport.LinkTransport.Options.DEFAULT)) {
            FirmwareInfo info = new FirmwareUpdater(new RegisterAccess(t)).update(image(4, 2, 30_000),
                FirmwareUpdater.UpdateOptions.DEFAULT, p -> { });
            assertEquals("4.2", info.running().version());
            assertTrue(info.running().committed());
            assertEquals("4.2", chassis.cage(3).module().images().runningImage().version(), "the emulator agrees");
        }
    }

    @Test
    void passwordProtectedModuleNeedsThePassword() {
        chassis.close();
        startVirtual(ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).cdbPassword(0xCAFEL));
        FirmwareUpdater updater = updater(1);
        XpoException.CdbFailed e = assertThrows(XpoException.CdbFailed.class,
            () -> updater.update(image(2, 0, 1000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertEquals(0x46, e.status());
        assertTrue(e.getMessage().contains("0x46") && e.getMessage().contains(e.statusText()), e.getMessage());
        assertEquals("2.0", updater.update(image(2, 0, 1000), FirmwareUpdater.UpdateOptions.DEFAULT.withPassword(0xCAFEL), p -> { })
            .running().version());
    }
}
