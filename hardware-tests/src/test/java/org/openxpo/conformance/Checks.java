package org.openxpo.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openxpo.conformance.support.Host;
import org.openxpo.conformance.support.Target;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.protocol.connector.Pin;

/**
 * Base of every check class: one instance per class and target, the target's shared {@link Host}, and a baseline
 * (reset, ModuleReady, default data paths up, no latched flags) before the class's first check. Checks that change
 * the module put back what they changed, or leave it to the next class's baseline.
 *
 * <p>Checks name fields by their constants and pages by {@code Pages}. Where a check reads or writes by byte address
 * (flag bytes, checksummed ranges, descriptors, the select registers, raw I2C), it does so on purpose: it is an
 * independent host that takes the CMIS layout from the specification, not from the map it is checking.
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
        Assumptions.assumeTrue(t.wired(pin), () -> "needs the " + pin + " pin: add " + TargetUri.gpioOption(pin)
            + "=GPIO to the pi4j target URI (see the wiring table in hardware-tests/README.md)");
    }

    /** Skips the check when IntL changes do not reach the host as events. */
    protected void assumeInterruptEvents() {
        assumeWired(Pin.INT_L);
        Assumptions.assumeTrue(t.interruptEvents(), "the transport delivers no IntL events");
    }
}
