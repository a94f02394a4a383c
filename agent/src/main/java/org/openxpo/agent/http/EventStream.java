package org.openxpo.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.openxpo.agent.control.FirmwareStatus;
import org.openxpo.agent.core.ModuleEvent;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.driver.json.XpoJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code GET /api/events}: the agent's changes as Server-Sent Events. A new stream starts with a {@code modules}
 * event holding every module's summary, so a client (re)connecting needs no replay: {@code Last-Event-ID} is ignored.
 * Then {@code module} (a summary changed), {@code alarm}, {@code removed}, {@code firmware} and, for the module named
 * by {@code ?module=NAME}, {@code snapshot} (the full module document after each poll). A comment line every
 * {@link #HEARTBEAT} keeps proxies from closing an idle stream. A client that does not keep up (more than
 * {@link #BEHIND_LIMIT} bytes queued for it: a few of the watched module's snapshot documents, so a browser busy for a
 * moment is not cut) is disconnected rather than buffered for: it reconnects and starts from the current state, which includes
 * the latest {@code firmware} event of each module that had an update (its end may have come while it was away).
 */
final class EventStream implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int BEHIND_LIMIT = 1 << 20;
    private static final ByteBuf HEARTBEAT_LINE = Unpooled.unreleasableBuffer(
        Unpooled.copiedBuffer(": heartbeat\n\n", StandardCharsets.UTF_8).asReadOnly());

    private final ModuleRegistry registry;
    private final Function<String, Optional<FirmwareStatus>> firmwareOf;
    private final Map<Channel, String> clients = new ConcurrentHashMap<>(); // channel → module of interest ("" none)
    private final AtomicLong ids = new AtomicLong();
    private final AutoCloseable subscription;
    private final ScheduledFuture<?> heartbeat;

    EventStream(ModuleRegistry registry, Function<String, Optional<FirmwareStatus>> firmwareOf,
                ScheduledExecutorService timer) {
        this.registry = registry;
        this.firmwareOf = firmwareOf;
        this.subscription = registry.addListener(this::onEvent);
        long period = HEARTBEAT.toMillis();
        this.heartbeat = timer.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** Turns the connection into an event stream; {@code module} null for no snapshots. */
    void open(ChannelHandlerContext ctx, String module) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setTransferEncodingChunked(head, true);
        Channel ch = ctx.channel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(BEHIND_LIMIT / 2, BEHIND_LIMIT));
        if (ch.pipeline().get(ReadTimeoutHandler.class) != null) ch.pipeline().remove(ReadTimeoutHandler.class);
        ctx.write(head);
        ctx.writeAndFlush(new DefaultHttpContent(frame("modules", new ApiJson.Modules(ApiJson.MODULES,
            registry.views().stream().map(ApiJson.Summary::of).toList()))));
        clients.put(ch, module == null ? "" : module);
        ch.closeFuture().addListener(f -> clients.remove(ch));
        // after joining the broadcast, so that no status falls between; a client drops one older than it has seen
        for (ModuleView v : registry.views()) {
            firmwareOf.apply(v.name()).ifPresent(st -> ctx.writeAndFlush(new DefaultHttpContent(frame("firmware", st))));
        }
    }

    int clients() { return clients.size(); }

    void firmware(FirmwareStatus s) { broadcast(frame("firmware", s), null); }

    private void onEvent(ModuleEvent e) {
        if (clients.isEmpty()) return;
        switch (e) {
            case ModuleEvent.Added a -> broadcast(frame("module", ApiJson.Summary.of(a.view())), null);
            case ModuleEvent.Changed c -> broadcast(frame("module", ApiJson.Summary.of(c.view())), null);
            case ModuleEvent.SnapshotUpdated s -> {
                broadcast(frame("module", ApiJson.Summary.of(s.view())), null);
                if (clients.containsValue(s.module())) broadcast(frame("snapshot", ApiJson.Module.of(s.view())), s.module());
            }
            case ModuleEvent.AlarmChanged a -> broadcast(frame("alarm", ApiJson.AlarmEntry.of(a.module(), a.entry())), null);
            case ModuleEvent.Removed r -> broadcast(frame("removed", ApiJson.Removed.now(r.module())), null);
        }
    }

    /** Sends {@code frame} to every client, or only to those watching {@code module}; releases it. */
    private void broadcast(ByteBuf frame, String module) {
        try {
            clients.forEach((ch, watched) -> {
                if (module != null && !module.equals(watched)) return;
                if (!ch.isWritable()) {
                    ch.close(); // too slow: it reconnects and gets the current state
                    return;
                }
                ch.writeAndFlush(new DefaultHttpContent(frame.retainedDuplicate()));
            });
        } finally {
            frame.release();
        }
    }

    private void beat() {
        clients.keySet().forEach(ch -> ch.writeAndFlush(new DefaultHttpContent(HEARTBEAT_LINE.duplicate()))
            .addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
    }

    private ByteBuf frame(String event, Object data) {
        String json = XpoJson.compact(data);
        return Unpooled.copiedBuffer("id: " + ids.incrementAndGet() + "\nevent: " + event + "\ndata: " + json + "\n\n",
            StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        heartbeat.cancel(false);
        try {
            subscription.close();
        } catch (Exception ignored) {
            // removing a listener does not fail
        }
        clients.keySet().forEach(Channel::close);
    }
}
