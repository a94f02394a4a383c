package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.time.PollSchedule;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;

/**
 * The embedded target starts a fresh emulated module for every xpoctl run, and it boots like a real one (MgmtInit,
 * ModulePwrUp, then the default application's data paths). Commands wait for it to settle so what they show is the
 * module at work: ModuleReady, every lane of an active data path DPActivated, and light on the lit lanes' monitors.
 * Reads are status reads, so no latched flag is consumed. Against a real target xpoctl never waits: it shows what is.
 */
final class EmbeddedBoot {
    private EmbeddedBoot() {}

    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final PollSchedule POLLS = PollSchedule.every(Duration.ofMillis(20));

    /**
     * Waits until settled or {@link #LIMIT} passed (then the command shows whatever the module reports). NACKs: still
     * in MgmtInit, the module does not answer yet.
     */
    static void awaitSettled(XpoModuleClient client) {
        Poll.until("the embedded module settled", () -> settled(client)).within(LIMIT).every(POLLS)
            .tolerating(XpoException.Nack.class).awaitOrGiveUp(client.clock());
    }

    private static boolean settled(XpoModuleClient client) {
        if (client.moduleState() != ModuleState.READY) return false;
        ModuleSnapshot s = client.status();
        for (LaneStatus l : s.lanes()) {
            if (l.appSel() == 0) continue;
            if (l.dataPathState() != DataPathState.ACTIVATED) return false;
            if (l.txOutputValid() && l.txPowerMw() == 0) return false;  // first monitor update not in yet
        }
        return true;
    }
}
