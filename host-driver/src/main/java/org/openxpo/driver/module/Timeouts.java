package org.openxpo.driver.module;

import java.time.Duration;

/**
 * How long the driver waits for each transition, from the module's advertised durations (01h:144, 167, 168) plus an
 * allowance for polling and bus latency. Following SONiC (PR #533), DPInit is multiplied by 10 when it advertises
 * 1 s or less, because modules often take longer than they say. CMIS gives no duration for MgmtInit (hosts wait 2 s)
 * nor for the ApplyDPInit verdict (the DPInit timeout is used, as SONiC does).
 */
public record Timeouts(Duration reset, Duration modulePwrUp, Duration modulePwrDn, Duration dpDeinit,
                       Duration configVerdict, Duration dpInit, Duration txTurnOn) {
    /** What the host adds to each advertised duration: polling interval, bus latency, scheduling. */
    public static final Duration ALLOWANCE = Duration.ofMillis(250);
    /** MgmtInit after reset, which CMIS does not advertise; SONiC and SPC wait 2 s. */
    public static final Duration MGMT_INIT = Duration.ofSeconds(2);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    public static Timeouts from(AdvertisedDurations d) {
        Duration dpInit = d.dpInit().compareTo(ONE_SECOND) <= 0 ? d.dpInit().multipliedBy(10) : d.dpInit();
        return new Timeouts(MGMT_INIT.plus(d.modulePwrUp()).plus(ALLOWANCE), d.modulePwrUp().plus(ALLOWANCE),
            // powering down deinitializes every data path first
            d.modulePwrDn().plus(d.dpDeinit()).plus(ALLOWANCE),
            d.dpDeinit().plus(d.txTurnOff()).plus(ALLOWANCE), dpInit.plus(ALLOWANCE), dpInit.plus(ALLOWANCE),
            d.txTurnOn().plus(ALLOWANCE));
    }
}
