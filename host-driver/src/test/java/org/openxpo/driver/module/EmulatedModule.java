package org.openxpo.driver.module;

import org.openxpo.driver.time.Poll;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.clock.VirtualHostClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/**
 * Test fixture: one emulated XPO module in-process, reached through an {@link InProcessTransport} the test keeps (so
 * it can inject faults and unplug the module behind the driver). On wall-clock time with fast transitions (1 ms), or
 * on a virtual clock ({@link #virtual}) that the driver's waits move on: there the module may keep its realistic
 * durations and a test still takes no wall-clock time for them.
 */
public final class EmulatedModule implements AutoCloseable {
    public final EmulatedChassis chassis;
    public final Cage cage;
    public final InProcessTransport transport;
    /** The driver's clock: the system one, or the virtual one that advances the module's time when the driver waits. */
    public final HostClock clock;

    private EmulatedModule(ModuleConfig.Timing timing, EmulatorClock moduleClock, HostClock clock) {
        chassis = new EmulatedChassis(1, moduleClock, i -> config(timing));
        cage = chassis.cage(1);
        transport = new InProcessTransport(cage, null, "in-process test module");
        this.clock = clock;
    }

    private EmulatedModule(ModuleConfig.Timing timing) { this(timing, EmulatorClock.system(), HostClock.system()); }

    private EmulatedModule(ModuleConfig.Timing timing, VirtualClock virtual) {
        this(timing, virtual, new VirtualHostClock(virtual, Instant.now()));
    }

    public static ModuleConfig config(ModuleConfig.Timing timing) {
        return ModuleConfig.builder().serialNumber(EmulatedChassis.serial(1)).seed(1).timing(timing).build();
    }

    /** A module with 1 ms transitions, already up: ModuleReady and the default application active on all lanes. */
    public static EmulatedModule ready() {
        EmulatedModule m = new EmulatedModule(ModuleConfig.Timing.fast());
        m.awaitActive();
        return m;
    }


    /**
     * A module with {@code timing} on a virtual clock, already up (ModuleReady, the default application active on all
     * lanes): booting it took virtual time only.
     */
    public static EmulatedModule virtual(ModuleConfig.Timing timing) {
        EmulatedModule m = new EmulatedModule(timing, new VirtualClock());
        Poll.until("the module active", m::active).within(Duration.ofSeconds(10)).await(m.clock);
        return m;
    }

    public XpoModule module() { return cage.module(); }

    /** A driver client on the module's clock (virtual or the system's). */
    public XpoModuleClient client() {
        return new XpoModuleClient(transport, clock);
    }

    /** Waits until the module is Ready, all 64 lanes are DPActivated and the monitors have their first values. */
    public void awaitActive() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(this::active);
    }

    private boolean active() {
        XpoModule m = module();
        if (m == null || m.moduleState() != ModuleState.READY) return false;
        for (int lane = 1; lane <= 64; lane++) if (m.dataPathState(lane) != DataPathState.ACTIVATED) return false;
        return m.peek(XpoPages.Monitor.INPUT_VOLTAGE.value(), 0, 0) > 0 && m.peek(LaneStatusPage.OPTICAL_POWER_TX, 7, 7) > 0;
    }

    /** Plugs a fresh module (fast timing) into the empty cage, as a technician does after pulling the old one. */
    public void replugFresh() {
        cage.plug(new XpoModule(config(ModuleConfig.Timing.fast()), chassis.clock()));
        awaitActive();
    }

    @Override
    public void close() {
        transport.close();
        chassis.close();
    }
}
