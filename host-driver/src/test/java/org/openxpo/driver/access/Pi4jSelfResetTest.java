package org.openxpo.driver.access;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.monitor.ModuleMonitor;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.driver.monitor.MonitorOptions;
import org.openxpo.driver.pi4j.ConnectorGpioProviders;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
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
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A module that restarts behind the driver's back on the Pi4J path (GPIO brings no Reset event): a brown-out puts
 * PageSelect back at 00h while the access layer still has page 11h cached. The next read of page 11h must return
 * page 11h, whether IntL is wired (the assertion after MgmtInit forgets the cache) or not (an idle selection is read
 * back before it is used).
 */
class Pi4jSelfResetTest {
    static final String WITH_INTL = "pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23";
    static final String POLLED = "pi4j://1/0x50?resetL=17&lpMode=27&modPrsL=23";
    /** 11h:206–213 AcsDPConfigLane (0x10 per lane after any reset); 00h:206–213 holds cable data (zeros). */
    static final int ACS = 206, ACS_LEN = 8, BANK = 2;
    /** A 50 V supply sagged below the 40 V lock-out. */
    static final double BROWN_OUT_VOLTS = 30;
    /**
     * How long the supply stays down: a real module is silent for longer than the access layer's idle re-check while
     * it restarts (the emulator's fast MgmtInit alone would not be).
     */
    static final Duration BROWN_OUT = PageSelection.IDLE_BEFORE_RECHECK.multipliedBy(5);

    EmulatedChassis chassis;
    Cage cage;
    Context context;
    Transport transport;
    RegisterAccess access;

    void open(String uri) { open(uri, HostClock.system()); }

    /** Opens {@code uri} with the access layer waiting (and timing its idle re-check) on {@code clock}. */
    void open(String uri, HostClock clock) {
        chassis = new EmulatedChassis(1, EmulatorClock.system(),
            i -> ModuleConfig.builder().timing(ModuleConfig.Timing.fast()).build());
        cage = chassis.cage(1);
        context = Pi4J.newContextBuilder().noAutoDetect()
            .add(new ConnectorI2CProvider(bus -> bus == 1 ? cage : null),
                ConnectorGpioProviders.outputs(cage, Pi4jAccessTest.LINES),
                ConnectorGpioProviders.inputs(cage, Pi4jAccessTest.LINES))
            .build();
        transport = Pi4jTransport.open(context, TargetUri.parse(uri));
        access = new RegisterAccess(transport, RegisterAccess.RetryPolicy.DEFAULT, clock);
        await().atMost(Duration.ofSeconds(5)).until(() -> cage.module().moduleState() == ModuleState.READY);
    }

    @AfterEach
    void stop() {
        if (access != null) access.close();
        if (transport != null) transport.close();
        if (context != null) context.shutdown();
        if (chassis != null) chassis.close();
    }

    /** Page 11h's bytes, read while page 00h's differ, so a read that hits page 00h is told apart. */
    private byte[] readPage11Checked() {
        byte[] page00 = access.read(0x00, 0, ACS, ACS_LEN);
        byte[] page11 = access.read(0x11, BANK, ACS, ACS_LEN);
        assertFalse(Arrays.equals(page00, page11), "the test needs page 11h and 00h to differ here");
        return page11;
    }

    /**
     * Browns the module out for {@link #BROWN_OUT} and waits until it is back in ModuleReady (the driver does not touch
     * the bus). The supply is held below the lock-out and restored by the test, not by a timed fault: a timed one
     * could end before a loaded machine gets to see the module down.
     */
    private void brownOutAndWaitForReady() {
        var sag = cage.module().inject(new Fault.InputVoltage(BROWN_OUT_VOLTS));
        assertNotEquals(ModuleState.READY, cage.module().moduleState(), "the brown-out takes the module down at once");
        try {
            Thread.sleep(BROWN_OUT);   // the length of the sag itself: it only grows under load, which changes nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during the brown-out", e);
        }
        assertTrue(cage.module().clearFault(sag.id()), "the supply recovers");
        await().atMost(Duration.ofSeconds(5)).until(() -> cage.module().moduleState() == ModuleState.READY);
    }

    @Test
    void intLAfterAnUnseenResetMakesTheNextReadSelectPage11hAgain() {
        open(WITH_INTL);
        byte[] page11 = readPage11Checked();
        await().atMost(Duration.ofSeconds(3)).until(() -> !transport.readPin(Pin.INT_L));  // boot flags unread
        List<TargetEvent> events = new CopyOnWriteArrayList<>();
        transport.subscribe(events::add);

        brownOutAndWaitForReady();
        await().atMost(Duration.ofSeconds(3)).until(() -> events.stream()
            .anyMatch(e -> e instanceof TargetEvent.IntL i && i.asserted()));
        assertTrue(events.stream().noneMatch(e -> e instanceof TargetEvent.Reset), "GPIO carries no Reset event");
        assertEquals(0, pageSelectRegister(), "the module is back on page 00h");

        assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN), "page 11h after the module's own reset");
    }

    @Test
    void withoutIntLAnIdleSelectionIsReadBackAndPage11hSelectedAgain() {
        open(POLLED);
        assertFalse(transport.hasInterruptEvents());
        byte[] page11 = readPage11Checked();

        brownOutAndWaitForReady();

        assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN), "page 11h after the module's own reset");
        assertArrayEquals(page11, acsAsFields(), "and field reads agree");
    }

    @Test
    void withoutIntLAnIdleSelectionTheModuleKeptCostsOneReadBackAndNoSelect() {
        AccessLayerContract.ManualClock clock = new AccessLayerContract.ManualClock();
        open(POLLED, clock);
        byte[] page11 = access.read(0x11, BANK, ACS, ACS_LEN);
        clock.nanos += PageSelection.IDLE_BEFORE_RECHECK.plusMillis(1).toNanos();   // idle past the re-check
        AccessStatistics before = access.statistics();
        assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN));
        AccessStatistics after = access.statistics();
        assertEquals(2, after.transfers() - before.transfers(), "read back 126-127, then the data");
        assertEquals(0, after.pageSelects() - before.pageSelects(), "the selection held: not written again");
    }

    @Test
    void aRestartTheAccessLayerFindsIsReportedOnceWithOrWithoutIntL() {
        for (String uri : List.of(WITH_INTL, POLLED)) {
            open(uri);
            AtomicInteger restarts = new AtomicInteger();
            access.onRestartDetected(restarts::incrementAndGet);
            byte[] page11 = readPage11Checked();
            assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN));
            assertEquals(0, restarts.get(), uri + ": no restart yet");
            brownOutAndWaitForReady();
            if (transport.hasInterruptEvents()) {
                await().atMost(Duration.ofSeconds(3)).until(() -> !transport.readPin(Pin.INT_L));
            }
            assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN), uri);
            assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN), uri);
            assertEquals(1, restarts.get(), uri + ": the restart is reported, once");
            stop();
        }
    }

    @Test
    void aModuleThatRestartsByItselfIsAResetEventForTheMonitorAndItsIdentityIsReadAgain() {
        open(WITH_INTL);
        var client = new XpoModuleClient(access);
        var events = new CopyOnWriteArrayList<MonitorEvent>();
        var options = MonitorOptions.DEFAULT.withInterval(Duration.ofMillis(50));
        try (var monitor = ModuleMonitor.start(client, options, events::add)) {
            var before = client.identity();
            assertSame(before, client.identity(), "the identity is cached");
            await().atMost(Duration.ofSeconds(3)).until(() -> !events.isEmpty());
            events.clear();

            brownOutAndWaitForReady();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(
                e -> e instanceof MonitorEvent.ResetEvent));
            var reset = events.stream().filter(e -> e instanceof MonitorEvent.ResetEvent)
                .map(e -> (MonitorEvent.ResetEvent) e).findFirst().orElseThrow();
            assertTrue(reset.cause().contains("restarted"), reset.cause());
            assertNotSame(before, client.identity(), "the identity is read again after the restart");
        } finally {
            client.close();
        }
    }

    @Test
    void resetLDrivenByTheHostIsReportedAndForgetsThePage() {
        open(POLLED);
        byte[] page11 = readPage11Checked();
        List<TargetEvent> events = new CopyOnWriteArrayList<>();
        transport.subscribe(events::add);

        // the emulator's fast MgmtInit brings the module back within milliseconds, sooner than the idle re-check
        transport.writePin(Pin.RESET_L, false);
        transport.writePin(Pin.RESET_L, true);
        assertArrayEquals(page11, access.read(0x11, BANK, ACS, ACS_LEN), "page 11h after a ResetL pulse");
        assertTrue(events.stream().anyMatch(e -> e instanceof TargetEvent.PinLevel l && l.pin() == Pin.RESET_L
            && !l.high()), "ResetL low reported: " + events);
    }

    /** The ACS bytes read as a declared field (readFields), the way the module API reads. */
    private byte[] acsAsFields() {
        byte[] window = access.readFields(0x11, BANK, List.of(LaneStatusPage.ACS_DP_CONFIG_LANE));
        return Arrays.copyOfRange(window, ACS, ACS + ACS_LEN);
    }

    /** PageSelect (127) as a raw transfer behind the access layer's back: a plain read, it changes nothing. */
    private int pageSelectRegister() {
        List<I2cResult> r = transport.i2c(List.of(I2cMessage.write(0x50, (byte) 127), I2cMessage.read(0x50, 1)));
        return r.get(1).data()[0] & 0xFF;
    }
}
