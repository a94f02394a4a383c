package org.openxpo.emulator.scenario;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.Pin;

/**
 * Puts a chassis back the way it started, so a CI job can reuse one emulator process between tests: the scenario
 * playing stops, every cage gets a fresh module of the configuration it started with (no faults, new firmware banks,
 * power-on from the start; a cage that started empty is empty again), modules kept aside are forgotten, and the host
 * pins are at their start levels (ResetL high, LPMode low, PowerEnable high).
 */
public final class ChassisReset {
    private ChassisReset() {}

    public static void reset(EmulatedChassis chassis) {
        ScenarioRunner.playing(chassis).ifPresent(ScenarioRunner::close);
        Presence.clearShelf(chassis);
        for (int n : chassis.cages()) {
            Cage cage = chassis.cage(n);
            cage.unplug();
            cage.writePin(Pin.RESET_L, true);
            cage.writePin(Pin.LP_MODE, false);
            cage.writePin(Pin.POWER_ENABLE, true);
            ModuleConfig config = chassis.startConfig(n);
            if (config != null) cage.plug(new XpoModule(config, chassis.clock()));
        }
    }
}
