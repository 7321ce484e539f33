package dev.snow.ref.session;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.handshake.ChannelBinding;
import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.handshake.Handshake;
import dev.snow.ref.handshake.HandshakeStep;
import dev.snow.ref.handshake.NodeName;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.FrameEncoder;

/**
 * The sans-IO core of one connection: decoder, handshake, then heartbeat. Inputs are the
 * {@code handle…(…, now)} methods; outputs go to the {@link ConnectionSink}; the next instant
 * it needs {@link #handleTimeout} is {@link #deadline()}.
 * <pre>
 *  HANDSHAKING --handshake established--> ESTABLISHED --close/timeout/error--> FINISHED
 *       \---------handshake failed / deadline / transport lost-----------------/
 * </pre>
 * Once established only PING and PONG are valid (HB-6); every PING is answered at once (HB-2).
 */
public final class Connection {
    public enum Phase { HANDSHAKING, ESTABLISHED, FINISHED }

    private final long id;
    private final Handshake handshake;
    private final ConnectionSink sink;
    private final ChallengeSource entropy;
    private final long heartbeatInterval;
    private final long heartbeatTimeout;
    private final long handshakeDeadline;
    private final FrameDecoder decoder;
    private final SessionSeams seams;
    private Phase phase = Phase.HANDSHAKING;
    private Heartbeat heartbeat;
    private NodeName peer;
    private int peerCreation;
    private boolean transportReady;

    /**
     * @param openedAt when the connection was accepted or the dial started; the handshake
     *                 deadline (LIM-1) runs from here, TLS included
     */
    public Connection(long id, Handshake handshake, ConnectionSink sink, ChallengeSource entropy, long openedAt,
                      long handshakeTimeout, long heartbeatInterval, long heartbeatTimeout) {
        this(id, handshake, sink, entropy, openedAt, handshakeTimeout, heartbeatInterval, heartbeatTimeout, SessionSeams.REAL);
    }

    /** As above, with {@code seams} (real ones unless a conformance mutant plants a defect). */
    public Connection(long id, Handshake handshake, ConnectionSink sink, ChallengeSource entropy, long openedAt,
                      long handshakeTimeout, long heartbeatInterval, long heartbeatTimeout, SessionSeams seams) {
        this.seams = seams;
        this.decoder = seams == SessionSeams.REAL ? new FrameDecoder() : seams.decoder(handshake.direction());
        if (seams != SessionSeams.REAL) {
            handshake.breakNameRules(seams.laxRules(handshake.direction()));
        }
        this.id = id;
        this.handshake = handshake;
        this.sink = sink;
        this.entropy = entropy;
        this.handshakeDeadline = openedAt + handshakeTimeout;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public long id() {
        return id;
    }

    public Phase phase() {
        return phase;
    }

    public Handshake handshake() {
        return handshake;
    }

    /** The peer once known: dialled name (outgoing) or the name from NAME (incoming), else null. */
    public NodeName peer() {
        return peer != null ? peer : handshake.peer();
    }

    public int peerCreation() {
        return peerCreation;
    }

    public boolean isTransportReady() {
        return transportReady;
    }

    /** The next instant {@link #handleTimeout} must run, or {@link Long#MAX_VALUE} when finished. */
    public long deadline() {
        switch (phase) {
            case HANDSHAKING:
                return handshakeDeadline;
            case ESTABLISHED:
                return heartbeat.deadline();
            default:
                return Long.MAX_VALUE;
        }
    }

    /** TCP and TLS are up. */
    public void handleTransportReady(long now) {
        handleTransportReady(ChannelBinding.NONE, now);
    }

    /** TCP and TLS are up, with the certificates each side presented (hardened profile, HARD-4). */
    public void handleTransportReady(ChannelBinding binding, long now) {
        if (phase != Phase.HANDSHAKING || transportReady) {
            return;
        }
        transportReady = true;
        apply(handshake.onTransportReady(binding), now);
    }

    /** Bytes read from the peer (after TLS). */
    public void handleBytes(byte[] bytes, int offset, int length, long now) {
        if (phase == Phase.FINISHED) {
            return;
        }
        decoder.feed(bytes, offset, length);
        while (phase != Phase.FINISHED) {
            DecodeResult r = decoder.next();
            if (r instanceof DecodeResult.NeedMore) {
                return;
            }
            if (r instanceof DecodeResult.Malformed m) {
                protocolError(m.violation().toString());
                return;
            }
            Frame frame = ((DecodeResult.Decoded) r).frame();
            if (phase == Phase.HANDSHAKING) {
                if (seams != SessionSeams.REAL && !handshake.expects(frame.tag()) && seams.isLax("FRAME-7", handshake.direction())) {
                    continue; // the FRAME-7 defect of a conformance mutant: an unexpected frame ignored
                }
                apply(handshake.onFrame(frame), now);
            } else {
                onSessionFrame(frame, now);
            }
        }
    }

    /** The clock reached {@link #deadline()} (or later). */
    public void handleTimeout(long now) {
        if (phase == Phase.HANDSHAKING) {
            if (now - handshakeDeadline >= 0) {
                finish();
                sink.failed(this, FailReason.TIMEOUT, "LIM-1: not established within the handshake timeout (state "
                        + handshake.state() + ")");
            }
            return;
        }
        if (phase != Phase.ESTABLISHED) {
            return;
        }
        Heartbeat.Action action = heartbeat.onTimeout(now);
        if (action == Heartbeat.Action.DEAD) {
            finish();
            sink.down(this, DownReason.HEARTBEAT_TIMEOUT, "HB-3: no PONG within the heartbeat timeout");
        } else if (action == Heartbeat.Action.SEND_PING) {
            long payload = entropy.nextPingPayload();
            heartbeat.pingSent(payload, now);
            sink.send(this, FrameEncoder.encode(new Frame.Ping(payload)));
        }
    }

    /** The transport lost the connection. */
    public void handleTransportClosed(CloseCause cause, String detail) {
        if (phase == Phase.HANDSHAKING) {
            finish();
            sink.failed(this, cause.failReason(), detail);
        } else if (phase == Phase.ESTABLISHED) {
            finish();
            sink.down(this, DownReason.CLOSED, detail);
        }
    }

    /** The node ends this connection (disconnect, replacement, eviction); the sink hears nothing. */
    public void abandon() {
        finish();
    }

    private void onSessionFrame(Frame frame, long now) {
        if (frame instanceof Frame.Ping ping) {
            sink.send(this, FrameEncoder.encode(new Frame.Pong(seams.pongPayload().applyAsLong(ping.payload()))));
        } else if (frame instanceof Frame.Pong pong) {
            heartbeat.onPong(pong.payload(), now);
        } else if (seams.laxRules().contains("HB-6")) {
            // a conformance mutant's defect only (HB-6 lax): a handshake frame after establishment is ignored
            return;
        } else {
            finish();
            sink.down(this, DownReason.PROTOCOL_ERROR, "HB-6: " + frame.tag() + " after the session was established");
        }
    }

    private void apply(HandshakeStep step, long now) {
        for (Frame f : step.send()) {
            sink.send(this, seams == SessionSeams.REAL ? FrameEncoder.encode(f) : seams.encodeHandshakeFrame(f, handshake.direction()));
        }
        switch (step.outcome()) {
            case ESTABLISHED:
                phase = Phase.ESTABLISHED;
                peer = step.peer();
                peerCreation = step.peerCreation();
                heartbeat = new Heartbeat(now, heartbeatInterval, heartbeatTimeout, seams.anyPongCounts());
                sink.established(this, step.peer(), step.peerCreation());
                break;
            case FAILED:
                finish();
                sink.failed(this, step.failure(), step.detail());
                break;
            default:
                break;
        }
    }

    private void protocolError(String detail) {
        boolean established = phase == Phase.ESTABLISHED;
        finish();
        if (established) {
            sink.down(this, DownReason.PROTOCOL_ERROR, detail);
        } else {
            sink.failed(this, FailReason.PROTOCOL_ERROR, detail);
        }
    }

    private void finish() {
        phase = Phase.FINISHED;
    }

    @Override
    public String toString() {
        return "Connection#" + id + "[" + handshake.direction().wireName() + ", " + phase + ", peer=" + peer() + "]";
    }
}
