package org.openxpo.driver.module;

import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Test fixture: one emulated XPO module in-process on wall-clock time with fast transitions (1 ms), reached through
 * an {@link InProcessTransport} the test keeps (so it can inject faults and unplug the module behind the driver).
 */
public final class EmulatedModule implements AutoCloseable {
    private static final org.openxpo.protocol.map.MemoryMap MAP = org.openxpo.protocol.map.MemoryMap.xpo();
    public final EmulatedChassis chassis;
    public final Cage cage;
    public final InProcessTransport transport;

    private EmulatedModule(ModuleConfig.Timing timing) {
        chassis = new EmulatedChassis(1, EmulatorClock.system(), i -> config(timing));
        cage = chassis.cage(1);
        transport = new InProcessTransport(cage, null, "in-process test module");
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

    /** A module with the default (realistic) timing, booting. */
    public static EmulatedModule realTiming() { return new EmulatedModule(ModuleConfig.Timing.defaults()); }

    public XpoModule module() { return cage.module(); }

    public XpoModuleClient client() { return new XpoModuleClient(transport); }

    /** Waits until the module is Ready, all 64 lanes are DPActivated and the monitors have their first values. */
    public void awaitActive() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
            XpoModule m = module();
            if (m == null || m.moduleState() != ModuleState.READY) return false;
            for (int lane = 1; lane <= 64; lane++) if (m.dataPathState(lane) != DataPathState.ACTIVATED) return false;
            return m.peek(MAP.field("InputVoltage"), 0, 0) > 0 && m.peek(MAP.field("OpticalPowerTx"), 7, 7) > 0;
        });
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
