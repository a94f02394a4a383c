package org.openxpo.emulator.control;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelFuture;
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
import io.netty.util.concurrent.GlobalEventExecutor;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.http.BearerTokenGuard;
import org.openxpo.http.ConnectionCap;
import org.openxpo.http.HostGuard;
import org.openxpo.http.JsonBodyGuard;
import org.openxpo.http.JsonHttpAggregator;
import org.openxpo.http.ListenFailure;
import org.openxpo.http.OriginGuard;
import org.openxpo.http.ServerNames;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.scenario.Scenario;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's control API: HTTP + JSON for tests and CI to inspect cages, inject and clear faults, plug and
 * unplug modules, drive pins and apply scenarios (docs/emulator-server.md). Anyone who can reach it can break the
 * emulated modules on purpose, so off loopback it insists on a bearer token; and since a web page in a browser on the
 * same machine can reach loopback too, it answers only requests addressed to itself ({@link HostGuard}), from no
 * browser page but its own ({@link OriginGuard}), with JSON bodies ({@link JsonBodyGuard}).
 */
public final class ControlServer implements AutoCloseable {
    /** Largest request body accepted (a scenario for a full chassis fits easily). */
    private static final int MAX_BODY = 1 << 20;

    private final EventLoopGroup group;
    private final Channel server;
    private final ChannelGroup connections;
    private final ControlApi api;

    private ControlServer(EventLoopGroup group, Channel server, ChannelGroup connections, ControlApi api) {
        this.group = group;
        this.server = server;
        this.connections = connections;
        this.api = api;
    }

    /**
     * Starts serving on {@code bind}; {@code token} null means no authentication, which only loopback allows.
     * {@code link} supplies the link-side bus statistics (null: module counters only). A busy port fails with an
     * {@link UncheckedIOException} whose cause is a {@link BindException} naming the address.
     */
    public static ControlServer start(EmulatedChassis chassis, InetSocketAddress bind, String token, LinkServer link) {
        return start(chassis, bind, token, link, List.of());
    }

    /**
     * As above; requests may also name the server by {@code hostNames} (in the {@code Host} header and a browser's
     * {@code Origin}), besides the address they arrive on and, on loopback, {@code localhost}.
     */
    public static ControlServer start(EmulatedChassis chassis, InetSocketAddress bind, String token, LinkServer link,
                                      List<String> hostNames) {
        return start(chassis, bind, token, link, hostNames, null);
    }

    /** As above; {@code POST /api/reset} applies {@code startup} again after resetting the chassis (null: none). */
    public static ControlServer start(EmulatedChassis chassis, InetSocketAddress bind, String token, LinkServer link,
                                      List<String> hostNames, Scenario startup) {
        return start(chassis, bind, token, link, hostNames, startup, ControlLimits.DEFAULT);
    }

    /** As above, within {@code limits} (connections at once, idle timeout). */
    public static ControlServer start(EmulatedChassis chassis, InetSocketAddress bind, String token, LinkServer link,
                                      List<String> hostNames, Scenario startup, ControlLimits limits) {
        if (token != null && token.isBlank()) throw new IllegalArgumentException("the bearer token must not be blank");
        if (token == null && !bind.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the control API would listen on " + bind.getAddress().getHostAddress()
                + ", which is not loopback: give it a bearer token (--token, --token-file or XPO_EMULATOR_TOKEN)");
        }
        ControlApi api = new ControlApi(chassis, link, startup);
        ServerNames names = new ServerNames(hostNames);
        // the guards of the request head, in the order they apply, before any body is read; each is shared by every
        // connection. The body's own guard (JSON) follows the aggregator, which refuses malformed bodies with 400.
        List<ChannelHandler> headGuards = new ArrayList<>(List.of(new HostGuard(names), new OriginGuard(names)));
        if (token != null) headGuards.add(new BearerTokenGuard(token, "xpo-emulator"));
        JsonBodyGuard bodyGuard = new JsonBodyGuard();
        ControlHandler handler = new ControlHandler(api);
        ConnectionCap cap = new ConnectionCap(limits.maxConnections());
        long idleMillis = limits.idleTimeout().toMillis();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ch.pipeline().addLast(new ReadTimeoutHandler(idleMillis, TimeUnit.MILLISECONDS), new HttpServerCodec());
                    if (!cap.admit(ch)) {
                        ch.pipeline().addLast(cap.refusal());
                        return;
                    }
                    headGuards.forEach(g -> ch.pipeline().addLast(g));
                    ch.pipeline().addLast(new JsonHttpAggregator(MAX_BODY), bodyGuard, handler);
                }
            })
            .bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw ListenFailure.of("control API", bind, bound.cause());
        }
        return new ControlServer(group, bound.channel(), connections, api);
    }

    /** The port it listens on (useful after binding port 0). */
    public int port() { return ((InetSocketAddress) server.localAddress()).getPort(); }

    public InetSocketAddress address() { return (InetSocketAddress) server.localAddress(); }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        api.close();
    }
}
