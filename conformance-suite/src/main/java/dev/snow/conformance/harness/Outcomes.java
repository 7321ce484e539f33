package dev.snow.conformance.harness;

import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.WireFrame;

/** The outcomes requirement tests check again and again, each failing with the rule it enforces. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * The IUT closes {@code c} without sending anything (close_notify and RST do not count) and
     * reports handshake_failed with {@code reason} for {@code name} (or the tester's address).
     */
    public static Event closedSilently(PeerConnection c, Iut iut, String name, String reason, String rule) {
        c.expectClosed(iut.timeouts().close(), rule);
        Event e = awaitFailed(iut, name, c.localPort(), c.iutDirection());
        if (!reason.equals(e.reason())) {
            if ("protocol_error".equals(reason) && !WENT_ON.contains(e.reason())) {
                throw new AssertionError("FRAME-8: the IUT closed at once (" + rule + ") but reported handshake_failed reason \""
                        + e.reason() + "\", the spec says \"protocol_error\": " + e);
            }
            throw new AssertionError(rule + ": handshake_failed reason is \"" + e.reason() + "\", the spec says \"" + reason + "\": " + e);
        }
        return e;
    }

    /**
     * The reasons of an IUT that went on past a protocol error: it timed out or failed a later
     * check. An IUT that closed at once but reported any other reason (io, tls, closed...) did
     * see the error and broke FRAME-8 (report protocol_error); one that went on broke the rule
     * the test names.
     */
    private static final java.util.Set<String> WENT_ON = java.util.Set.of("timeout", "cookie_mismatch", "not_allowed", "nok");

    /** The IUT reports handshake_failed with {@code reason} for {@code name} / the tester's port, any direction. */
    public static Event failedWith(Iut iut, String name, int localPort, String reason, String rule) {
        return failedWith(iut, name, localPort, null, reason, rule);
    }

    /**
     * The IUT reports handshake_failed with {@code reason} for {@code name} / the tester's port on
     * a connection of {@code direction} (the IUT's view; null: any). Matching by peer and direction
     * keeps the failure of another connection with the same peer (e.g. the IUT's own attempt,
     * TIE-4) from being judged as this one's.
     */
    public static Event failedWith(Iut iut, String name, int localPort, String direction, String reason, String rule) {
        Event e = awaitFailed(iut, name, localPort, direction);
        if (!reason.equals(e.reason())) {
            throw new AssertionError(rule + ": handshake_failed reason is \"" + e.reason() + "\", the spec says \"" + reason + "\": " + e);
        }
        return e;
    }

    private static Event awaitFailed(Iut iut, String name, int localPort, String direction) {
        return iut.await("handshake_failed for " + name + " / 127.0.0.1:" + localPort
                        + (direction == null ? "" : " (" + direction + ")"),
                x -> x.is("handshake_failed") && Iut.peerIs(x, name, localPort)
                        && (direction == null || x.direction() == null || direction.equals(x.direction())));
    }

    /**
     * The IUT, as acceptor, answers with STATUS_CHALLENGE {@code status} (no challenge, its own name
     * and creation: HS-2, STATUS-3), then closes; and reports handshake_failed {@code reason}.
     */
    public static void refusedWithStatus(PeerConnection c, Iut iut, String name, StatusCode status, String reason, String rule) {
        WireFrame.StatusChallenge st = c.expect(WireFrame.StatusChallenge.class, iut.timeouts().event());
        if (st.status() != status) {
            throw new AssertionError(rule + ": the IUT answered with status " + st.status().wireName() + ", the spec says " + status.wireName());
        }
        if (st.challenge().length != 0) {
            throw new AssertionError("STATUS-3: status " + status.wireName() + " carries a challenge " + Hex.of(st.challenge()));
        }
        Handshakes.checkAcceptorIdentity(st, iut);
        c.expectClosed(iut.timeouts().close(), "STATUS-3 (" + rule + "): the acceptor closes right after " + status.wireName());
        failedWith(iut, name, c.localPort(), c.iutDirection(), reason, rule);
    }

    /**
     * The IUT still completes a good handshake (LIM-4); the session is closed again at once. A
     * failure here is a liveness failure: it names LIM-4 first, not the requirements of the test
     * that checks liveness on the way (precise attribution, docs/MUTATION.md).
     */
    public static Handshakes.Session stillUp(Tester t, Iut iut) {
        Handshakes.Session s;
        try {
            s = Handshakes.initiate(t, iut, t.name("alive-check"), 3);
        } catch (AssertionError | java.io.UncheckedIOException e) {
            throw new AssertionError(LIVENESS + "the IUT no longer completes a good handshake: " + e.getMessage(), e);
        }
        s.conn().close();
        return s;
    }

    /** The prefix of a liveness failure's message. */
    public static final String LIVENESS = "LIM-4 (liveness check): ";
}
