package org.openxpo.agent.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import org.openxpo.http.RequestGuard;

import java.util.Locale;

/**
 * A request body is JSON ({@code application/json}), except a firmware image, which is
 * {@code application/octet-stream} and goes only to {@code …/firmware}; anything else gets 415 before it is read.
 * Like the emulator's JSON guard, this keeps out what an HTML form can send without a preflight.
 */
final class BodyTypeGuard extends RequestGuard {
    static final String JSON = "application/json", IMAGE = "application/octet-stream";

    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        if (!announcesBody(req)) return null;
        CharSequence type = HttpUtil.getMimeType(req);
        String t = type == null ? "" : type.toString().trim().toLowerCase(Locale.ROOT);
        boolean firmware = req.uri().split("\\?", 2)[0].endsWith("/firmware");
        if (firmware ? t.equals(IMAGE) : t.equals(JSON)) return null;
        return new Refusal(415, firmware
            ? "a firmware image must be sent as 'Content-Type: " + IMAGE + "'"
            : "a request body must be JSON: send 'Content-Type: " + JSON + "'" + (t.isEmpty() ? "" : " (not '" + t + "')"));
    }
}
