package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChannelBinding;
import dev.snow.ref.node.NodeCore;
import dev.snow.ref.session.CloseCause;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits after the {@code SslHandler} of one channel and turns its life into core inputs, each
 * queued on the {@link CoreLoop} in the order Netty reported them:
 * <pre>
 *  TCP accepted (before TLS)         -> handleAccepted(source)    (incoming only; LIM-1 clock starts; LIM-5/6 per source)
 *  TLS handshake succeeded           -> handleTransportReady, with both certificates' SHA-256 (HARD-4)
 *  TLS handshake failed              -> handleTransportClosed TLS  (EOF if the peer just hung up)
 *  decrypted bytes                   -> handleBytes (copied into a fresh byte[])
 *  channel closed                    -> handleTransportClosed EOF, or IO / TLS after an error
 * </pre>
 * Reads pause while more than {@link #INFLIGHT_LIMIT} bytes wait for the core or while the
 * channel cannot take more writes, so a peer that floods (or never reads our PONGs) cannot
 * grow our memory.
 */
final class LinkHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LinkHandler.class);
    static final int INFLIGHT_LIMIT = 256 * 1024;
    private static final int DETAIL_MAX = 240;

    private final CoreLoop loop;
    private final boolean incoming;
    private final AtomicInteger inflight = new AtomicInteger();
    /** The core's connection id; read and written on the core thread only. 0 until accepted. */
    private long id;
    /** The first error seen on this channel; I/O thread only. */
    private Throwable failure;

    private LinkHandler(CoreLoop loop, boolean incoming, long id) {
        this.loop = loop;
        this.incoming = incoming;
        this.id = id;
    }

    static LinkHandler incoming(CoreLoop loop) {
        return new LinkHandler(loop, true, 0);
    }

    static LinkHandler outgoing(CoreLoop loop, long connection) {
        return new LinkHandler(loop, false, connection);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (incoming) {
            Channel ch = ctx.channel();
            String remote = remoteOf(ch);
            String source = sourceOf(ch);
            loop.execute(core -> accept(core, ch, remote, source));
        }
        ctx.fireChannelActive();
    }

    private void accept(NodeCore core, Channel ch, String remote, String source) {
        long connection = core.handleAccepted(source, loop.now());
        if (connection < 0) {
            ch.close();
            return;
        }
        id = connection;
        loop.register(new Link(connection, ch, remote));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                ChannelBinding binding = CertificateHashes.of(ctx.pipeline().get(SslHandler.class).engine().getSession(), incoming);
                loop.execute(core -> {
                    if (id != 0) {
                        core.handleTransportReady(id, binding, loop.now());
                    }
                });
            } else {
                Throwable cause = unwrap(done.cause());
                CloseCause kind = cause instanceof ClosedChannelException ? CloseCause.EOF : CloseCause.TLS;
                String detail = kind == CloseCause.EOF
                        ? "connection closed during the TLS handshake"
                        : "TLS-1: TLS handshake failed: " + describe(cause);
                loop.execute(core -> closed(core, kind, detail));
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
        if (inflight.addAndGet(bytes.length) > INFLIGHT_LIMIT) {
            updateAutoRead(ctx.channel());
        }
        Channel ch = ctx.channel();
        loop.execute(core -> {
            if (id != 0) {
                core.handleBytes(id, bytes, 0, bytes.length, loop.now());
            }
            int before = inflight.getAndAdd(-bytes.length);
            if (before > INFLIGHT_LIMIT && before - bytes.length <= INFLIGHT_LIMIT) {
                ch.eventLoop().execute(() -> updateAutoRead(ch));
            }
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx.channel());
        ctx.fireChannelWritabilityChanged();
    }

    /** I/O thread: read while the core keeps up and the peer takes our writes. */
    private void updateAutoRead(Channel ch) {
        ch.config().setAutoRead(ch.isWritable() && inflight.get() <= INFLIGHT_LIMIT);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = unwrap(cause);
        if (failure == null) {
            failure = c;
        }
        LOG.debug("connection {} failed: {}", ctx.channel(), describe(c));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Throwable f = failure;
        CloseCause kind = f == null ? CloseCause.EOF : f instanceof SSLException ? CloseCause.TLS : CloseCause.IO;
        String detail = f == null ? "connection closed by the peer" : describe(f);
        loop.execute(core -> closed(core, kind, detail));
        ctx.fireChannelInactive();
    }

    /** Core thread: a dial that never connected. */
    void dialFailed(NodeCore core, String target, Throwable cause) {
        closed(core, CloseCause.IO, "connect to " + target + " failed: " + describe(unwrap(cause)));
    }

    private void closed(NodeCore core, CloseCause kind, String detail) {
        if (id != 0) {
            core.handleTransportClosed(id, kind, detail, loop.now());
            loop.unregisterAfterDrain(id);
        }
    }

    static String remoteOf(Channel ch) {
        SocketAddress a = ch.remoteAddress();
        if (a instanceof InetSocketAddress inet) {
            return new HostPort(inet.getHostString(), inet.getPort()).toString();
        }
        return String.valueOf(a);
    }

    /** The peer's IP address without port (LIM-5, LIM-6 count per source), or null. */
    static String sourceOf(Channel ch) {
        SocketAddress a = ch.remoteAddress();
        if (a instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof DecoderException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** The exception's type and message, shortened: details end up in events and log lines. */
    static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX) + "...";
    }
}
