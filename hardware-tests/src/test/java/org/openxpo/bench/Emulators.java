package org.openxpo.bench;

import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** Emulated chassis for the benchmarks: wall-clock time (what a server runs), modules ready with all 64 lanes up. */
final class Emulators {
    private Emulators() {}

    /**
     * {@code n} cages of default modules (8 × 1.6T, all 64 lanes come up) on wall-clock time. {@code fast}: every
     * state transition takes 1 ms instead of the profile's realistic durations (the physics tick stays 100 ms).
     */
    static EmulatedChassis chassis(int n, boolean fast) { return chassis(n, fast, b -> b); }

    /** As {@link #chassis(int, boolean)}, each module's configuration changed by {@code module} (e.g. its CDB access). */
    static EmulatedChassis chassis(int n, boolean fast, UnaryOperator<ModuleConfig.Builder> module) {
        return new EmulatedChassis(n, EmulatorClock.system(), i -> {
            ModuleConfig.Builder b = ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i)).seed(i);
            if (fast) b.timing(ModuleConfig.Timing.fast());
            return module.apply(b).build();
        });
    }

    /** Waits until every module is ModuleReady with all 64 data paths DPActivated. */
    static void awaitReady(EmulatedChassis chassis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int cage : chassis.cages()) {
            XpoModule m = chassis.cage(cage).module();
            while (!ready(m)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cage " + cage + " not ready with 64 lanes up within " + timeout
                        + " (state " + m.moduleState() + ")");
                }
                Thread.sleep(5);
            }
        }
    }

    static boolean ready(XpoModule m) {
        if (m.moduleState() != ModuleState.READY) return false;
        for (int lane = 1; lane <= Lanes.COUNT; lane++) {
            if (m.dataPathState(lane) != DataPathState.ACTIVATED) return false;
        }
        return true;
    }
}
