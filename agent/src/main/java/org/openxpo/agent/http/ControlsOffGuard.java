package org.openxpo.agent.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.openxpo.http.RequestGuard;

/** An agent started without a token has no controls: every request but a read gets 403 saying how to enable them. */
final class ControlsOffGuard extends RequestGuard {
    @Override
    protected Refusal check(ChannelHandlerContext ctx, HttpRequest req) {
        if (req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD)) return null;
        return new Refusal(403, "controls are off: start the agent with a token file (--token-file) to use them");
    }
}
