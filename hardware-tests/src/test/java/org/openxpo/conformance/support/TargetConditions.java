package org.openxpo.conformance.support;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Set;

/**
 * Skips checks the invocation's target cannot run, each with one line saying why, from their tags:
 * <ul>
 *   <li>{@code emulator-only}: the check injects a fault, which only the emulator can do on demand;</li>
 *   <li>{@code i3c}: the check speaks I3C, which the emulator offers and a Raspberry Pi does not;</li>
 *   <li>{@code link}: the check drops the emulator link, a network connection only the tcp target has;</li>
 *   <li>{@code writes-flash}: the check downloads firmware; on real hardware only with {@code -Dxpo.pi4j.flash}.</li>
 * </ul>
 * A target whose emulated module advertises less CDB access than the profile runs only the check classes tagged
 * {@code cdb-access} (paging and CDB): the rest would repeat what the profile's module already showed.
 */
public final class TargetConditions implements ExecutionCondition {
    public static final String EMULATOR_ONLY = "emulator-only", I3C = "i3c", LINK = "link", WRITES_FLASH = "writes-flash",
        CDB_ACCESS = "cdb-access";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Target t = OpenTargets.of(context).orElse(null);
        if (t == null) return ConditionEvaluationResult.enabled("no target yet");
        Set<String> tags = context.getTags();
        boolean checkClass = context.getTestMethod().isEmpty()
            && context.getTestClass().map(c -> c.isAnnotationPresent(Nested.class)).orElse(false);
        if (checkClass && t.moduleKind().reduced() && !tags.contains(CDB_ACCESS)) {
            return ConditionEvaluationResult.disabled("a module with " + t.moduleKind().description() + " runs only the "
                + "paging and CDB checks");
        }
        if (tags.contains(EMULATOR_ONLY) && !t.emulated()) {
            return ConditionEvaluationResult.disabled("emulator-only: injects a fault (laser, LOS, coolant, leak, "
                + "supply, firmware) that a real module cannot be given on demand");
        }
        if (tags.contains(I3C) && !t.i3c()) {
            return ConditionEvaluationResult.disabled("needs I3C: the " + t.name() + " target reaches the module over "
                + "I2C only (Linux has no user-space I3C; the emulator link offers it as i3c+tcp)");
        }
        if (tags.contains(LINK) && !t.link()) {
            return ConditionEvaluationResult.disabled("needs the emulator link: only the tcp target has a connection "
                + "that can drop and come back");
        }
        if (tags.contains(WRITES_FLASH) && !t.emulated() && Settings.pi4jFlash() == null) {
            return ConditionEvaluationResult.disabled("writes the module's flash: opt in with "
                + "-Dxpo.pi4j.flash=FILE (an image built for this module)");
        }
        return ConditionEvaluationResult.enabled("target " + t.name() + " can run it");
    }
}
