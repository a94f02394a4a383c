package org.openxpo.agent.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openxpo.agent.control.ControlException;
import org.openxpo.agent.control.ModuleControls;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.MonitoredModule;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.http.HttpReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Routes a request that passed the guards: {@code /metrics}, the REST API under {@code /api}, the event stream and
 * the dashboard's files. Anything that may block (a scrape of many modules, a control operation on a bus) runs on a
 * virtual thread, never on the event loop.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /** The connection's last answer: the next one is written after it. */
    private static final AttributeKey<CompletableFuture<Void>> ANSWERED = AttributeKey.valueOf("openxpo.answered");
    private static final String MODULES = "/api/modules", EVENTS = "/api/events";
    private static final JsonMapper STRICT = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final ModuleRegistry registry;
    private final ModuleControls controls;
    private final EventStream events;
    private final StaticAssets assets;
    private final PrometheusRegistry metrics;
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final ExecutorService blocking;

    ApiHandler(ModuleRegistry registry, ModuleControls controls, EventStream events, StaticAssets assets,
               PrometheusRegistry metrics, ExecutorService blocking) {
        this.registry = registry;
        this.controls = controls;
        this.events = events;
        this.assets = assets;
        this.metrics = metrics;
        this.blocking = blocking;
    }

    /** An answer: status, JSON body (or raw bytes with their type), headers. */
    record Reply(int status, Object json, byte[] bytes, String type, Map<String, String> headers) {
        static Reply json(int status, Object body) { return new Reply(status, body, null, null, Map.of()); }

        static Reply error(int status, String message) { return json(status, HttpReplies.errorBody(status, message)); }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        HttpMethod method = req.method();
        req.retain();
        Runnable work = path.equals(EVENTS) && method.equals(HttpMethod.GET)
            ? () -> { req.release(); events.open(ctx, first(uri, "module")); }
            : () -> answer(ctx, req, uri);
        // scrapes and controls run on the blocking pool; a pipelining client still gets its answers in request order
        Executor where = path.equals("/metrics") || method.equals(HttpMethod.POST) ? blocking : ctx.executor();
        Attribute<CompletableFuture<Void>> tail = ctx.channel().attr(ANSWERED);
        CompletableFuture<Void> previous = tail.get() == null ? CompletableFuture.completedFuture(null) : tail.get();
        tail.set(previous.handle((done, failed) -> done).thenRunAsync(work, where));
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri) {
        try {
            Reply r;
            try {
                r = route(req, uri);
            } catch (ControlException e) {
                r = Reply.error(e.status(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed: {}", req.method(), uri.path(), e.toString());
                r = Reply.error(500, "internal error: " + e.getClass().getSimpleName());
            }
            HttpReplies.send(ctx, req, response(r));
        } finally {
            req.release();
        }
    }

    private FullHttpResponse response(Reply r) {
        if (r.bytes() == null) {
            // the driver's mapper: members in declaration order, like every other openxpo document
            byte[] json = XpoJson.mapper().writeValueAsBytes(r.json());
            return response(new Reply(r.status(), null, json, "application/json", r.headers()));
        }
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
            Unpooled.wrappedBuffer(r.bytes()));
        if (r.type() != null) res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.type());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.bytes().length);
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        return res;
    }

    private Reply route(FullHttpRequest req, QueryStringDecoder uri) {
        String path = uri.path();
        boolean get = req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
        if (path.equals("/metrics")) return get ? scrape(req) : notAllowed("GET");
        if (path.equals(EVENTS)) return notAllowed("GET");
        if (path.equals(MODULES)) {
            if (!get) return notAllowed("GET");
            return Reply.json(200, new ApiJson.Modules(ApiJson.MODULES, registry.views().stream().map(ApiJson.Summary::of).toList()));
        }
        if (path.startsWith(MODULES + "/")) return module(req, path.substring(MODULES.length() + 1).split("/", -1), get);
        if (path.startsWith("/api/") || path.equals("/api")) return Reply.error(404, "no such resource: " + path);
        if (!get) return notAllowed("GET");
        return asset(req, path);
    }

    private Reply module(FullHttpRequest req, String[] parts, boolean get) {
        if (parts.length > 2) return Reply.error(404, "no such resource");
        MonitoredModule m = registry.module(parts[0]).orElseThrow(() -> new ControlException(404, "no module named '" + parts[0] + "'"));
        if (parts.length == 1) return get ? Reply.json(200, ApiJson.Module.of(m.view())) : notAllowed("GET");
        String name = m.name();
        return switch (parts[1]) {
            case "history" -> get ? Reply.json(200, ApiJson.History.of(m, registry.options().historyWindow().toSeconds()))
                : notAllowed("GET");
            case "alarms" -> get ? Reply.json(200, new ApiJson.Alarms(ApiJson.ALARMS, name,
                m.alarmLog().stream().map(r -> ApiJson.AlarmEntry.of(name, r)).toList())) : notAllowed("GET");
            case "firmware" -> get
                ? Reply.json(200, controls.firmwareStatus(name).orElseThrow(() -> new ControlException(404, "no firmware update was started on " + name)))
                : isPost(req) ? Reply.json(202, controls.startFirmwareUpdate(name, bytes(req), !"false".equals(query(req, "commit"))))
                : notAllowed("GET, POST");
            case "reset" -> isPost(req) ? done(name, "reset", controls.reset(name, read(req, ResetRequest.class).method())) : notAllowed("POST");
            case "lpmode" -> {
                if (!isPost(req)) yield notAllowed("POST");
                LpModeRequest r = read(req, LpModeRequest.class);
                if (r.on() == null) throw new ControlException(400, "'on' (true or false) is required");
                controls.lowPower(name, r.on());
                yield done(name, "lpmode", r.on() ? "low power requested" : "high power allowed");
            }
            case "tx" -> {
                if (!isPost(req)) yield notAllowed("POST");
                TxRequest r = read(req, TxRequest.class);
                if (r.disabled() == null) throw new ControlException(400, "'disabled' (true or false) is required");
                controls.txDisabled(name, r.lanes(), r.disabled());
                yield done(name, "tx", (r.disabled() ? "Tx disabled" : "Tx enabled") + " on "
                    + (r.lanes() == null || r.lanes().isEmpty() ? "every lane" : "lanes " + r.lanes()));
            }
            case "apply" -> {
                if (!isPost(req)) yield notAllowed("POST");
                ApplyRequest r = read(req, ApplyRequest.class);
                if (r.appSel() == null) throw new ControlException(400, "'appSel' (1-15) is required");
                var result = controls.apply(name, r.appSel(), r.lanes());
                yield done(name, "apply", result.application().summary(1) + " on " + result.lanes().cardinality()
                    + " lanes in " + result.took().toMillis() + " ms");
            }
            default -> Reply.error(404, "no such resource: " + parts[1]);
        };
    }

    record ResetRequest(String method) {}

    record LpModeRequest(Boolean on) {}

    record TxRequest(List<Integer> lanes, Boolean disabled) {}

    record ApplyRequest(Integer appSel, List<Integer> lanes) {}

    record Done(String module, String operation, String result) {}

    private static Reply done(String module, String op, String result) { return Reply.json(200, new Done(module, op, result)); }

    private static boolean isPost(FullHttpRequest req) { return req.method().equals(HttpMethod.POST); }

    private static Reply notAllowed(String allow) {
        return new Reply(405, HttpReplies.errorBody(405, "method not allowed; use " + allow), null, null, Map.of("Allow", allow));
    }

    /** The JSON body as a {@code type}; an empty body is an empty object. */
    private static <T> T read(FullHttpRequest req, Class<T> type) {
        String body = req.content().toString(StandardCharsets.UTF_8);
        if (body.isBlank()) body = "{}";
        try {
            return STRICT.readValue(body, type);
        } catch (JacksonException e) {
            throw new ControlException(400, "bad JSON body: " + e.getOriginalMessage());
        }
    }

    private static byte[] bytes(FullHttpRequest req) {
        byte[] b = new byte[req.content().readableBytes()];
        req.content().getBytes(req.content().readerIndex(), b);
        return b;
    }

    private static String query(FullHttpRequest req, String name) { return first(new QueryStringDecoder(req.uri()), name); }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> v = uri.parameters().get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /**
     * The exposition in the format the scraper asks for, gzipped when it accepts that (Prometheus does): the text of
     * a large chassis is tens of MB and compresses about tenfold.
     */
    private Reply scrape(FullHttpRequest req) {
        ExpositionFormatWriter writer = formats.findWriter(req.headers().get(HttpHeaderNames.ACCEPT));
        String encodings = req.headers().get(HttpHeaderNames.ACCEPT_ENCODING, "");
        boolean gzip = encodings.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (java.io.OutputStream out = gzip ? new FastGzip(bytes) : bytes) {
            writer.write(out, metrics.scrape());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Reply(200, null, bytes.toByteArray(), writer.getContentType(),
            gzip ? Map.of("Content-Encoding", "gzip", "Vary", "Accept-Encoding") : Map.of("Vary", "Accept-Encoding"));
    }

    /** gzip at the fastest level: a scrape's text compresses about tenfold even so, at a third of the default's CPU. */
    private static final class FastGzip extends java.util.zip.GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private Reply asset(FullHttpRequest req, String path) {
        return assets.find(path).map(a -> {
            if (a.etag().equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH)))
                return new Reply(304, null, new byte[0], null, Map.of("ETag", a.etag(), "Cache-Control", "no-cache"));
            return new Reply(200, null, a.bytes(), a.contentType(), Map.of("ETag", a.etag(), "Cache-Control", "no-cache",
                "X-Content-Type-Options", "nosniff"));
        }).orElseGet(() -> Reply.error(404, "no such file: " + path));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection failed: {}", cause.toString());
        ctx.close();
    }
}
