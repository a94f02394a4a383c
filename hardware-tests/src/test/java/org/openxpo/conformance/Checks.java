package org.openxpo.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openxpo.conformance.support.Host;
import org.openxpo.conformance.support.Target;
import org.openxpo.protocol.connector.Pin;

/**
 * Base of every check class: one instance per class and target, the target's shared {@link Host}, and a baseline
 * (reset, ModuleReady, default data paths up, no latched flags) before the class's first check. Checks that change
 * the module put back what they changed, or leave it to the next class's baseline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)  // one module per target: its check classes and checks run in order, in its thread
abstract class Checks {
    protected Target t;
    protected Host host;

    /** The target of the current run (given by the enclosing parameterized class). */
    protected abstract Target target();

    @BeforeAll
    final void openChecks() {
        t = target();
        host = t.host();
        prepare();
    }

    /** What the class needs before its first check; the baseline by default. */
    protected void prepare() { host.baseline(); }

    /** Skips the check (one line) when the target does not carry {@code pin}. */
    protected void assumeWired(Pin pin) {
        Assumptions.assumeTrue(t.wired(pin), () -> "needs the " + pin + " pin: add " + option(pin)
            + "=GPIO to the pi4j target URI (see the wiring table in hardware-tests/README.md)");
    }

    /** Skips the check when IntL changes do not reach the host as events. */
    protected void assumeInterruptEvents() {
        assumeWired(Pin.INT_L);
        Assumptions.assumeTrue(t.interruptEvents(), "the transport delivers no IntL events");
    }

    static String option(Pin pin) {
        return switch (pin) {
            case RESET_L -> "resetL";
            case LP_MODE -> "lpMode";
            case POWER_ENABLE -> "powerEnable";
            case INT_L -> "intL";
            case MOD_PRS_L -> "modPrsL";
            case POWER_GOOD -> "powerGood";
        };
    }
}
