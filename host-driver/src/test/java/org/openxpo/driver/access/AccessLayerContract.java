package org.openxpo.driver.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.transport.ForwardingTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The same access-layer behaviour over every transport: subclasses say how to reach cage 1 of an emulated chassis
 * (in-process, the link, Pi4J with emulator-backed providers).
 */
abstract class AccessLayerContract {
    static final MemoryMap MAP = MemoryMap.xpo();
    EmulatedChassis chassis;
    Cage cage;
    Transport transport;
    RegisterAccess access;

    abstract Transport open(EmulatedChassis chassis);

    void closeExtra() {}

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(1, EmulatorClock.system(),
            i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build());
        cage = chassis.cage(1);
        transport = open(chassis);
        access = new RegisterAccess(transport);
        awaitSettled();
    }

    /**
     * Waits until the module in cage 1 is as the checks expect it: ModuleReady, every lane DPActivated, and a physics
     * tick since, so its monitors (supply, light) are published.
     */
    void awaitSettled() {
        await("ModuleReady, every data path DPActivated and the monitors published").atMost(Duration.ofSeconds(5))
            .until(() -> {
                var m = cage.module();
                if (m.moduleState() != ModuleState.READY) return false;
                for (int lane = 1; lane <= Lanes.COUNT; lane++) {
                    if (m.dataPathState(lane) != DataPathState.ACTIVATED) return false;
                }
                return m.peekValue(LowerPage.VCC_MON_VOLTAGE, 0, 0) > 0 && m.peek(LaneStatusPage.OPTICAL_POWER_TX, 7, 7) > 0;
            });
    }

    @AfterEach
    void stop() {
        access.close();
        transport.close();
        closeExtra();
        chassis.close();
    }

    static Field f(String name) { return MAP.field(name); }

    @Test
    void readsLowerPageAndUpperPageIdentity() {
        assertEquals(0x19, access.get(LowerPage.SFF8024_IDENTIFIER));
        byte[] name = access.read(0x00, 0, 129, 16);
        assertEquals("OPENXPO", new String(name).trim());
    }

    @Test
    void readAcrossTheLowerUpperBoundaryIsSplit() {
        byte[] r = access.read(0x00, 0, 120, 16);
        assertEquals(0x19, r[8] & 0xFF, "byte 128 of page 00h");
        assertTrue(access.statistics().transfers() >= 3, "lower part, select, upper part");
    }

    @Test
    void repeatedReadsOfOnePageSelectItOnce() {
        access.read(0x01, 0, 128, 16);
        access.read(0x01, 0, 160, 16);
        access.read(0x01, 0, 200, 8);
        assertEquals(1, access.statistics().pageSelects());
        access.read(0x11, 3, 128, 4);
        access.read(0x11, 4, 128, 4);
        assertEquals(3, access.statistics().pageSelects());
    }

    @Test
    void writesAreSplitAtTheWriteLimitAndReadBack() {
        byte[] masks = new byte[16];
        for (int i = 0; i < masks.length; i++) masks[i] = (byte) (i + 1);
        long before = access.statistics().transfers();
        access.write(0x10, 5, 213, masks);
        assertEquals(3, access.statistics().transfers() - before, "select + 8 + 8");
        assertArrayEquals(masks, access.read(0x10, 5, 213, 16));
        assertArrayEquals(new byte[16], access.read(0x10, 4, 213, 16), "other banks untouched");
    }

    @Test
    void cdbPageTakesOneLongWrite() {
        byte[] lpl = new byte[120];
        for (int i = 0; i < lpl.length; i++) lpl[i] = (byte) i;
        assertEquals(128, access.cdbWriteLimit(), "the profile's module advertises ReadWriteLengthExt 15");
        access.read(0x9F, 0, 136, 1);
        long before = access.statistics().transfers();
        access.write(0x9F, 0, 136, lpl);
        assertEquals(1, access.statistics().transfers() - before);
        assertArrayEquals(lpl, access.read(0x9F, 0, 136, 120));
    }

    /** Swaps the module in cage 1 for one built from {@code config} and waits until it is ready. */
    void replaceModule(ModuleConfig.Builder config) {
        cage.unplug();
        cage.plug(new org.openxpo.emulator.module.XpoModule(config.timing(ModuleConfig.Timing.fast()).build(),
            EmulatorClock.system()));
        awaitSettled();
        access.invalidate();
    }

    @Test
    void cdbWritesAreSplitAtTheLimitTheModuleAdvertises() {
        replaceModule(ModuleConfig.builder().cdbReadWriteLengthExt(0));
        byte[] lpl = new byte[120], epl = new byte[128];
        for (int i = 0; i < lpl.length; i++) lpl[i] = (byte) (i + 1);
        for (int i = 0; i < epl.length; i++) epl[i] = (byte) (200 - i);
        assertEquals(8, access.cdbWriteLimit(), "01h:164 = 0: 8-byte accesses");
        access.read(0x9F, 0, 136, 1);
        AccessStatistics before = access.statistics();
        access.write(0x9F, 0, 136, lpl);
        AccessStatistics after = access.statistics();
        assertEquals(15, after.transfers() - before.transfers(), "120 bytes in 8-byte writes, 9Fh already selected");
        assertEquals(15 * (1 + 1 + 8), after.busBytes() - before.busBytes(), "address, register and 8 data bytes each");
        assertEquals(0, after.nacks(), "the module took every piece");
        assertArrayEquals(lpl, access.read(0x9F, 0, 136, 120));
        before = access.statistics();
        access.write(List.of(new RegisterAccess.PageWrite(0xA0, 0, 128, epl)));
        assertEquals(1 + 16, access.statistics().transfers() - before.transfers(), "select A0h, then 16 writes of 8");
        assertArrayEquals(epl, access.read(0xA0, 0, 128, 128));
    }

    @Test
    void theLimitFrom0041hReplacesTheOneOfPage01hUntilTheModuleRestarts() {
        access.useCdbReadWriteLengthExt(1);
        assertEquals(16, access.cdbWriteLimit(), "0041h said 16-byte accesses");
        access.read(0x9F, 0, 136, 1);
        long before = access.statistics().transfers();
        access.write(0x9F, 0, 136, new byte[32]);
        assertEquals(2, access.statistics().transfers() - before, "two 16-byte writes");
        access.invalidate();
        assertEquals(128, access.cdbWriteLimit(), "after a reset 01h:164 (ext 15) is read again");
    }

    @Test
    void aBatchOfWritesSelectsOnlyWhenThePageChangesAndLeavesTheCacheRight() {
        byte[] masks = new byte[16], epl0 = new byte[128], epl1 = new byte[128];
        for (int i = 0; i < 128; i++) {
            epl0[i] = (byte) i;
            epl1[i] = (byte) (255 - i);
        }
        for (int i = 0; i < masks.length; i++) masks[i] = (byte) (i + 1);
        access.cdbWriteLimit();
        access.read(0x10, 5, 128, 1);
        AccessStatistics before = access.statistics();
        access.write(List.of(new RegisterAccess.PageWrite(0x10, 5, 213, masks),
            new RegisterAccess.PageWrite(0xA0, 0, 128, epl0), new RegisterAccess.PageWrite(0xA1, 0, 128, epl1),
            new RegisterAccess.PageWrite(0x9F, 0, 136, new byte[] {1, 2, 3})));
        AccessStatistics after = access.statistics();
        assertEquals(3, after.pageSelects() - before.pageSelects(), "A0h, A1h, 9Fh: 10h bank 5 was selected already");
        assertEquals(2 + 1 + 1 + 1 + 3, after.transfers() - before.transfers(), "8 + 8 bytes, the pages, the selects");
        access.read(0x9F, 0, 136, 3);
        assertEquals(after.pageSelects(), access.statistics().pageSelects(), "the cache knows 9Fh is selected");
        assertArrayEquals(masks, access.read(0x10, 5, 213, 16));
        assertArrayEquals(epl0, access.read(0xA0, 0, 128, 128));
        assertArrayEquals(epl1, access.read(0xA1, 0, 128, 128));
        assertArrayEquals(new byte[] {1, 2, 3}, access.read(0x9F, 0, 136, 3));
    }

    @Test
    void aBatchOfFieldReadsEqualsTheGroupsReadOneAtATimeWithFewerSelects() {
        List<RegisterAccess.FieldRead> groups = List.of(
            new RegisterAccess.FieldRead(0x00, 0, List.of(LowerPage.SFF8024_IDENTIFIER, AdminPages.VENDOR_NAME, AdminPages.VENDOR_SN)),
            new RegisterAccess.FieldRead(0x11, 0, List.of(LaneStatusPage.DP_STATE)),
            new RegisterAccess.FieldRead(0x11, 7, List.of(LaneStatusPage.DP_STATE)),
            new RegisterAccess.FieldRead(0x01, 0, List.of(AdminPages.BANKS_SUPPORTED)));
        access.read(0x02, 0, 128, 1);
        AccessStatistics before = access.statistics();
        List<byte[]> batched = access.readFields(groups);
        AccessStatistics after = access.statistics();
        assertEquals(4, after.pageSelects() - before.pageSelects(), "00h, 11h bank 0, bank 7, 01h");
        assertEquals(4 + 6, after.transfers() - before.transfers(),
            "4 selects; reads: lower byte 0, the name, the serial (too far apart to join), DPState twice, 01h");
        for (int g = 0; g < groups.size(); g++) {
            RegisterAccess.FieldRead group = groups.get(g);
            assertArrayEquals(access.readFields(group.page(), group.bank(), group.fields()), batched.get(g), "group " + g);
        }
        assertEquals("OPENXPO", AdminPages.VENDOR_NAME.text(batched.get(0)));
        assertEquals(4, LaneStatusPage.DP_STATE.get(batched.get(2), 7), "lane 64 DPActivated");
        long selects = access.statistics().pageSelects();
        access.read(0x01, 0, 128, 1);
        assertEquals(selects, access.statistics().pageSelects(), "01h, the batch's last page, stays selected");
    }

    @Test
    void aBatchOfReadsThatMeetsAModuleInResetIsFinishedOneReadAtATime() throws Exception {
        RegisterAccess patient = new RegisterAccess(new ResetReleasedOnFirstNack(transport),
            new RegisterAccess.RetryPolicy(300, Duration.ofMillis(1), Duration.ofMillis(8)));
        List<RegisterAccess.FieldRead> groups = List.of(new RegisterAccess.FieldRead(0x00, 0, List.of(AdminPages.VENDOR_NAME)),
            new RegisterAccess.FieldRead(0x11, 7, List.of(LaneStatusPage.DP_STATE)));
        transport.writePin(Pin.RESET_L, false);
        List<byte[]> windows;
        try {
            windows = patient.readFields(groups);
        } finally {
            patient.close();
        }
        assertTrue(patient.statistics().nacks() > 0, "the module NACKed while in reset");
        assertEquals("OPENXPO", AdminPages.VENDOR_NAME.text(windows.get(0)));
        assertTrue(LaneStatusPage.DP_STATE.get(windows.get(1), 0) > 0, "a data path state from page 11h bank 7");
    }

    @Test
    void aTransportBatchStopsAtTheFirstFailedTransfer() {
        access.write(0xA2, 0, 128, new byte[] {7, 7});
        byte[] overTheLimit = new byte[10];   // register 118 and 9 bytes: over the 8-byte write limit, refused
        overTheLimit[0] = 118;
        List<List<I2cMessage>> batch = List.of(List.of(I2cMessage.write(0x50, (byte) 127, (byte) 0xA3)),
            List.of(I2cMessage.write(0x50, overTheLimit)), List.of(I2cMessage.write(0x50, (byte) 128, (byte) 9, (byte) 9)));
        List<List<I2cResult>> r = transport.i2cBatch(batch);
        assertEquals(List.of(I2cResult.ack()), r.get(0));
        assertFalse(r.get(1).get(0).ok(), "the write over the limit is refused");
        assertEquals(List.of(I2cResult.of(I2cResult.Status.SKIPPED)), r.get(2));
        access.invalidate();
        assertArrayEquals(new byte[2], access.read(0xA3, 0, 128, 2), "the write after the failure did not run");
        assertArrayEquals(new byte[] {7, 7}, access.read(0xA2, 0, 128, 2));
    }

    @Test
    void aBatchThatMeetsABusyModuleIsRetriedFromWhereItStopped() throws Exception {
        RegisterAccess patient = new RegisterAccess(new ResetReleasedOnFirstNack(transport),
            new RegisterAccess.RetryPolicy(300, Duration.ofMillis(1), Duration.ofMillis(8)));
        byte[] data = new byte[128];
        java.util.Arrays.fill(data, (byte) 0x5A);
        transport.writePin(Pin.RESET_L, false);
        try {
            patient.write(List.of(new RegisterAccess.PageWrite(0xA4, 0, 128, data), new RegisterAccess.PageWrite(0xA5, 0, 128, data)));
        } finally {
            patient.close();
        }
        assertTrue(patient.statistics().nacks() > 0, "the module NACKed while in reset");
        assertArrayEquals(data, access.read(0xA4, 0, 128, 128));
        assertArrayEquals(data, access.read(0xA5, 0, 128, 128));
    }

    @Test
    void adjacentFieldsAreReadTogetherButNeverAcrossLatchedFlags() {
        access.read(0x11, 2, 128, 1);
        long before = access.statistics().transfers();
        byte[] monitors = access.readFields(0x11, 2, List.of(LaneStatusPage.OPTICAL_POWER_TX, LaneStatusPage.LASER_BIAS_TX, LaneStatusPage.OPTICAL_POWER_RX));
        assertEquals(1, access.statistics().transfers() - before, "154-201 in one read");
        assertTrue(LaneStatusPage.OPTICAL_POWER_TX.get(monitors, 0) > 0, "light on an active lane");
        before = access.statistics().transfers();
        access.readFields(0x11, 2, List.of(LaneStatusPage.DP_STATE, LaneStatusPage.OPTICAL_POWER_TX));
        assertEquals(2, access.statistics().transfers() - before, "the flags at 134-153 are not read in passing");
    }

    @Test
    void fieldAccessDecodesAndBitFieldWritesKeepTheirNeighbours() {
        assertEquals(4, access.get(LaneStatusPage.DP_STATE, 7, 7), "lane 64 DPActivated");
        access.set(LaneControlPage.OUTPUT_DISABLE_TX, 1, 2, 1);
        access.set(LaneControlPage.OUTPUT_DISABLE_TX, 1, 5, 1);
        assertEquals(0b0010_0100, access.read(0x10, 1, 130, 1)[0] & 0xFF);
        assertEquals(3.3, access.value(LowerPage.VCC_MON_VOLTAGE, 0, 0), 0.05);
    }

    @Test
    void readOnlyFieldsAreRefusedBeforeTheBus() {
        long before = access.statistics().transfers();
        assertThrows(XpoException.InvalidRequest.class, () -> access.set(AdminPages.VENDOR_NAME, 0, 0, 1));
        assertThrows(XpoException.InvalidRequest.class, () -> access.read(0x05, 0, 128, 1), "page 05h is not in the map");
        assertThrows(XpoException.InvalidRequest.class, () -> access.read(0x10, 8, 128, 1), "bank 8 does not exist");
        assertEquals(before, access.statistics().transfers());
    }

    @Test
    void absentModuleIsReportedAndTheCacheForgetsThePage() {
        access.read(0x11, 6, 128, 1);
        cage.unplug();
        assertThrows(XpoException.class, () -> access.read(0x11, 6, 128, 1));
        cage.plug(new org.openxpo.emulator.module.XpoModule(
            ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build(), EmulatorClock.system()));
        await().atMost(Duration.ofSeconds(5)).until(() -> cage.module().moduleState() == ModuleState.READY);
        long selects = access.statistics().pageSelects();
        assertEquals(1, access.read(0x11, 6, 128, 1).length);
        assertEquals(selects + 1, access.statistics().pageSelects(), "page selected again after re-plug");
    }

    @Test
    void busyModuleIsRetriedThenReportedAsNack() {
        transport.writePin(Pin.RESET_L, false);
        XpoException.Nack e = assertThrows(XpoException.Nack.class, () -> access.read(0x00, 0, 0, 1));
        assertTrue(e.getMessage().contains("did not acknowledge"), e.getMessage());
        assertTrue(access.statistics().retries() >= RegisterAccess.RetryPolicy.DEFAULT.retries());
        transport.writePin(Pin.RESET_L, true);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(0x19, access.get(LowerPage.SFF8024_IDENTIFIER)));
    }

    /** A host clock that only moves when told to, and records the waits asked of it. */
    static class ManualClock implements HostClock {
        final List<Duration> sleeps = new ArrayList<>();
        long nanos = 1_000_000_000L;

        @Override public long nanoTime() { return nanos; }
        @Override public Instant instant() { return Instant.ofEpochSecond(0, nanos); }
        @Override public void sleep(Duration d) { sleeps.add(d); }
    }

    @Test
    void retryBackoffWaitsOnTheAccessLayersClock() {
        ManualClock clock = new ManualClock();
        RegisterAccess timed = new RegisterAccess(transport,
            new RegisterAccess.RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4)), clock);
        transport.writePin(Pin.RESET_L, false);
        try {
            assertThrows(XpoException.Nack.class, () -> timed.read(0x00, 0, 0, 1));
        } finally {
            transport.writePin(Pin.RESET_L, true);
            timed.close();
        }
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(4)),
            clock.sleeps, "backoff doubling up to the maximum, waited on the given clock");
    }

    @Test
    void aThreadInterruptedDuringTheBackoffStopsRetryingAndIsAborted() {
        ManualClock clock = new ManualClock() {
            @Override public void sleep(Duration d) {
                super.sleep(d);
                Thread.currentThread().interrupt();   // as if interrupted while parked
            }
        };
        RegisterAccess timed = new RegisterAccess(transport, RegisterAccess.RetryPolicy.DEFAULT, clock);
        transport.writePin(Pin.RESET_L, false);
        boolean flagKept;
        try {
            XpoException.Aborted e = assertThrows(XpoException.Aborted.class, () -> timed.read(0x00, 0, 0, 1));
            assertTrue(e.getMessage().contains("interrupted while retrying"), e.getMessage());
        } finally {
            flagKept = Thread.interrupted();
            transport.writePin(Pin.RESET_L, true);
            timed.close();
        }
        assertTrue(flagKept, "the interrupt flag stays set for the caller");
        assertEquals(1, clock.sleeps.size(), "no retry after the interrupted backoff: " + clock.sleeps);
        assertEquals(1, timed.statistics().transfers(), "one attempt on the bus");
    }

    @Test
    void withoutInterruptEventsASelectionIdleOnTheClockIsReadBack() {
        ManualClock clock = new ManualClock();
        Transport silent = new NoInterruptEvents(transport);
        RegisterAccess polled = new RegisterAccess(silent, RegisterAccess.RetryPolicy.DEFAULT, clock);
        try {
            polled.read(0x01, 0, 128, 2);
            long before = polled.statistics().transfers();
            polled.read(0x01, 0, 130, 2);
            assertEquals(1, polled.statistics().transfers() - before, "used at once: trusted");
            clock.nanos += Duration.ofMillis(11).toNanos();
            before = polled.statistics().transfers();
            polled.read(0x01, 0, 130, 2);
            assertEquals(2, polled.statistics().transfers() - before, "idle 11 ms on the clock: 126-127 read back first");
        } finally {
            polled.close();
        }
    }

    /**
     * An interrupt's flag reads go out at once where the transport announces restarts (Reset events: in-process, the
     * link); where it does not (Pi4J), the IntL may be a restart's, so the held page selection is read back first.
     */
    @Test
    void anInterruptPutsThePageSelectionInDoubtOnlyWithoutResetEvents() throws Exception {
        int bank = 1, lane = Lanes.PER_BANK * bank + 1;
        readLatchedFlags(); // IntL deasserts: the fault below makes a new edge
        if (transport.hasInterruptEvents()) await().atMost(Duration.ofSeconds(3)).until(() -> transport.readPin(Pin.INT_L));
        byte[] before = access.read(Pages.LANE_STATUS, bank, LaneStatusPage.DP_STATE.offset(), LaneStatusPage.DP_STATE.byteLength());
        AtomicBoolean interrupted = new AtomicBoolean();
        try (AutoCloseable sub = transport.subscribe(e -> {
            if (e instanceof TargetEvent.IntL i && i.asserted()) interrupted.set(true);
        })) {
            cage.module().inject(new Fault.RxLossOfSignal(Set.of(lane)));
            if (transport.hasInterruptEvents()) await().atMost(Duration.ofSeconds(3)).untilTrue(interrupted);
            AccessStatistics start = access.statistics();
            assertArrayEquals(before, access.read(Pages.LANE_STATUS, bank, LaneStatusPage.DP_STATE.offset(), LaneStatusPage.DP_STATE.byteLength()));
            long transfers = access.statistics().transfers() - start.transfers();
            boolean doubt = transport.hasInterruptEvents() && !transport.hasResetEvents();
            assertEquals(doubt ? 2 : 1, transfers, doubt ? "126-127 read back, then the data" : "the data alone");
            assertEquals(0, access.statistics().pageSelects() - start.pageSelects(), "the selection held");
        }
    }

    /** Reads (and so clears) every latched flag of the lower page, of page 11h in each bank and of page B0h. */
    void readLatchedFlags() {
        for (Field f : MAP.lowerFields()) {
            if (f.access() == Access.COR && f.offset() < 128) access.read(Pages.LOWER_MEMORY, 0, f.offset(), f.byteLength());
        }
        for (int page : List.of(Pages.LANE_STATUS, Pages.XPO_TELEMETRY)) {
            PageDef def = MAP.page(page).orElseThrow();
            for (int bank = 0; bank < Math.max(1, def.banks()); bank++) {
                for (Field f : def.fields()) {
                    if (f.access() == Access.COR) access.read(page, bank, f.offset(), f.byteLength());
                }
            }
        }
    }

    /** {@code t} as a transport without IntL events (Pi4J without intL=). */
    /**
     * Releases ResetL once the module has NACKed a transfer: the module stays in reset until the access layer has met
     * it there, however late the caller's thread gets to the bus (a release on a timer could come first under load).
     */
    record ResetReleasedOnFirstNack(Transport inner, AtomicBoolean released) implements ForwardingTransport {
        ResetReleasedOnFirstNack(Transport inner) { this(inner, new AtomicBoolean()); }

        @Override public List<I2cResult> i2c(List<I2cMessage> messages) { return releaseOnNack(inner.i2c(messages)); }

        @Override public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
            List<List<I2cResult>> results = inner.i2cBatch(transfers);
            results.forEach(this::releaseOnNack);
            return results;
        }

        private List<I2cResult> releaseOnNack(List<I2cResult> results) {
            boolean nacked = results.stream().anyMatch(r -> r.status() == I2cResult.Status.ADDRESS_NACK
                || r.status() == I2cResult.Status.DATA_NACK);
            if (nacked && released.compareAndSet(false, true)) inner.writePin(Pin.RESET_L, true);
            return results;
        }

        @Override public void close() {}
    }

    record NoInterruptEvents(Transport inner) implements ForwardingTransport {
        @Override public boolean hasInterruptEvents() { return false; }
        @Override public AutoCloseable subscribe(java.util.function.Consumer<org.openxpo.protocol.connector.TargetEvent> l) { return () -> {}; }
        @Override public void close() {}
    }

    @Test
    void concurrentCallersNeverInterleavePageSelects() throws Exception {
        for (int b = 0; b < 8; b++) access.write(0x10, b, 213, new byte[] {(byte) (0x10 + b)});
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    for (int k = 0; k < 100; k++) {
                        int bank = (first + k) % 8;
                        if ((access.read(0x10, bank, 213, 1)[0] & 0xFF) != 0x10 + bank) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) assertTrue(r.get(), "each read saw its own bank");
        } finally {
            pool.shutdownNow();
        }
    }
}
