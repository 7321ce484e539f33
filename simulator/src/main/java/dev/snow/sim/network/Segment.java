package dev.snow.sim.network;

import dev.snow.sim.engine.Event;

/**
 * One TCP segment of a {@link Stream}: the connection setup (SYN, SYN-ACK, the three TLS 1.3
 * flights), application bytes, FIN. Carries its own retransmission state. RST is out of band
 * and never a Segment.
 */
final class Segment implements Event {
    enum Kind {
        SYN(60), SYN_ACK(60), TLS_CLIENT_HELLO(320), TLS_SERVER_FLIGHT(1100), TLS_CLIENT_FINISHED(100), DATA(0), FIN(40);

        /** Bytes on the wire for bandwidth (DATA adds its payload to 40 bytes of headers and 22 of TLS record). */
        final int wireBytes;

        Kind(int wireBytes) {
            this.wireBytes = wireBytes;
        }
    }

    final TcpEngine engine;
    final Stream stream;
    final Kind kind;
    final byte[] data;
    final long seq;
    long firstAttempt = -1;
    long rto;
    int attempts;
    boolean delivered;
    boolean acked;

    Segment(TcpEngine engine, Stream stream, Kind kind, byte[] data, long seq) {
        this.engine = engine;
        this.stream = stream;
        this.kind = kind;
        this.data = data;
        this.seq = seq;
    }

    /** The segment arrives at the other end (scheduled once, when a transmission gets through). */
    @Override
    public void fire(long now) {
        engine.arrive(this, now);
    }

    int wireSize() {
        return kind == Kind.DATA ? 62 + data.length : kind.wireBytes;
    }
}
