package org.openxpo.emulator.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test of the class (or one test method) a fresh emulated XPO chassis, handed in as an
 * {@link XpoTestbed} parameter and closed after the test:
 * <pre>{@code
 * @EmulatedXpo(cages = 2, link = true, control = true)
 * class MySwitchTest {
 *     @Test void reactsToALaserFailure(XpoTestbed xpo) { ... }
 * }
 * }</pre>
 * An annotation on a method overrides the one on its class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmulatedXpoExtension.class)
public @interface EmulatedXpo {
    /** Number of cages, numbered from 1, each with a default module (serial XPO000000n). */
    int cages() default 1;

    /** Also start a link server on a free loopback port, for drivers that connect over TCP ({@link XpoTestbed#linkUri}). */
    boolean link() default false;

    /**
     * Also start the HTTP control API on a free loopback port, no token ({@link XpoTestbed#controlUrl}): for code under
     * test that drives the emulator the way a CI script does (faults, pins, reset).
     */
    boolean control() default false;

    /** "fast": state transitions take 1 ms, so modules are ready almost at once; "default": realistic durations. */
    String timing() default "fast";

    /** Run the modules on a {@link org.openxpo.emulator.clock.VirtualClock} that only the test moves. */
    boolean virtualClock() default false;

    /** A scenario to apply before the test: a class-path resource ("/scenarios/x.json") or a file path. */
    String scenario() default "";

    /** Seed of the first module's noise; module n gets seed + n - 1. */
    long seed() default 1;
}
