package org.openxpo.agent.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.metrics.ProcessFigures;
import org.openxpo.agent.metrics.XpoCollector;
import org.openxpo.http.BearerTokenGuard;
import org.openxpo.http.ConnectionCap;
import org.openxpo.http.HostGuard;
import org.openxpo.http.JsonHttpAggregator;
import org.openxpo.http.ListenFailure;
import org.openxpo.http.OriginGuard;
import org.openxpo.http.ServerNames;

import java.io.UncheckedIOException;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The agent's HTTP face: Prometheus {@code /metrics}, the REST API and event stream under {@code /api}, and the
 * dashboard's files, on one port. Every request passes the shared guards of the {@code http} module first, in this
 * order and before any body is read: connection cap (503), Host (421), Origin (403), token for anything but a read
 * (401; 403 when the agent has no token), body type (415), body size (413).
 */
public final class AgentHttpServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel server;
    private final ChannelGroup connections;
    private final EventStream events;
    private final ExecutorService blocking;
    private final AutoCloseable firmwareFeed;
    private final boolean tls;

    private AgentHttpServer(EventLoopGroup group, Channel server, ChannelGroup connections, EventStream events,
                            ExecutorService blocking, AutoCloseable firmwareFeed, boolean tls) {
        this.group = group;
        this.server = server;
        this.connections = connections;
        this.events = events;
        this.blocking = blocking;
        this.firmwareFeed = firmwareFeed;
        this.tls = tls;
    }

    /** Starts serving {@code registry}; a busy port fails with an UncheckedIOException naming the address. */
    public static AgentHttpServer start(HttpOptions options, ModuleRegistry registry, ModuleControls controls) {
        PrometheusRegistry metrics = new PrometheusRegistry();
        metrics.register(new XpoCollector(registry));
        metrics.register(new ProcessFigures());
        ServerNames names = new ServerNames(options.hostNames());
        boolean tls = options.tls() != null;
        List<ChannelHandler> guards = new ArrayList<>(List.of(new HostGuard(names), new OriginGuard(names, tls)));
        guards.add(options.token() == null ? new ControlsOffGuard() : BearerTokenGuard.forWrites(options.token(), "xpo-agent"));
        guards.add(new BodyTypeGuard());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("xpo-agent-http", true),
            NioIoHandler.newFactory());
        EventStream events = new EventStream(registry, controls::firmwareStatus, group.next());
        AutoCloseable firmwareFeed = controls.onFirmwareProgress(events::firmware);
        ExecutorService blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("xpo-agent-request-", 0).factory());
        ApiHandler handler = new ApiHandler(registry, controls, events, new StaticAssets(AgentHttpServer.class.getClassLoader()),
            metrics, blocking);
        ConnectionCap cap = new ConnectionCap(options.maxConnections());
        long idleMillis = options.idleTimeout().toMillis();
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ch.pipeline().addLast(new ReadTimeoutHandler(idleMillis, TimeUnit.MILLISECONDS));
                    if (tls) ch.pipeline().addLast(options.tls().newHandler(ch.alloc()));
                    ch.pipeline().addLast(new HttpServerCodec());
                    if (!cap.admit(ch)) {
                        ch.pipeline().addLast(cap.refusal());
                        return;
                    }
                    guards.forEach(g -> ch.pipeline().addLast(g));
                    ch.pipeline().addLast(new JsonHttpAggregator(options.maxBodyBytes()), handler);
                }
            })
            .bind(options.bind()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            events.close();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw ListenFailure.of("HTTP", options.bind(), bound.cause());
        }
        return new AgentHttpServer(group, bound.channel(), connections, events, blocking, firmwareFeed, tls);
    }

    public InetSocketAddress address() { return (InetSocketAddress) server.localAddress(); }

    public int port() { return address().getPort(); }

    /** The base URL clients use ("http://127.0.0.1:9464"). */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return (tls ? "https://" : "http://") + host + ":" + a.getPort();
    }

    /** Open event streams (for tests and the health of the face). */
    public int eventClients() { return events.clients(); }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        events.close();
        try {
            firmwareFeed.close();
        } catch (Exception ignored) {
            // removing a listener does not fail
        }
        connections.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
    }
}
