package org.openxpo.agent.cli;

import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.DriverVdmSource;
import org.openxpo.agent.gnmi.GnmiServer;
import org.openxpo.agent.gnmi.GnmiOptions;
import org.openxpo.agent.http.AgentHttpServer;
import org.openxpo.agent.http.HttpOptions;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A started agent: the registry polling its modules and the HTTP face (and gNMI, when asked for) serving them, until closed. */
public final class RunningAgent implements AutoCloseable {
    private final ModuleRegistry registry;
    private final AgentHttpServer http;
    private final GnmiServer gnmi;
    private final CountDownLatch closed = new CountDownLatch(1);

    private RunningAgent(ModuleRegistry registry, AgentHttpServer http, GnmiServer gnmi) {
        this.registry = registry;
        this.http = http;
        this.gnmi = gnmi;
    }

    /** Starts polling {@code modules} and serving them; nothing is left running if the HTTP port cannot be bound. */
    public static RunningAgent start(List<ModuleSpec> modules, PollOptions poll, HttpOptions httpOptions) {
        return start(modules, poll, httpOptions, null);
    }

    /** As {@link #start(List, PollOptions, HttpOptions)}, with the gNMI face too unless {@code gnmiOptions} is null. */
    public static RunningAgent start(List<ModuleSpec> modules, PollOptions poll, HttpOptions httpOptions,
                                     GnmiOptions gnmiOptions) {
        ModuleRegistry registry = new ModuleRegistry(poll, new DriverVdmSource(poll.vdmStatisticsInterval(), Clock.systemUTC()));
        AgentHttpServer http = null;
        try {
            // the modules first: the first answer already lists every one (their first polls run meanwhile)
            modules.forEach(registry::add);
            http = AgentHttpServer.start(httpOptions, registry, new ModuleControls(registry));
            GnmiServer gnmi = gnmiOptions == null ? null : GnmiServer.start(registry, gnmiOptions);
            return new RunningAgent(registry, http, gnmi);
        } catch (RuntimeException e) {
            if (http != null) http.close();
            registry.close();
            throw e;
        }
    }

    public ModuleRegistry registry() { return registry; }

    public AgentHttpServer http() { return http; }

    /** The gNMI face, or null when it was not asked for. */
    public GnmiServer gnmi() { return gnmi; }

    public boolean isClosed() { return closed.getCount() == 0; }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException { closed.await(); }

    @Override
    public synchronized void close() {
        if (isClosed()) return;
        if (gnmi != null) gnmi.close();
        http.close();
        registry.close();
        closed.countDown();
    }
}
