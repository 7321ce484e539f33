package dev.snow.conformance.peer;

/** One thing a {@link PeerConnection} observed from the IUT, stamped with {@link System#nanoTime()}. */
public sealed interface Incoming {
    long atNanos();

    /** A well-formed frame. */
    record Frame(WireFrame frame, byte[] raw, long atNanos) implements Incoming {
    }

    /** Bytes that break a framing rule; the IUT sent something malformed. */
    record Malformed(ParseResult.Violation violation, long atNanos) implements Incoming {
    }

    /**
     * The connection ended. {@code byPeer} is false when the tester closed it itself;
     * {@code how} says how (EOF after close_notify, reset, TLS error...).
     */
    record Closed(boolean byPeer, String how, long atNanos) implements Incoming {
    }
}
