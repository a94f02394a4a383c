package org.openxpo.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers of an HTTP face: any value as a JSON body, and errors as {@code {"error": "...", "status": N}}. */
public final class HttpReplies {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HttpReplies() {}

    /** The body of an error answer. */
    public static Map<String, Object> errorBody(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return body;
    }

    /** A response with {@code body} as JSON (null: no body) and {@code headers}. */
    public static FullHttpResponse json(int status, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : MAPPER.writeValueAsBytes(body);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(bytes));
        if (bytes.length > 0) res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        headers.forEach((k, v) -> res.headers().set(k, v));
        return res;
    }

    /** An error response: {@code {"error": message, "status": status}}. */
    public static FullHttpResponse error(int status, String message, Map<String, String> headers) {
        return json(status, errorBody(status, message), headers);
    }

    /** Sends {@code res} as the answer to {@code req}; the connection stays open only if both sides want it. */
    public static void send(ChannelHandlerContext ctx, HttpRequest req, FullHttpResponse res) {
        boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
        HttpUtil.setKeepAlive(res, keepAlive);
        var sent = ctx.writeAndFlush(res);
        if (!keepAlive) sent.addListener(ChannelFutureListener.CLOSE);
    }

    /** Sends {@code res} and closes the connection (the request cannot be recovered from). */
    public static void sendAndClose(ChannelHandlerContext ctx, FullHttpResponse res) {
        HttpUtil.setKeepAlive(res, false);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
}
