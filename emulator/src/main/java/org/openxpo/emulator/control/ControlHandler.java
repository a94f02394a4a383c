package org.openxpo.emulator.control;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.openxpo.emulator.scenario.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP in, JSON out: checks the bearer token, hands the request to the API, turns refusals into JSON errors. */
@ChannelHandler.Sharable
final class ControlHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    private final ControlApi api;
    private final byte[] token;

    ControlHandler(ControlApi api, String token) {
        this.api = api;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Routes.Response response;
        if (!req.decoderResult().isSuccess()) {
            response = error(400, "malformed HTTP request", Map.of());
        } else if (!authorized(req)) {
            response = error(401, "missing or wrong bearer token (send 'Authorization: Bearer <token>')",
                Map.of("WWW-Authenticate", "Bearer realm=\"xpo-emulator\""));
        } else {
            response = handle(req);
        }
        write(ctx, req, response);
    }

    private boolean authorized(FullHttpRequest req) {
        if (token == null) return true;
        String given = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (given == null || !given.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // constant-time comparison: the token is a secret
        return MessageDigest.isEqual(token, given.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private Routes.Response handle(FullHttpRequest req) {
        String body = req.content().toString(StandardCharsets.UTF_8);
        try {
            return api.dispatch(req.method().name(), req.uri(), body);
        } catch (ApiException e) {
            return error(e.status(), e.getMessage(), Map.of());
        } catch (Routes.MethodNotAllowed e) {
            return error(405, e.getMessage(), Map.of("Allow", e.allow));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            LOG.warn("control API: {} {} failed", req.method(), req.uri(), e);
            return error(500, "internal error: " + e, Map.of());
        }
    }

    static Routes.Response error(int status, String message, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return new Routes.Response(status, body, headers);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest req, Routes.Response r) {
        byte[] json = r.body() == null ? new byte[0] : StrictJson.MAPPER.writeValueAsBytes(r.body());
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
            Unpooled.wrappedBuffer(json));
        if (json.length > 0) res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
        HttpUtil.setKeepAlive(res, keepAlive);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) f.addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("control API connection failed", cause);
        ctx.close();
    }
}
