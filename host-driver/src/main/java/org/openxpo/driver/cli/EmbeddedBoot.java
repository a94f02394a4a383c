package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.XpoModuleClient;
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
    private static final Duration POLL = Duration.ofMillis(20);

    /** Waits until settled or {@link #LIMIT} passed (then the command shows whatever the module reports). */
    static void awaitSettled(XpoModuleClient client) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (settled(client)) return;
            } catch (XpoException.Nack e) {
                // still in MgmtInit: the module does not answer yet
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
