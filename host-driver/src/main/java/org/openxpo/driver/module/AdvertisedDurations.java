package org.openxpo.driver.module;

import java.time.Duration;

/** The module's advertised maximum durations (01h:144, 167, 168), each the upper bound of its CMIS duration code. */
public record AdvertisedDurations(Duration dpInit, Duration dpDeinit, Duration modulePwrUp, Duration modulePwrDn,
                                  Duration txTurnOn, Duration txTurnOff) {
    /** What a module without page 01h (flat memory) is assumed to need: CMIS's largest common codes. */
    public static final AdvertisedDurations FLAT_MEMORY = new AdvertisedDurations(Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1));
}
