package dev.snow.ref.session;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.handshake.NodeName;

/**
 * Where a {@link Connection} puts what it decided. The node core implements it. After
 * {@link #failed} or {@link #down} the connection is finished and must be closed by the owner.
 */
public interface ConnectionSink {
    void send(Connection connection, byte[] bytes);

    /** The handshake completed; the session is registered (the policy already agreed). */
    void established(Connection connection, NodeName peer, int creation);

    /** The handshake ended without a session. */
    void failed(Connection connection, FailReason reason, String detail);

    /** An established session ended. */
    void down(Connection connection, DownReason reason, String detail);
}
