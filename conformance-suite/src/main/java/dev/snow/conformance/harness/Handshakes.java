package dev.snow.conformance.harness;

import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Whole handshakes and their steps, scripted by the tester and checked against the spec at every
 * step (the IUT's frames, its digests, its node_up). Both roles:
 * <pre>
 *  tester initiates ({@link #initiate})        IUT initiates ({@link #accept})
 *  T -&gt; I  NAME                                I -&gt; T  NAME
 *  I -&gt; T  STATUS_CHALLENGE ok, ch_a           T -&gt; I  STATUS_CHALLENGE ok, ch_a
 *  T -&gt; I  REPLY HMAC(ch_a), ch_i              I -&gt; T  REPLY HMAC(ch_a), ch_i
 *  I -&gt; T  ACK HMAC(ch_i)                      T -&gt; I  ACK HMAC(ch_i)
 *  IUT: node_up incoming                        IUT: node_up outgoing
 * </pre>
 */
public final class Handshakes {
    private Handshakes() {
    }

    /**
     * An established session between the tester and the IUT. {@code establishedNanos}: when the
     * IUT became established as the tester sees it (ACK received from an acceptor IUT, ACK sent
     * to an initiator IUT), for heartbeat windows.
     */
    public record Session(PeerConnection conn, String name, int creation, Event nodeUp, byte[] acceptorChallenge,
                          byte[] initiatorChallenge, long establishedNanos) {
        public int nodeId() {
            return nodeUp.nodeId();
        }
    }

    /** The tester dials the IUT and completes the handshake as {@code name} with {@code creation}. */
    public static Session initiate(Tester t, Iut iut, String name, int creation) {
        PeerConnection c = t.dial(iut);
        WireFrame.StatusChallenge st = sendName(c, iut, name, creation);
        if (st.status() != StatusCode.OK) {
            throw new AssertionError("the IUT answered NAME from a new peer " + name + " with status " + st.status().wireName() + ", not ok");
        }
        return finishAsInitiator(t, iut, c, name, creation, st);
    }

    /** REPLY with the right digest and a fresh challenge, then the ACK and node_up checks. */
    public static Session finishAsInitiator(Tester t, Iut iut, PeerConnection c, String name, int creation, WireFrame.StatusChallenge st) {
        byte[] own = t.challenge();
        int mark = iut.mark();
        c.send(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), own));
        dev.snow.conformance.peer.Incoming.Frame ackFrame = c.expectFrame(WireFrame.ChallengeAck.class, t.timeouts().event());
        checkDigest("HS-4/AUTH-1: CHALLENGE_ACK digest", iut.cookie(), own, ((WireFrame.ChallengeAck) ackFrame.frame()).digest());
        Event up = nodeUpSince(iut, mark, name);
        checkNodeUp(up, name, creation, "incoming");
        return new Session(c, name, creation, up, st.challenge(), own, ackFrame.atNanos());
    }

    /** Sends NAME and takes the STATUS_CHALLENGE, checking that it carries the IUT's name and creation (HS-2). */
    public static WireFrame.StatusChallenge sendName(PeerConnection c, Iut iut, String name, int creation) {
        c.send(Frames.name(name, creation));
        WireFrame.StatusChallenge st = c.expect(WireFrame.StatusChallenge.class, iut.timeouts().event());
        checkAcceptorIdentity(st, iut);
        return st;
    }

    public static void checkAcceptorIdentity(WireFrame.StatusChallenge st, Iut iut) {
        if (!st.name().equals(iut.name())) {
            throw new AssertionError("HS-2: STATUS_CHALLENGE carries name \"" + st.name() + "\" but the IUT is \"" + iut.name() + "\"");
        }
        if (st.creation() != iut.creation()) {
            throw new AssertionError("HS-2: STATUS_CHALLENGE carries creation " + st.creation() + " but the IUT's creation is " + iut.creation());
        }
    }

    /** The IUT dials a tester named {@code prefix-N@127.0.0.1:port}; the tester accepts and completes the handshake. */
    public static Session accept(Tester t, Iut iut, String prefix) {
        TesterListener l = t.listen();
        String name = t.name(prefix, l.port());
        iut.connect(name, l.hostPort());
        PeerConnection c = acceptConnection(t, l);
        WireFrame.Name n = expectName(c, iut);
        return finishAsAcceptor(t, iut, c, name, 7, StatusCode.OK, n);
    }

    public static PeerConnection acceptConnection(Tester t, TesterListener l) {
        try {
            return t.closeAtEnd(l.accept(t.timeouts().event()));
        } catch (IOException e) {
            throw new UncheckedIOException("the IUT's connection to the tester failed in TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The IUT's first frame as initiator, which must be NAME (HS-1): another frame first fails as
     * HS-1, a malformed frame as FRAME-1; nothing at all, or a close, fails as before (its cause
     * may be another rule's).
     */
    public static dev.snow.conformance.peer.Incoming.Frame expectNameFrame(PeerConnection c, Iut iut) {
        dev.snow.conformance.peer.Incoming i = c.next(iut.timeouts().event());
        if (i instanceof dev.snow.conformance.peer.Incoming.Frame f && !(f.frame() instanceof WireFrame.Name)) {
            throw new AssertionError("HS-1: the initiator must send NAME first once TLS is up, but its first frame is "
                    + f.frame().describe());
        }
        if (i instanceof dev.snow.conformance.peer.Incoming.Frame f) {
            return f;
        }
        if (i instanceof dev.snow.conformance.peer.Incoming.Malformed) {
            // the IUT's own frame breaks the layout every frame must follow (precise attribution)
            throw new AssertionError("FRAME-1: the tester expected NAME from the IUT but it sent a malformed frame: " + i);
        }
        throw new AssertionError(i == null ? "the IUT sent no NAME within " + iut.timeouts().event().toMillis() + " ms"
                : "the tester expected NAME from the IUT but got " + i);
    }

    /** The IUT's NAME: its own name and creation (HS-1). */
    public static WireFrame.Name expectName(PeerConnection c, Iut iut) {
        WireFrame.Name n = (WireFrame.Name) expectNameFrame(c, iut).frame();
        if (!n.name().equals(iut.name()) || n.creation() != iut.creation()) {
            throw new AssertionError("HS-1: the IUT's NAME carries " + n.describe() + "; expected name \"" + iut.name()
                    + "\" creation " + iut.creation());
        }
        return n;
    }

    /** STATUS {@code status} with a fresh challenge, the IUT's REPLY checked (HS-3), ACK, node_up. */
    public static Session finishAsAcceptor(Tester t, Iut iut, PeerConnection c, String name, int creation, StatusCode status,
                                           WireFrame.Name n) {
        byte[] ch = t.challenge();
        c.send(Frames.status(status, ch, name, creation));
        WireFrame.ChallengeReply r = c.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
        checkDigest("HS-3/AUTH-1: CHALLENGE_REPLY digest", iut.cookie(), ch, r.digest());
        if (Arrays.equals(r.challenge(), ch)) {
            throw new AssertionError("AUTH-3: the IUT's REPLY carries our own challenge back as its challenge");
        }
        int mark = iut.mark();
        c.send(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())));
        long sent = c.lastSendNanos();
        Event up = nodeUpSince(iut, mark, name);
        checkNodeUp(up, name, creation, "outgoing");
        return new Session(c, name, creation, up, ch, r.challenge(), sent);
    }

    static Event nodeUpSince(Iut iut, int mark, String name) {
        return iut.await(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), iut.timeouts().event());
    }

    /** {@code actual} must be HMAC(cookie, challenge). */
    public static void checkDigest(String what, String cookie, byte[] challenge, byte[] actual) {
        byte[] expected = HmacSha256.digest(cookie, challenge);
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + " is " + Hex.of(actual) + "; HMAC-SHA256(cookie, " + Hex.of(challenge) + ") is " + Hex.of(expected));
        }
    }

    /** node_up carries the peer's name, creation, a node_id in 1..65535 and the direction (HS-8, ID-1). */
    public static void checkNodeUp(Event up, String name, int creation, String direction) {
        StringBuilder wrong = new StringBuilder();
        if (!name.equals(up.node())) {
            wrong.append(" node \"").append(up.node()).append("\" (expected \"").append(name).append("\")");
        }
        if (up.creation() != creation) {
            wrong.append(" creation ").append(up.creation()).append(" (expected ").append(creation).append(')');
        }
        if (up.nodeId() < 1 || up.nodeId() > 65535) {
            wrong.append(" node_id ").append(up.nodeId()).append(" (expected 1..65535)");
        }
        if (!direction.equals(up.direction())) {
            wrong.append(" direction ").append(up.direction()).append(" (expected ").append(direction).append(')');
        }
        if (wrong.length() > 0) {
            throw new AssertionError("HS-8: node_up is wrong:" + wrong + " in " + up);
        }
    }
}
