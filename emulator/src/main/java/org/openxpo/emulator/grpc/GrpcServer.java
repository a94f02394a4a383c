package org.openxpo.emulator.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.openxpo.emulator.EmulatedChassis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The xcvr-emu gRPC face of the emulator ({@code ./xpo-emulator --grpc-port N}, docs/emulator-server.md): SONiC's VS
 * platform and xcvr-emu-based test suites read and write our modules through it unchanged. grpc-java serves it on its
 * own shaded Netty. Like the control API it listens on loopback unless it has a bearer token, and off loopback it
 * also insists on TLS.
 */
public final class GrpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
    /** xcvr-emu's port, for the docs and the CLI's help: ours has no default, the face is off unless asked for. */
    public static final int XCVR_EMU_PORT = 50051;
    /** Largest request accepted: a Write carries at most 256 bytes, so anything near this is not a client of ours. */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final long CLOSE_TIMEOUT_MS = 5_000;
    /** The largest --grpc-index-base: the last cage's index must still be a uint32. */
    public static final long MAX_INDEX_BASE = IndexMap.MAX_BASE;

    /**
     * @param bind      where to listen (port 0 picks a free one)
     * @param indexBase the index of cage 1 ({@link IndexMap})
     * @param token     the bearer token calls must carry, or null (loopback only)
     * @param tlsCert   PEM certificate chain, or null for plaintext (loopback only); with {@code tlsKey}
     * @param tlsKey    PEM private key (PKCS#8), or null
     * @param busTimed  true when the bus holds each transfer for its modelled time ({@code --bus-speed}): calls then
     *                  run on a thread pool; without timing an access takes microseconds and runs on the event loop
     *                  that read it, which saves two thread hand-offs per call
     */
    public record Options(InetSocketAddress bind, long indexBase, String token, Path tlsCert, Path tlsKey,
                          boolean busTimed) {
        public Options {
            if ((tlsCert == null) != (tlsKey == null))
                throw new IllegalArgumentException("TLS needs both a certificate chain and its private key");
        }

        boolean tls() { return tlsCert != null; }
    }

    private final Server server;
    private final AccessMonitor monitor;

    private GrpcServer(Server server, AccessMonitor monitor) {
        this.server = server;
        this.monitor = monitor;
    }

    /**
     * Serves {@code chassis}, its Read/Write on {@code bus}. Off loopback, {@code options} must give a token and TLS
     * ({@link IllegalArgumentException} otherwise).
     *
     * @throws UncheckedIOException when the address cannot be bound (its cause a {@link java.net.BindException})
     */
    public static GrpcServer start(EmulatedChassis chassis, SharedBus bus, Options options) {
        boolean loopback = options.bind().getAddress().isLoopbackAddress();
        if (!loopback && (options.token() == null || !options.tls())) {
            throw new IllegalArgumentException("the gRPC service would listen on "
                + options.bind().getAddress().getHostAddress() + ", which is not loopback: it then needs TLS "
                + "(--grpc-tls-cert and --grpc-tls-key) and a bearer token (--token-file or " + "XPO_EMULATOR_TOKEN)");
        }
        AccessMonitor monitor = new AccessMonitor(AccessMonitor.STREAM_CAPACITY);
        ServerServiceDefinition service = new SfpEmulatorService(chassis,
            new IndexMap(options.indexBase(), chassis.size()), bus, monitor).bindService();
        if (options.token() != null)
            service = ServerInterceptors.intercept(service, new BearerTokenInterceptor(options.token()));
        Server server;
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(options.bind(), credentials(options))
                .addService(service)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES);
            if (!options.busTimed()) builder.directExecutor();
            server = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the TLS certificate " + options.tlsCert() + " and key "
                + options.tlsKey() + " are not a PEM certificate chain and its PKCS#8 private key (" + e.getMessage() + ")", e);
        }
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("gRPC service: cannot listen on " + options.bind() + ": " + e.getMessage(), e);
        }
        GrpcServer started = new GrpcServer(server, monitor);
        LOG.info("xcvr-emu gRPC service listening on {}:{}{}{}", started.address().getHostString(), started.port(),
            options.tls() ? " (TLS)" : "", options.token() == null ? "" : " (bearer token required)");
        return started;
    }

    private static ServerCredentials credentials(Options options) {
        if (!options.tls()) return InsecureServerCredentials.create();
        try {
            return TlsServerCredentials.create(options.tlsCert().toFile(), options.tlsKey().toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS certificate " + options.tlsCert() + " or key "
                + options.tlsKey() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The port it listens on (the one picked when bound to port 0). */
    public int port() { return server.getPort(); }

    /** The address it listens on. */
    public InetSocketAddress address() { return (InetSocketAddress) server.getListenSockets().get(0); }

    /** Monitor streams open now. */
    public int monitorStreams() { return monitor.streams(); }

    /** Ends the Monitor streams, stops taking calls and waits a little for running ones. Idempotent. */
    @Override
    public void close() {
        if (server.isShutdown()) return;
        monitor.completeAll();
        server.shutdown();
        try {
            if (!server.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) server.shutdownNow();
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("xcvr-emu gRPC service closed");
    }
}
