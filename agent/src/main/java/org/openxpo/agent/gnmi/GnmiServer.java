package org.openxpo.agent.gnmi;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openxpo.agent.core.ModuleRegistry;

/**
 * The agent's gNMI face: a grpc-java server (shaded Netty) over the agent's module registry. Loopback and plaintext
 * by default; any other address needs TLS and a token ({@link GnmiOptions}).
 */
public final class GnmiServer implements AutoCloseable {
    private final Server server;
    private final ChassisData data;
    private final ScheduledExecutorService timers;

    private GnmiServer(Server server, ChassisData data, ScheduledExecutorService timers) {
        this.server = server;
        this.data = data;
        this.timers = timers;
    }

    /** Starts serving {@code registry}; throws {@link UncheckedIOException} when the port cannot be bound. */
    public static GnmiServer start(ModuleRegistry registry, GnmiOptions options) {
        ChassisData data = new ChassisData(registry);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("gnmi-timers").unstarted(r));
        GnmiService service = new GnmiService(data, timers, options);
        NettyServerBuilder b = NettyServerBuilder.forAddress(options.bind())
            .addService(options.token() == null ? ServerInterceptors.intercept(service)
                : ServerInterceptors.intercept(service, new TokenInterceptor(options.token())));
        if (options.tls()) b.useTransportSecurity(options.certificate().toFile(), options.privateKey().toFile());
        try {
            return new GnmiServer(b.build().start(), data, timers);
        } catch (IOException e) {
            timers.shutdownNow();
            throw new UncheckedIOException("gNMI cannot listen on " + options.bind() + ": " + e.getMessage(), e);
        }
    }

    /** The port bound (the one picked when 0 was asked). */
    public int port() { return server.getPort(); }

    @Override
    public void close() {
        server.shutdownNow();
        timers.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            data.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // removing the registry listener cannot fail
        }
    }
}
