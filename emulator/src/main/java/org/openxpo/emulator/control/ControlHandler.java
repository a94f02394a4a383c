package org.openxpo.emulator.control;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import org.openxpo.http.HttpReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request that passed the guards (host, origin, token, content type: see {@link ControlServer}) goes to the API; its
 * answer, or its refusal as a JSON error, goes back.
 */
@ChannelHandler.Sharable
final class ControlHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    private final ControlApi api;

    ControlHandler(ControlApi api) { this.api = api; }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Routes.Response r = handle(req);
        HttpReplies.send(ctx, req, HttpReplies.json(r.status(), r.body(), r.headers()));
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

    private static Routes.Response error(int status, String message, Map<String, String> headers) {
        return new Routes.Response(status, HttpReplies.errorBody(status, message), headers);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("control API connection failed", cause);
        ctx.close();
    }
}
