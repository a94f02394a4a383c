package org.openxpo.emulator.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openxpo.protocol.link.Frame;
import org.openxpo.protocol.link.LinkError;
import org.openxpo.protocol.link.LinkProtocolException;
import org.openxpo.protocol.link.LinkVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's session on the event loop: the handshake (within the server's handshake timeout), then sorting
 * every decoded frame or decoder refusal into the connection's {@link RequestWorker}. It never executes anything that
 * touches a cage. One instance per channel.
 */
final class LinkSessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(LinkSessionHandler.class);

    private final LinkServer server;
    private Channel channel;
    private Outbox outbox;
    private EventSubscriptions subscriptions;
    private RequestWorker worker;
    private ScheduledFuture<?> handshakeDeadline;
    /** Set once a fatal error is on its way: later frames are ignored. */
    private boolean ending;

    LinkSessionHandler(LinkServer server) { this.server = server; }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        outbox = new Outbox(channel, server.budget());
        long timeout = server.limits().handshakeTimeout().toMillis();
        handshakeDeadline = ctx.executor().schedule(() -> {
            if (worker == null && !ending)
                endNow(new Frame.ErrorReply(0, LinkError.NOT_HANDSHAKEN, "no HELLO within " + timeout + " ms"));
        }, timeout, TimeUnit.MILLISECONDS);
        log.debug("link connection from {}", ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        handshakeDeadline.cancel(false);
        outbox.close();
        if (worker != null) {
            worker.stop();
            subscriptions.closeAll();
        }
        log.debug("link connection from {} closed", ctx.channel().remoteAddress());
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ending) return;
        Frame frame = (Frame) msg;
        if (worker == null) {
            handshake(ctx, frame);
        } else if (frame instanceof Frame.Hello || !frame.type().fromClient()) {
            endWith(new Frame.ErrorReply(frame.requestId(), LinkError.UNEXPECTED_FRAME,
                frame instanceof Frame.Hello ? "the session is already open" : frame.type() + " is sent by servers only"));
        } else {
            worker.submit(frame);
        }
    }

    private void handshake(ChannelHandlerContext ctx, Frame frame) {
        if (!(frame instanceof Frame.Hello hello)) {
            endNow(new Frame.ErrorReply(frame.requestId(), LinkError.NOT_HANDSHAKEN, "send HELLO first"));
        } else if (!LinkVersion.accepts(hello.major())) {
            endNow(new Frame.ErrorReply(hello.requestId(), LinkError.VERSION_MISMATCH, "need major " + LinkVersion.MAJOR));
        } else {
            handshakeDeadline.cancel(false);
            subscriptions = new EventSubscriptions(server.cageBuses(), outbox, server.listenerGauge());
            worker = new RequestWorker(channel, outbox, new RequestExecutor(server.cageBuses(), subscriptions),
                server.workers());
            outbox.send(new Frame.HelloOk(hello.requestId(), LinkVersion.MAJOR, LinkVersion.MINOR, LinkServer.NAME,
                server.cageBuses().size()));
            log.debug("link client '{}' {}.{} at {}", hello.clientName(), hello.major(), hello.minor(),
                ctx.channel().remoteAddress());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof LinkProtocolException e)) {
            // a reset by the peer or another I/O failure: nothing to answer
            log.debug("link connection from {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
            return;
        }
        if (ending) return;
        if (worker == null) {
            // no session from a refused frame: a fatal refusal speaks for itself, anything else is "handshake first"
            endNow(e.error().closesConnection() ? e.toReply()
                : new Frame.ErrorReply(e.requestId(), LinkError.NOT_HANDSHAKEN, "send HELLO first (" + e.getMessage() + ")"));
        } else if (e.error().closesConnection()) {
            endWith(e.toReply());
        } else {
            worker.refuse(e.toReply());
        }
    }

    /** The socket took the bytes the channel held: the outbox hands it the backlog it kept meanwhile. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) outbox.resume();
        ctx.fireChannelWritabilityChanged();
    }

    /** The idle timeout (IdleStateHandler, only when the server has one): nothing in or out for that long. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !ending) {
            log.info("closing link connection from {}: idle for {} ms", channel.remoteAddress(),
                server.limits().idleTimeout().toMillis());
            ending = true;
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** After the answers already queued: the fatal ERROR, then close. */
    private void endWith(Frame.ErrorReply reply) {
        ending = true;
        log.info("closing link connection from {}: {} {}", channel.remoteAddress(), reply.error(), reply.message());
        worker.refuse(reply);
    }

    /** Before the handshake nothing is queued: the fatal ERROR goes out at once, then close. */
    private void endNow(Frame.ErrorReply reply) {
        ending = true;
        log.info("refusing link connection from {}: {} {}", channel.remoteAddress(), reply.error(), reply.message());
        outbox.sendAndClose(reply);
    }
}
