package org.openxpo.emulator.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkFrameDecoder;
import org.openxpo.protocol.link.LinkFrameEncoder;
import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator link server (docs/wire-protocol.md): serves a chassis's cages to link clients over TCP. Netty event
 * loops do the I/O; each connection runs its requests in order on a pooled thread while it has work; each cage's bus is
 * shared by every client like a physical bus, optionally held for the time a real transfer takes ({@link BusTiming}).
 * What clients may cost together is bounded by {@link ServerLimits}. See docs/emulator-server.md, "Link server".
 */
public final class LinkServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkServer.class);

    /** The name sent in HELLO_OK. */
    public static final String NAME = "openxpo-emulator";
    /** How long {@link #close()} waits for the event loops and connection workers to finish. */
    private static final long CLOSE_TIMEOUT_MS = 5_000;
    /** How long a pool thread without work stays for the next connection that has some. */
    private static final long WORKER_KEEP_ALIVE_S = 10;
    /**
     * The channel's own outbound buffer: small, so that a backlog stays in the {@link Outbox}, where it is counted and
     * can be dropped.
     */
    private static final WriteBufferWaterMark CHANNEL_BUFFER = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final Map<Integer, CageBus> cages;
    private final ServerLimits limits;
    private final MemoryBudget budget;
    private final EventLoopGroup acceptor, io;
    private final ExecutorService workers;
    private final ChannelGroup channels = new DefaultChannelGroup("xpo-link", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final RefusalReport refusalReport = new RefusalReport(System::nanoTime);
    private final AtomicInteger listeners = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel serverChannel;
    private InetSocketAddress boundAddress;

    private LinkServer(Map<Integer, CageBus> cages, ServerLimits limits) {
        this.cages = cages;
        this.limits = limits;
        this.budget = new MemoryBudget(limits.memoryBudgetBytes());
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("xpo-link-accept"),
            NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("xpo-link-io"), NioIoHandler.newFactory());
        // one thread per connection that has work, none for idle ones; a connection never has two tasks queued, so
        // the pool never queues (SynchronousQueue) and its size stays within the connections served
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, WORKER_KEEP_ALIVE_S, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("xpo-link-worker-", 1).factory());
    }

    /** {@link #start(Chassis, InetSocketAddress, BusTiming, ServerLimits)} with {@link ServerLimits#DEFAULT}. */
    public static LinkServer start(Chassis chassis, InetSocketAddress bind, BusTiming timing) {
        return start(chassis, bind, timing, ServerLimits.DEFAULT);
    }

    /**
     * Serves {@code chassis} on {@code bind} (port 0 picks a free port, see {@link #port()}) within {@code limits}.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static LinkServer start(Chassis chassis, InetSocketAddress bind, BusTiming timing, ServerLimits limits) {
        Map<Integer, CageBus> cages = new LinkedHashMap<>();
        for (int n : chassis.cages()) cages.put(n, new CageBus(n, chassis.cage(n), timing));
        if (cages.size() > LinkLimits.MAX_CAGES)
            throw new IllegalArgumentException("the link serves at most " + LinkLimits.MAX_CAGES + " cages, not " + cages.size());
        LinkServer server = new LinkServer(Collections.unmodifiableMap(cages), limits);
        server.bind(bind);
        log.info("link server listening on {}:{} (bus timing {})", server.address().getHostString(), server.port(), timing);
        return server;
    }

    private void bind(InetSocketAddress bind) {
        try {
            serverChannel = new ServerBootstrap().group(acceptor, io).channelFactory(LinkListenChannel::new)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, CHANNEL_BUFFER)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        if (!admit(ch)) return;
                        if (limits.idleTimeoutEnabled())
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
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

    /** Open client connections (those refused over the connection limit not counted). */
    public int connections() { return connections.get(); }

    /** The limits the server enforces. */
    public ServerLimits limits() { return limits; }

    /** Connections refused since the start because the connection limit was reached. */
    public int refusedConnections() { return refused.get(); }

    /** Bytes of outbound frames all connections hold now, counted against {@link ServerLimits#memoryBudgetBytes()}. */
    public long queuedBytes() { return budget.used(); }

    /** The most {@link #queuedBytes()} has been once the connections over the budget were shed. */
    public long peakQueuedBytes() { return budget.peak(); }

    /** Connections dropped since the start because the memory budget was used up (the largest queues first). */
    public long shedConnections() { return budget.shedConnections(); }

    /** Threads of the request pool, busy or waiting for a connection with work (they end after 10 s without). */
    public int workerThreads() { return ((ThreadPoolExecutor) workers).getPoolSize(); }

    /** Threads running a connection's requests now (or waiting briefly for its next one); idle connections hold none. */
    public int busyWorkerThreads() { return ((ThreadPoolExecutor) workers).getActiveCount(); }

    /** Event listeners the server's connections hold on cages (one per connection and subscribed cage). */
    public int subscriptions() { return listeners.get(); }

    /** Bus counters of {@code cage} since the server started. */
    public CageStatistics statistics(int cage) {
        CageBus bus = cages.get(cage);
        if (bus == null) throw new IllegalArgumentException("no cage " + cage + " (cages are " + cages.keySet() + ")");
        return bus.statistics();
    }

    /**
     * Runs {@code transfers} on {@code cage}'s shared bus exactly as a link client's I2C batch runs: the bus held from the
     * first transfer to the last, turns taken with the link's clients, bus timing and counters alike. For the
     * emulator's other faces (the xcvr-emu gRPC service), which drive the module as a host would.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits for the bus
     */
    public List<List<I2cResult>> i2cBatch(int cage, List<List<I2cMessage>> transfers) throws InterruptedException {
        CageBus bus = cages.get(cage);
        if (bus == null) throw new IllegalArgumentException("no cage " + cage + " (cages are " + cages.keySet() + ")");
        BusSlot slot = new BusSlot(System.nanoTime());
        List<List<I2cResult>> results = bus.i2cBatch(transfers, slot);
        // no outbox holds this answer back: the caller returns it at once, so it waits out the last of the bus time
        if (slot.timed()) {
            PreciseWait.until(slot.answerAt());
            if (Thread.interrupted()) throw new InterruptedException("interrupted while the bus time ran out");
        }
        return results;
    }

    /** Stops listening, closes every connection, then shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        shutdownEventLoops();
        workers.shutdown();
        awaitQuietly(workers);
        log.info("link server on port {} closed", port());
    }

    private void shutdownEventLoops() {
        acceptor.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        io.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        io.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) log.warn("link workers still busy after close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ for the connections

    Map<Integer, CageBus> cageBuses() { return cages; }

    AtomicInteger listenerGauge() { return listeners; }

    MemoryBudget budget() { return budget; }

    ExecutorService workers() { return workers; }

    /**
     * Counts {@code ch} as served if the connection limit allows it; else answers it ERROR BUSY (request id 0, the
     * connection is refused before any frame) and closes it.
     */
    private boolean admit(SocketChannel ch) {
        int n;
        do {
            n = connections.get();
            if (n >= limits.maxConnections()) {
                refused.incrementAndGet();
                int report = refusalReport.refused();
                if (report > 0) {
                    log.warn("refusing link connection from {}: {} connections are open (the limit){}", ch.remoteAddress(),
                        n, report > 1 ? "; " + report + " refused since the last report" : "");
                }
                ch.pipeline().addLast(new LinkFrameEncoder());
                ch.writeAndFlush(new Frame.ErrorReply(0, LinkError.BUSY, "the server serves at most "
                    + limits.maxConnections() + " connections at once; try again later"))
                    .addListener(ChannelFutureListener.CLOSE);
                return false;
            }
        } while (!connections.compareAndSet(n, n + 1));
        ch.closeFuture().addListener(f -> connections.decrementAndGet());
        return true;
    }
}
