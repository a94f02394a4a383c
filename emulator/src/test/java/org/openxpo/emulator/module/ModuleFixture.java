package org.openxpo.emulator.module;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.protocol.target.TargetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One emulated module in cage 1 on a virtual clock, a test host on its bus, and the events it pushed. */
abstract class ModuleFixture {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    Cage cage;
    XpoModule module;
    TestHost host;
    final List<TargetEvent> events = new CopyOnWriteArrayList<>();

    ModuleConfig config() { return ModuleConfig.defaults(); }

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(1, clock, i -> config());
        cage = chassis.cage(1);
        module = cage.module();
        host = new TestHost(cage);
        cage.subscribe(events::add);
    }

    @AfterEach
    void stop() { chassis.close(); }

    void advance(long ms) { clock.advanceMillis(ms); }

    /** Past MgmtInit, PwrUp and the default application's bring-up. */
    void bootToReady() {
        advance(2000);
    }

    /** Reads and so clears every latched flag the host can see (lower page, all lane banks, XPO page). */
    void clearAllFlags() {
        host.read(8, 4);
        for (int b = 0; b < 8; b++) {
            host.select(0x11, b);
            host.read(134, 20);
        }
        host.select(0xB0, 0);
        host.read(160, 6);
        host.select(0, 0);
    }
}
