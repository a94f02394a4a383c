package org.openxpo.agent.cli;

import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.http.AgentHttpServer;
import org.openxpo.agent.http.HttpOptions;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A started agent: the registry polling its modules and the HTTP face serving them, until closed. */
public final class RunningAgent implements AutoCloseable {
    private final ModuleRegistry registry;
    private final AgentHttpServer http;
    private final CountDownLatch closed = new CountDownLatch(1);

    private RunningAgent(ModuleRegistry registry, AgentHttpServer http) {
        this.registry = registry;
        this.http = http;
    }

    /** Starts polling {@code modules} and serving them; nothing is left running if the HTTP port cannot be bound. */
    public static RunningAgent start(List<ModuleSpec> modules, PollOptions poll, HttpOptions httpOptions) {
        ModuleRegistry registry = new ModuleRegistry(poll, VdmSource.NONE);
        try {
            // the modules first: the first answer already lists every one (their first polls run meanwhile)
            modules.forEach(registry::add);
            AgentHttpServer http = AgentHttpServer.start(httpOptions, registry, new ModuleControls(registry));
            return new RunningAgent(registry, http);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public ModuleRegistry registry() { return registry; }

    public AgentHttpServer http() { return http; }

    public boolean isClosed() { return closed.getCount() == 0; }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException { closed.await(); }

    @Override
    public synchronized void close() {
        if (isClosed()) return;
        http.close();
        registry.close();
        closed.countDown();
    }
}
