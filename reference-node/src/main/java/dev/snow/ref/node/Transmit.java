package dev.snow.ref.node;

/** What the transport must do on a connection, in order. */
public sealed interface Transmit permits Transmit.Send, Transmit.Close {

    long connection();

    /** Write these bytes (one or more whole frames). */
    record Send(long connection, byte[] bytes) implements Transmit {
    }

    /** Close after everything queued before it has been written. */
    record Close(long connection) implements Transmit {
    }
}
