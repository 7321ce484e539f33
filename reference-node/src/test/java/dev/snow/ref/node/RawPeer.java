package dev.snow.ref.node;

import dev.snow.ref.handshake.CookieMac;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.FrameEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer the test plays by hand on one connection of a node in a {@link CoreNetwork}: script
 * (send frames or raw bytes), play, verify (the frames the node sent back, whether it closed).
 */
final class RawPeer {
    private final CoreNetwork net;
    private final CoreNetwork.End end;
    private final CookieMac mac;

    private RawPeer(CoreNetwork net, CoreNetwork.End end, String cookie) {
        this.net = net;
        this.end = end;
        this.mac = new CookieMac(cookie);
    }

    /** Plays an initiator against {@code node}: the node accepted us and TLS is up. */
    static RawPeer initiatorAgainst(CoreNetwork net, String node, String cookie) {
        return initiatorAgainst(net, node, cookie, null);
    }

    /** As {@link #initiatorAgainst(CoreNetwork, String, String)}, accepted from {@code source}. */
    static RawPeer initiatorAgainst(CoreNetwork net, String node, String cookie, String source) {
        return initiatorAgainst(net, node, cookie, source, net.acceptRaw(node, source));
    }

    /** On connection {@code id}, already accepted. */
    static RawPeer initiatorAgainst(CoreNetwork net, String node, String cookie, String source, long id) {
        CoreNetwork.End end = new CoreNetwork.End(node, id);
        net.node(node).handleTransportReady(id, net.now());
        net.settle();
        return new RawPeer(net, end, cookie);
    }

    /** Plays the acceptor of an attempt {@code node} makes to {@code target} (no pipe to a real node). */
    static RawPeer acceptorFor(CoreNetwork net, String node, String target, String cookie) {
        ConnectResult r = net.node(node).connect(target, net.now());
        if (!r.started()) {
            throw new IllegalStateException("connect refused: " + r);
        }
        CoreNetwork.End end = new CoreNetwork.End(node, r.connection());
        net.node(node).handleTransportReady(r.connection(), net.now());
        net.settle();
        return new RawPeer(net, end, cookie);
    }

    CoreNetwork.End end() {
        return end;
    }

    void send(Frame frame) {
        sendBytes(FrameEncoder.encode(frame));
    }

    void sendBytes(byte[] bytes) {
        net.inject(end.node(), end.connection(), bytes);
    }

    /** Every frame the node sent us so far, decoded. */
    List<Frame> received() {
        FrameDecoder d = new FrameDecoder();
        for (byte[] b : net.sentTo(end)) {
            d.feed(b);
        }
        List<Frame> out = new ArrayList<>();
        DecodeResult r;
        while ((r = d.next()) instanceof DecodeResult.Decoded dec) {
            out.add(dec.frame());
        }
        if (r instanceof DecodeResult.Malformed m) {
            throw new AssertionError("node sent a malformed frame: " + m.violation());
        }
        return out;
    }

    <T extends Frame> T last(Class<T> type) {
        List<Frame> frames = received();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (type.isInstance(frames.get(i))) {
                return type.cast(frames.get(i));
            }
        }
        throw new AssertionError("node sent no " + type.getSimpleName() + ", only " + frames);
    }

    boolean closedByNode() {
        return net.closed(end);
    }

    Bytes32 digest(Bytes32 challenge) {
        return mac.digest(challenge);
    }

    /** Completes the initiator side after STATUS: REPLY with our challenge. */
    Bytes32 replyTo(Frame.StatusChallenge status, Bytes32 ourChallenge) {
        send(new Frame.ChallengeReply(digest(status.challenge()), ourChallenge));
        return ourChallenge;
    }

    static Bytes32 filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return Bytes32.of(b);
    }
}
