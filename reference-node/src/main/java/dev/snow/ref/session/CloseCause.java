package dev.snow.ref.session;

import dev.snow.ref.handshake.FailReason;

/** How the transport lost a connection it did not close on the core's request. */
public enum CloseCause {
    /** The peer closed the stream (TCP FIN or TLS close_notify). */
    EOF,
    /** A socket error: refused, reset, unreachable. */
    IO,
    /** The TLS handshake or record layer failed (TLS-1). */
    TLS;

    /** The handshake_failed reason this cause gives before establishment. */
    public FailReason failReason() {
        return this == TLS ? FailReason.TLS : FailReason.IO;
    }
}
