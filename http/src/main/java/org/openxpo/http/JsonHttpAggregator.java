package org.openxpo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

import java.util.Locale;
import java.util.Map;

/**
 * Netty's {@link HttpObjectAggregator} whose own answers are JSON errors like every other answer: 413 for a body over
 * the limit (announced by Content-Length, or found while reading; the connection then closes, since the rest of the
 * body cannot be told from the next request) and 417 for an {@code Expect} other than {@code 100-continue}.
 */
public final class JsonHttpAggregator extends HttpObjectAggregator {
    private final int maxBody;

    public JsonHttpAggregator(int maxBody) {
        super(maxBody);
        this.maxBody = maxBody;
    }

    private FullHttpResponse tooLarge() {
        return HttpReplies.error(413, String.format(Locale.ROOT, "the request body is larger than %,d bytes", maxBody), Map.of());
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(answer instanceof HttpResponse r) || r.status().equals(HttpResponseStatus.CONTINUE)) return answer;
        ReferenceCountUtil.release(answer);
        return r.status().code() == 413 ? tooLarge()
            : HttpReplies.error(r.status().code(), "only 'Expect: 100-continue' is supported", Map.of());
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest) HttpReplies.sendAndClose(ctx, tooLarge());
        else super.handleOversizedMessage(ctx, oversized);
    }
}
