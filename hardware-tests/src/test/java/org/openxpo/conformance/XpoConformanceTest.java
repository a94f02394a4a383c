package org.openxpo.conformance;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxpo.conformance.support.OpenTargets;
import org.openxpo.conformance.support.Settings;
import org.openxpo.conformance.support.Target;
import org.openxpo.conformance.support.TargetConditions;

import java.util.stream.Stream;

/**
 * The XPO conformance suite, run once per target (see {@link Target}; {@link Settings#ALL_TARGETS} in order):
 * {@code embedded}, {@code tcp} and {@code pi4j-emulated}; {@code tcp-ext0} and {@code pi4j-emulated-ext0} (a module
 * with CDB accesses of 8 bytes, ReadWriteLengthExt 0) and {@code tcp-lpl} and {@code pi4j-emulated-lpl} (a module
 * that takes firmware through the LPL only), which run the paging and CDB checks; and {@code pi4j} — when
 * {@code xpo.pi4j.target} names one — a real module on a Raspberry Pi. The checks
 * live in the {@code *Checks} classes; each nested class below runs one of them against the invocation's target. The
 * targets run concurrently (each has its own module, link server and Pi4J context), the checks of one target one
 * after the other in their order (junit-platform.properties sets how many targets at once). The report
 * ({@code ConformanceReport}) prints what passed, failed and was skipped per target at the end.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("targets")
@ExtendWith(TargetConditions.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@DisplayName("XPO conformance")
@Execution(ExecutionMode.CONCURRENT)  // the targets run at the same time; within one, the checks run in order (Checks)
class XpoConformanceTest {

    @Parameter
    String target;

    static Stream<String> targets() { return Settings.selectedTargets().stream(); }

    @BeforeParameterizedClassInvocation
    static void open(String target) {
        OpenTargets.add(Target.open(target));
    }

    @AfterParameterizedClassInvocation
    static void close(String target) {
        Target t = OpenTargets.remove(target);
        if (t != null) t.close();
    }

    Target current() {
        Target t = OpenTargets.get(target);
        if (t == null) throw new IllegalStateException("target " + target + " is not open");
        return t;
    }

    @Nested @Order(1) @DisplayName("identity")
    class Identity extends IdentityChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(2) @DisplayName("paging")
    class Paging extends PagingChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(3) @DisplayName("telemetry")
    class Telemetry extends TelemetryChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(4) @DisplayName("flags and IntL")
    class Interrupts extends InterruptChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(5) @DisplayName("module state")
    class ModuleStates extends ModuleStateChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(6) @DisplayName("data paths")
    class DataPaths extends DataPathChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(7) @DisplayName("I3C and IBI")
    class I3c extends I3cChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(8) @DisplayName("CDB and firmware")
    class Cdb extends CdbChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(9) @DisplayName("faults (emulator-only)")
    class Faults extends FaultChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(10) @DisplayName("link drop")
    class Link extends LinkChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(11) @DisplayName("diagnostics: PRBS and loopbacks")
    class Diagnostics extends DiagnosticsChecks { @Override protected Target target() { return current(); } }

    @Nested @Order(12) @DisplayName("VDM")
    class Vdm extends VdmChecks { @Override protected Target target() { return current(); } }
}
