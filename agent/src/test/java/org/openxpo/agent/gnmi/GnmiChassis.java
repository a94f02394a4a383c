package org.openxpo.agent.gnmi;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.core.VdmSource;
import org.openxpo.agent.testing.EmulatedBench;

/**
 * The gNMI tests' bench: emulated modules named a, b, … over the emulator link, an agent registry polling them, and
 * once served, the agent's gNMI face with a grpc-java client on it.
 */
final class GnmiChassis implements AutoCloseable {
    final EmulatedBench bench;
    final ModuleRegistry registry;
    GnmiServer server;
    GnmiClient client;

    GnmiChassis(int modules, PollOptions poll, VdmSource vdm) {
        bench = new EmulatedBench(modules);
        registry = new ModuleRegistry(poll, vdm);
        for (int cage = 1; cage <= modules; cage++) {
            registry.add(new ModuleSpec(String.valueOf((char) ('a' + cage - 1)), bench.target(cage)));
        }
    }

    /**
     * Waits until every module has been polled with identity and thresholds, and with every lane lit: the first poll
     * can come before the data paths are up, and the tests read lane values.
     */
    GnmiChassis awaitPolled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.views().stream()
            .allMatch(v -> v.snapshot() != null && v.identity() != null && v.thresholds() != null
                && v.snapshot().lanes().stream().allMatch(l -> l.txPowerMw() > 0 && l.biasMa() > 0)));
        return this;
    }

    /** Serves gNMI with {@code options} and connects a client presenting {@code clientToken} (null: none). */
    GnmiChassis serve(GnmiOptions options, String clientToken) {
        server = GnmiServer.start(registry, options);
        client = new GnmiClient(server.port(), clientToken);
        return this;
    }

    @Override
    public void close() {
        if (client != null) client.close();
        if (server != null) server.close();
        registry.close();
        bench.close();
    }
}
