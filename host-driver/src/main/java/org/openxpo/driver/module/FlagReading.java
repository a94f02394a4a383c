package org.openxpo.driver.module;

import org.openxpo.protocol.types.ModuleState;

import java.time.Instant;
import java.util.List;

/**
 * The latched flags of the whole module at one moment, read the way an interrupt handler reads them: the lower page
 * (state, summaries, module flags), then only the pages the summaries point at. Pages not read had no flag set, so the
 * reading is complete: an alarm not listed was clear.
 *
 * @param faultCode         00h:41 while the module is in ModuleFault (one more read), else 0
 * @param reads             how many reads it took (1 when no flag was set and the module is not in fault), the
 *                          closing 00h:3 read included
 * @param interruptAsserted 00h:3 after the reading cleared what it read: true when a flag is still (or again) latched
 *                          and unmasked, so a level-triggered handler reads again
 */
public record FlagReading(Instant time, ModuleState moduleState, int faultCode, List<Alarm> alarms, int reads,
                          boolean interruptAsserted) {
    /** Text of the fault cause, or null when the module is not in ModuleFault. */
    public String faultDescription() {
        return moduleState == ModuleState.FAULT ? org.openxpo.protocol.types.FaultCause.describe(faultCode) : null;
    }
}
