package dev.snow.ref.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * One core connection id bound to its Netty channel. Made and dropped on the core thread;
 * {@link #write} and {@link #close} may be called from there because Netty queues them, in
 * order, on the channel's own event loop (so a Close follows the Sends before it).
 */
final class Link {
    private final long id;
    private final Channel channel;
    private final String remote;

    Link(long id, Channel channel, String remote) {
        this.id = id;
        this.channel = channel;
        this.remote = remote;
    }

    long id() {
        return id;
    }

    /** The peer's {@code host:port} (for a dial, the address dialled). */
    String remote() {
        return remote;
    }

    void write(byte[] frames) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(frames));
    }

    /** Flushes what is queued, then closes (after a TLS close_notify once TLS is up). */
    void close() {
        channel.close();
    }
}
