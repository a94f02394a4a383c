package org.openxpo.driver.monitor;

import org.openxpo.driver.module.XpoModuleClient;

import java.time.Duration;

/** Lets tests of other packages run a monitor and wait for its events. */
public final class EventLogAccess implements AutoCloseable {
    private final EventLog log = new EventLog();
    private final ModuleMonitor monitor;

    private EventLogAccess(XpoModuleClient client) {
        monitor = ModuleMonitor.start(client, MonitorOptions.DEFAULT.withInterval(Duration.ofMillis(100)), log);
    }

    public static EventLogAccess monitor(XpoModuleClient client) { return new EventLogAccess(client); }

    public void awaitRaised(String alarm, Integer lane) { log.awaitEvent(alarm + " raised", EventLog.alarm(alarm, lane, true)); }

    @Override
    public void close() { monitor.close(); }
}
