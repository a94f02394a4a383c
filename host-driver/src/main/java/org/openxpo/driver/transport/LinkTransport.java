package org.openxpo.driver.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.openxpo.driver.XpoException;
import org.openxpo.protocol.link.EventKind;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.FrameCodec;
import org.openxpo.protocol.link.LinkFrameDecoder;
import org.openxpo.protocol.link.LinkProtocolException;
import org.openxpo.protocol.link.LinkVersion;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.ControlConnector;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The emulator link client (docs/wire-protocol.md): one TCP connection to the emulator server for one cage. Requests
 * are pipelined (many in flight, answered in order, matched by request id), each with a timeout; a waiting call's
 * request is written from the caller's thread when nothing is queued ahead of it ({@link RequestStream}). When the connection
 * drops, pending requests fail with {@link XpoException.LinkFailure} and the transport reconnects in the background
 * with exponential backoff, redoes the handshake and its event subscription, and tells reconnect listeners (the
 * register cache forgets the page selection).
 */
public final class LinkTransport implements Transport {
    /** Timeouts and backoff of the link. */
    public record Options(Duration connectTimeout, Duration requestTimeout, Duration firstBackoff, Duration maxBackoff,
                          String clientName) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofMillis(50), Duration.ofSeconds(2), "openxpo-host-driver");
    }

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(2,
        new DefaultThreadFactory("xpo-link", true), NioIoHandler.newFactory());

    /**
     * Stops the I/O threads every link transport of this JVM shares, for a program about to exit: the JVM's exit waits
     * up to 300 ms for threads that are in native code, as these are while they wait in epoll. No link transport of
     * this JVM works afterwards.
     */
    public static void stopIoThreads() {
        GROUP.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    private final String host;
    private final int port;
    private final int cage;
    private final Options options;
    private final AtomicInteger ids = new AtomicInteger();
    /** Requests sent and not yet answered, by id, each with the {@link System#nanoTime()} by which it must be. */
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final List<Consumer<TargetEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    /** The established connection's requests (its channel: {@link RequestStream#channel()}); null before the first. */
    private volatile RequestStream stream;
    private volatile OverdueSweep.Registration overdueSweep;
    private volatile boolean closed;
    private volatile boolean subscribed;
    private volatile int cageCount;
    /** The session's minor (the smaller of ours and the server's): 1.1 and later take I2C_BATCH and I3C_BATCH. */
    private volatile int sessionMinor;

    /** A request's answer to come, by when, and the event loop of its connection (where the answer arrives). */
    private record Pending(CompletableFuture<Frame> answer, long deadline, EventLoop loop) {}

    private LinkTransport(String host, int port, int cage, Options options) {
        this.host = host;
        this.port = port;
        this.cage = cage;
        this.options = options;
    }

    /**
     * How often unanswered requests are checked against their deadline: a quarter of the request timeout, so a request
     * without an answer fails between one and 1.25 timeouts after it was sent. One sweep for every connection with this
     * timeout ({@link OverdueSweep}) instead of one timer per request keeps pipelined requests and large chassis cheap.
     */
    private long sweepNanos() { return Math.max(1, options.requestTimeout().toNanos() / 4); }

    /** Fails the requests whose deadline has passed (on the event loop, every {@link #sweepNanos()}). */
    private void failOverdue() {
        long now = System.nanoTime();
        for (Map.Entry<Integer, Pending> e : pending.entrySet()) {
            if (now - e.getValue().deadline() >= 0) fail(e.getKey(), noAnswer());
        }
    }

    private XpoException noAnswer() {
        return new XpoException.LinkFailure("no answer from " + describe() + " within " + options.requestTimeout().toMillis() + " ms");
    }

    private CompletableFuture<Frame> register(RequestStream requests, int id) {
        CompletableFuture<Frame> f = new CompletableFuture<>();
        pending.put(id, new Pending(f, System.nanoTime() + options.requestTimeout().toNanos(), requests.channel().eventLoop()));
        return f;
    }

    /** Connects, does the handshake and checks that the cage exists; fails with one clear message. */
    public static LinkTransport connect(String host, int port, int cage, Options options) {
        LinkTransport t = new LinkTransport(host, port, cage, options);
        t.open();
        if (cage > t.cageCount) {
            t.close();
            throw new XpoException.Unsupported("the emulator at " + host + ":" + port + " has cages 1-" + t.cageCount
                + ", not " + cage);
        }
        return t;
    }

    public static LinkTransport connect(TargetUri uri) {
        return connect(uri.host(), uri.port(), uri.cage(), Options.DEFAULT);
    }

    private void open() {
        RequestStream.LinkChannel ch;
        try {
            ch = (RequestStream.LinkChannel) new Bootstrap().group(GROUP).channelFactory(RequestStream.LinkChannel::new)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpAnswerDetector(host + ":" + port), new LinkFrameDecoder(),
                            new Inbound());
                    }
                })
                .connect(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new XpoException.LinkFailure("cannot reach the emulator at " + host + ":" + port + " ("
                + rootMessage(e) + ")", e);
        }
        // The handshake runs on this channel before it becomes the transport's channel, so no caller's request
        // can reach the server ahead of the HELLO after a reconnect.
        RequestStream requests = new RequestStream(ch);
        try {
            Frame hello = call(requests, new Frame.Hello(nextId(), LinkVersion.MAJOR, LinkVersion.MINOR, options.clientName()));
            if (!(hello instanceof Frame.HelloOk ok)) throw unexpected(hello);
            cageCount = ok.cageCount();
            sessionMinor = LinkVersion.sessionMinor(ok.minor());
            if (subscribed) call(requests, new Frame.Subscribe(nextId(), cage, EventKind.all()));
        } catch (XpoException e) {
            ch.close();
            throw e;
        }
        stream = requests;
        if (overdueSweep == null) overdueSweep = OverdueSweep.every(sweepNanos(), GROUP, this::failOverdue);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private int nextId() {
        int id;
        do id = ids.incrementAndGet(); while (id == 0);
        return id;
    }

    /**
     * Sends a request and waits for its answer; an ERROR answer becomes an exception, an interrupt of the waiting thread
     * {@link XpoException.Aborted} (its interrupt flag stays set). The request leaves from this thread when nothing
     * of the connection is queued ({@link RequestStream#send}).
     */
    private Frame call(Frame request) { return call(stream, request); }

    private Frame call(RequestStream requests, Frame request) {
        if (closed) throw new XpoException.LinkFailure("link to " + describe() + " is closed");
        if (requests == null || !requests.channel().isActive()) {
            throw new XpoException.LinkFailure("link to " + describe() + " is down (reconnecting)");
        }
        byte[] bytes = encode(request);
        CompletableFuture<Frame> f = register(requests, request.requestId());
        try {
            requests.send(bytes);
        } catch (IOException e) {
            pending.remove(request.requestId());
            requests.channel().close();
            throw new XpoException.LinkFailure("send failed: " + rootMessage(e), e);
        }
        try {
            return accepted(f.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.remove(request.requestId());
            throw noAnswer();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof XpoException x ? x : new XpoException.LinkFailure(rootMessage(e), e);
        } catch (InterruptedException e) {
            pending.remove(request.requestId());
            Thread.currentThread().interrupt();
            throw new XpoException.Aborted("interrupted while waiting for " + describe());
        }
    }

    /** The answer, unless it is an ERROR frame: that becomes the exception a caller sees. */
    private static Frame accepted(Frame answer) {
        if (answer instanceof Frame.ErrorReply e) {
            throw switch (e.error()) {
                case UNKNOWN_CAGE, BAD_ARGUMENT, UNSUPPORTED -> new XpoException.Unsupported(e.message());
                default -> new XpoException.LinkFailure("emulator refused the request: " + e.error() + ": " + e.message());
            };
        }
        return answer;
    }

    /** The request's bytes; one beyond the link's frame limit fails as a send would, and the link stays up. */
    private static byte[] encode(Frame request) {
        try {
            return FrameCodec.encode(request);
        } catch (IllegalArgumentException e) {
            throw new XpoException.LinkFailure("send failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails a pending request on its connection's event loop, where its answer would have completed it: an asynchronous
     * caller's follow-up runs on that thread whether the answer came or not ({@link #i2cBatchAsync}).
     */
    private void fail(int id, XpoException e) {
        Pending p = pending.remove(id);
        if (p == null) return;
        if (p.loop().inEventLoop()) {
            p.answer().completeExceptionally(e);
            return;
        }
        try {
            p.loop().execute(() -> p.answer().completeExceptionally(e));
        } catch (RejectedExecutionException stopped) {
            p.answer().completeExceptionally(e);  // the I/O threads are stopped: no thread is left to hand it to
        }
    }

    private XpoException unexpected(Frame f) {
        return new XpoException.LinkFailure("unexpected answer " + f.type() + " from " + describe());
    }

    /** Handles frames from the server on the event loop: answers complete futures, events go to listeners. */
    private final class Inbound extends SimpleChannelInboundHandler<Frame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
            if (frame instanceof Frame.Event ev) {
                if (ev.event().cage() == cage) for (Consumer<TargetEvent> l : listeners) l.accept(ev.event());
                return;
            }
            Pending p = pending.remove(frame.requestId());
            if (p != null) {
                p.answer().complete(frame);
            } else if (frame instanceof Frame.ErrorReply e && e.requestId() == 0) {
                failAll(new XpoException.LinkFailure("emulator closed the session: " + e.error() + ": " + e.message()));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String why = cause instanceof LinkProtocolException p ? "protocol error from the emulator: " + p : rootMessage(cause);
            failAll(new XpoException.LinkFailure(why, cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failAll(new XpoException.LinkFailure("link to " + describe() + " dropped"));
            // Only the established channel reconnects; a channel whose handshake failed is retried by its opener.
            RequestStream established = stream;
            if (!closed && established != null && ctx.channel() == established.channel()) {
                scheduleReconnect(options.firstBackoff().toNanos());
            }
        }
    }

    private void failAll(XpoException e) {
        for (Integer id : pending.keySet()) fail(id, e);
    }

    private void scheduleReconnect(long delayNanos) {
        GROUP.schedule(() -> {
            if (closed) return;
            Thread.ofVirtual().start(() -> {
                try {
                    open();
                    reconnectListeners.forEach(Runnable::run);
                } catch (XpoException e) {
                    scheduleReconnect(Math.min(delayNanos * 2, options.maxBackoff().toNanos()));
                }
            });
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The server pushes a module's restart as a RESET event in the same ordered stream as its IntL edges; a link drop,
     * during which events may be lost, is followed by the reconnect listeners (the access layer forgets its selection).
     */
    @Override
    public boolean hasResetEvents() { return true; }

    /** True while the connection is up. */
    public boolean connected() {
        RequestStream requests = stream;
        return requests != null && requests.channel().isActive();
    }

    /** Called after each successful reconnect (the handshake and subscription are redone by then). */
    @Override
    public void onReconnect(Runnable r) { reconnectListeners.add(r); }

    public int cage() { return cage; }

    // ------------------------------------------------------------------ the target interface

    @Override
    public String describe() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "tcp://" + h + ":" + port + "/" + cage;
    }

    @Override
    public List<I2cResult> i2c(List<I2cMessage> messages) {
        Frame f = call(new Frame.I2cTransfer(nextId(), cage, messages));
        if (f instanceof Frame.TransferResult r) return r.results();
        throw unexpected(f);
    }

    /**
     * One I2C_BATCH request (one round trip; the server stops at the first failed transfer) when the session speaks
     * 1.1, else one transfer at a time. Batches beyond one frame's limits are sent as several requests in order.
     */
    @Override
    public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
        if (sessionMinor < LinkVersion.BATCH_MINOR) return Transport.super.i2cBatch(transfers);
        return batch(transfers, part -> new Frame.I2cBatch(nextId(), cage, part));
    }

    /** {@link #i2cBatch} of I3C private transfers: I3C_BATCH requests. */
    @Override
    public List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> transfers) {
        if (sessionMinor < LinkVersion.BATCH_MINOR) return Transport.super.i3cBatch(transfers);
        return batch(transfers, part -> new Frame.I3cBatch(nextId(), cage, part));
    }

    private List<List<I2cResult>> batch(List<List<I2cMessage>> transfers,
                                        java.util.function.Function<List<List<I2cMessage>>, Frame> request) {
        List<List<I2cResult>> results = new ArrayList<>(transfers.size());
        for (List<List<I2cMessage>> part : BatchSplitter.split(transfers)) {
            boolean failed = !results.isEmpty() && !results.get(results.size() - 1).stream().allMatch(I2cResult::ok);
            if (failed) {
                for (List<I2cMessage> t : part) results.add(ControlConnector.skipped(t.size()));
                continue;
            }
            Frame f = call(request.apply(part));
            if (!(f instanceof Frame.BatchResult r)) throw unexpected(f);
            results.addAll(r.results());
        }
        return results;
    }

    @Override
    public List<I2cResult> i3c(List<I2cMessage> messages) {
        Frame f = call(new Frame.I3cTransfer(nextId(), cage, messages));
        if (f instanceof Frame.TransferResult r) return r.results();
        throw unexpected(f);
    }

    /**
     * Sends a transfer without waiting: for pipelined throughput. The future completes with the results, or fails with
     * {@link XpoException.LinkFailure} when the link drops or no answer came within the request timeout (checked a
     * quarter of the timeout at a time, see {@link #sweepNanos()}).
     */
    public CompletableFuture<List<I2cResult>> i2cAsync(List<I2cMessage> messages) {
        return submit(new Frame.I2cTransfer(nextId(), cage, messages), false).thenApply(a -> {
            if (a instanceof Frame.TransferResult r) return r.results();
            throw unexpected(a);
        });
    }

    /**
     * True on this link's event loop (inside an event listener) while the connection is up and speaks 1.1: there
     * {@link #i2cBatchAsync} writes its request at once and its answer completes the future on the same thread.
     */
    @Override
    public boolean sendsAsyncHere() {
        RequestStream requests = stream;
        return !closed && sessionMinor >= LinkVersion.BATCH_MINOR && requests != null && requests.channel().isActive()
            && requests.channel().eventLoop().inEventLoop();
    }

    /**
     * {@link #i2cBatch} without waiting, from the event loop only ({@link #sendsAsyncHere()}): the request is written to
     * the socket from this thread (no task, no wake-up), and the answer — or the link's failure, or the request
     * timeout — completes the future on this event loop. A batch beyond one frame's limits goes as several requests,
     * each sent when the one before it is answered.
     */
    @Override
    public CompletableFuture<List<List<I2cResult>>> i2cBatchAsync(List<List<I2cMessage>> transfers) {
        if (!sendsAsyncHere()) return Transport.super.i2cBatchAsync(transfers);
        return batchAsync(BatchSplitter.split(transfers), 0, new ArrayList<>(transfers.size()));
    }

    private CompletableFuture<List<List<I2cResult>>> batchAsync(List<List<List<I2cMessage>>> parts, int k,
                                                              List<List<I2cResult>> results) {
        if (k == parts.size()) return CompletableFuture.completedFuture(results);
        boolean failed = !results.isEmpty() && !results.get(results.size() - 1).stream().allMatch(I2cResult::ok);
        if (failed) {
            for (List<I2cMessage> t : parts.get(k)) results.add(ControlConnector.skipped(t.size()));
            return batchAsync(parts, k + 1, results);
        }
        return submit(new Frame.I2cBatch(nextId(), cage, parts.get(k)), true).thenCompose(f -> {
            if (!(f instanceof Frame.BatchResult r)) throw unexpected(f);
            results.addAll(r.results());
            return batchAsync(parts, k + 1, results);
        });
    }

    /**
     * Sends {@code request} without waiting for its answer: written to the socket from this thread when
     * {@code writeHere} (the event loop, {@link #sendsAsyncHere()}), else queued for the event loop to write. The future
     * completes on the event loop with the accepted answer, or fails with the link or the request timeout.
     */
    private CompletableFuture<Frame> submit(Frame request, boolean writeHere) {
        RequestStream requests = stream;
        if (closed || requests == null || !requests.channel().isActive()) {
            return CompletableFuture.failedFuture(new XpoException.LinkFailure("link to " + describe() + " is down"));
        }
        byte[] bytes;
        try {
            bytes = encode(request);
        } catch (XpoException.LinkFailure e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Frame> f = register(requests, request.requestId());
        if (!writeHere) {
            requests.queue(bytes);
        } else {
            try {
                requests.send(bytes);
            } catch (IOException e) {
                fail(request.requestId(), new XpoException.LinkFailure("send failed: " + rootMessage(e), e));
                requests.channel().close();
            }
        }
        return f.thenApply(LinkTransport::accepted);
    }

    @Override
    public CccResult ccc(CccRequest request) {
        Frame f = call(new Frame.CccCall(nextId(), cage, request));
        if (f instanceof Frame.CccAnswer a) return a.result();
        throw unexpected(f);
    }

    @Override
    public List<I3cDevice> entdaa(int firstAddress) {
        Frame f = call(new Frame.EntdaaCall(nextId(), cage, firstAddress));
        if (f instanceof Frame.EntdaaAnswer a) return a.devices();
        throw unexpected(f);
    }

    @Override
    public void writePin(Pin pin, boolean high) {
        if (!pin.hostDriven()) throw new XpoException.Unsupported(pin + " is driven by the module, not the host");
        call(new Frame.PinWrite(nextId(), cage, pin, high));
    }

    @Override
    public boolean readPin(Pin pin) {
        Frame f = call(new Frame.PinRead(nextId(), cage));
        if (f instanceof Frame.PinLevels l) return Boolean.TRUE.equals(l.levels().get(pin));
        throw unexpected(f);
    }

    @Override
    public AutoCloseable subscribe(Consumer<TargetEvent> listener) {
        listeners.add(listener);
        synchronized (this) {
            if (!subscribed) {
                call(new Frame.Subscribe(nextId(), cage, EventKind.all()));
                subscribed = true;
            }
        }
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        OverdueSweep.Registration sweep = overdueSweep;
        if (sweep != null) sweep.close();
        RequestStream requests = stream;
        if (requests != null) requests.channel().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        failAll(new XpoException.LinkFailure("link to " + describe() + " is closed"));
    }
}
