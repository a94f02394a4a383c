package org.openxpo.agent.core;

import org.openxpo.driver.module.Alarm;

/** How often one flag (alarm name, and lane for lane flags) changed — raises and clears — since the agent started. */
public record FlagCount(Alarm alarm, long changes) {}
