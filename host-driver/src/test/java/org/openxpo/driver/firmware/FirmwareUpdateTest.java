package org.openxpo.driver.firmware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.types.ModuleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

class FirmwareUpdateTest {
    EmulatedChassis chassis;

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(4, EmulatorClock.system(),
            i -> ModuleConfig.builder().seed(i).timing(ModuleConfig.Timing.fast()).build());
        for (int c = 1; c <= 4; c++) {
            var m = chassis.cage(c).module();
            await().atMost(Duration.ofSeconds(5)).until(() -> m.moduleState() == ModuleState.READY);
        }
    }

    @AfterEach
    void stop() { chassis.close(); }

    RegisterAccess access(int cage) {
        return new RegisterAccess(new InProcessTransport(chassis.cage(cage), null, "cage " + cage));
    }

    static byte[] image(int major, int minor, int size) {
        return FirmwareImageFormat.pack(major, minor, 3, FirmwareImageFormat.samplePayload(size, major));
    }

    @Test
    void eplUpdateRunsVerifiesAndCommits() {
        List<FirmwareUpdater.Progress> seen = new ArrayList<>();
        FirmwareInfo info = new FirmwareUpdater(access(1)).update(image(2, 4, 20_000), FirmwareUpdater.UpdateOptions.DEFAULT, seen::add);
        assertEquals("2.4", info.running().version());
        assertTrue(info.running().committed());
        assertEquals("1.0", info.inactive().version(), "the old image stays as the fallback");
        assertEquals("write", seen.get(2).phase());
        assertTrue(seen.stream().anyMatch(p -> p.phase().equals("commit")));
        FirmwareUpdater.Progress lastWrite = seen.stream().filter(p -> p.phase().equals("write")).reduce((a, b) -> b).orElseThrow();
        assertEquals(lastWrite.total(), lastWrite.done());
    }

    @Test
    void lplUpdateWithoutCommitLeavesTheOldImageCommitted() {
        FirmwareInfo info = new FirmwareUpdater(access(1)).update(image(3, 1, 3_000),
            FirmwareUpdater.UpdateOptions.DEFAULT.withEpl(false).withCommit(false), p -> { });
        assertEquals("3.1", info.running().version());
        assertFalse(info.running().committed());
        assertEquals("1.0", info.committed().version());
    }

    @Test
    void corruptImageFailsClearlyAndTheModuleKeepsRunning() {
        byte[] img = image(4, 0, 5_000);
        img[4000] ^= 0x10;
        FirmwareUpdater updater = new FirmwareUpdater(access(1));
        XpoException e = assertThrows(XpoException.class, () -> updater.update(img, FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertTrue(e.getMessage().contains("complete download") && e.getMessage().contains("0x60"), e.getMessage());
        FirmwareInfo info = updater.info();
        assertEquals("1.0", info.running().version());
        assertFalse(info.inactive().valid());
    }

    @Test
    void blockWriteFailureAbortsTheDownload() {
        chassis.cage(1).module().inject(new Fault.CdbWriteFailure());
        FirmwareUpdater updater = new FirmwareUpdater(access(1));
        XpoException e = assertThrows(XpoException.class, () -> updater.update(image(5, 0, 5_000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertTrue(e.getMessage().contains("write block at 0"), e.getMessage());
        assertEquals("1.0", updater.info().running().version());
    }

    @Test
    void moduleThatNeverComesBackIsATimeoutNamingTheExpectedState() {
        chassis.cage(1).module().inject(new Fault.FirmwareNoReturn());
        FirmwareUpdater updater = new FirmwareUpdater(access(1));
        XpoException.Timeout e = assertThrows(XpoException.Timeout.class, () -> updater.update(image(6, 0, 2_000),
            FirmwareUpdater.UpdateOptions.DEFAULT.withBackAfterRun(Duration.ofSeconds(1)), p -> { }));
        assertTrue(e.getMessage().contains("ModuleLowPwr, ModulePwrUp or ModuleReady"), e.getMessage());
    }

    @Test
    void hostAbortStopsAtTheNextBlock() {
        FirmwareUpdater updater = new FirmwareUpdater(access(1));
        XpoException e = assertThrows(XpoException.class, () -> updater.update(image(7, 0, 40_000),
            FirmwareUpdater.UpdateOptions.DEFAULT, p -> { if (p.phase().equals("write")) updater.abort(); }));
        assertTrue(e.getMessage().contains("aborted"), e.getMessage());
        assertEquals("1.0", updater.info().running().version());
    }

    @Test
    void fourModulesUpdateInParallelOnOneEmulator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FirmwareInfo>> results = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                int cage = c;
                results.add(pool.submit(() -> new FirmwareUpdater(access(cage))
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
            FirmwareInfo info = new FirmwareUpdater(new RegisterAccess(t)).update(image(9, 9, 8_000),
                FirmwareUpdater.UpdateOptions.DEFAULT, p -> { });
            assertEquals("9.9", info.running().version());
            assertTrue(info.running().committed());
        } finally {
            ctx.shutdown();
        }
    }

    @Test
    void updateOverTheEmulatorLink() {
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
        chassis = new EmulatedChassis(1, EmulatorClock.system(),
            i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).cdbPassword(0xCAFEL).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> chassis.cage(1).module().moduleState() == ModuleState.READY);
        FirmwareUpdater updater = new FirmwareUpdater(access(1));
        XpoException e = assertThrows(XpoException.class, () -> updater.update(image(2, 0, 1000), FirmwareUpdater.UpdateOptions.DEFAULT, p -> { }));
        assertTrue(e.getMessage().contains("0x46"), e.getMessage());
        assertEquals("2.0", updater.update(image(2, 0, 1000), FirmwareUpdater.UpdateOptions.DEFAULT.withPassword(0xCAFEL), p -> { })
            .running().version());
    }
}
