package org.openxpo.emulator.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openxpo.protocol.link.LinkFrameDecoder;
import org.openxpo.protocol.link.LinkFrameEncoder;
import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.connector.Chassis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator link server (docs/wire-protocol.md): serves a chassis's cages to link clients over TCP. Netty event
 * loops do the I/O; each connection runs its requests in order on its own worker thread; each cage's bus is shared by
 * every client like a physical bus, optionally held for the time a real transfer takes ({@link BusTiming}). See
 * docs/emulator-server.md, "Link server".
 */
public final class LinkServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkServer.class);

    /** The name sent in HELLO_OK. */
    public static final String NAME = "openxpo-emulator";
    /** How long {@link #close()} waits for the event loops and connection workers to finish. */
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final Map<Integer, CageBus> cages;
    private final EventLoopGroup acceptor, io;
    private final ChannelGroup channels = new DefaultChannelGroup("xpo-link", GlobalEventExecutor.INSTANCE);
    private final Set<RequestWorker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger listeners = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel serverChannel;
    private InetSocketAddress boundAddress;

    private LinkServer(Map<Integer, CageBus> cages) {
        this.cages = cages;
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("xpo-link-accept"),
            NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("xpo-link-io"), NioIoHandler.newFactory());
    }

    /**
     * Serves {@code chassis} on {@code bind} (port 0 picks a free port, see {@link #port()}).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static LinkServer start(Chassis chassis, InetSocketAddress bind, BusTiming timing) {
        Map<Integer, CageBus> cages = new LinkedHashMap<>();
        for (int n : chassis.cages()) cages.put(n, new CageBus(n, chassis.cage(n), timing));
        if (cages.size() > LinkLimits.MAX_CAGES)
            throw new IllegalArgumentException("the link serves at most " + LinkLimits.MAX_CAGES + " cages, not " + cages.size());
        LinkServer server = new LinkServer(Collections.unmodifiableMap(cages));
        server.bind(bind);
        log.info("link server listening on {}:{} (bus timing {})", server.address().getHostString(), server.port(), timing);
        return server;
    }

    private void bind(InetSocketAddress bind) {
        try {
            serverChannel = new ServerBootstrap().group(acceptor, io).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                    new WriteBufferWaterMark(LinkLimits.MAX_QUEUED_BYTES / 2, LinkLimits.MAX_QUEUED_BYTES))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new LinkFrameDecoder(), new LinkFrameEncoder(),
                            new LinkSessionHandler(LinkServer.this));
                    }
                })
                .bind(bind).sync().channel();
            boundAddress = (InetSocketAddress) serverChannel.localAddress();
        } catch (Exception e) {
            shutdownEventLoops();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException("cannot listen on " + bind + ": " + e.getMessage(), cause);
        }
    }

    /** The port the server listens on (the one picked when bound to port 0). */
    public int port() { return address().getPort(); }

    /** The address the server listens on (the actual port when bound to port 0). */
    public InetSocketAddress address() { return boundAddress; }

    /** Open client connections. */
    public int connections() { return connections.get(); }

    /** Event listeners the server's connections hold on cages (one per connection and subscribed cage). */
    public int subscriptions() { return listeners.get(); }

    /** Bus counters of {@code cage} since the server started. */
    public CageStatistics statistics(int cage) {
        CageBus bus = cages.get(cage);
        if (bus == null) throw new IllegalArgumentException("no cage " + cage + " (cages are " + cages.keySet() + ")");
        return bus.statistics();
    }

    /** Stops listening, closes every connection, then shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        shutdownEventLoops();
        for (RequestWorker w : workers) {
            w.stop();
            joinQuietly(w.thread());
        }
        log.info("link server on port {} closed", port());
    }

    private void shutdownEventLoops() {
        acceptor.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        io.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        io.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(CLOSE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ for the connections

    Map<Integer, CageBus> cageBuses() { return cages; }

    AtomicInteger listenerGauge() { return listeners; }

    void connectionOpened() { connections.incrementAndGet(); }

    void connectionClosed() { connections.decrementAndGet(); }

    /** A connection's worker, tracked until its thread ends so that {@link #close()} can wait for it. */
    RequestWorker startWorker(Channel channel, Outbox outbox, RequestExecutor executor) {
        RequestWorker worker = new RequestWorker(channel, outbox, executor, workers::remove);
        workers.add(worker);
        worker.start();
        return worker;
    }
}
