package dev.snow.conformance.tiebreak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Outcomes;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous connect, with the race forced by the tester: the IUT dials the tester (c2), the
 * tester holds its own NAME until the IUT's NAME has arrived on c2, then dials the IUT (c1). The
 * two orders of the remaining steps are drawn from a seed (printed). Each name order is repeated
 * {@value #REPEATS} times: exactly one session must survive, with exactly one node_up.
 * <pre>
 *  tester T &lt; IUT                              tester T &gt; IUT
 *  c2: IUT NAME(IUT) -&gt; T (held)               c2: IUT NAME(IUT) -&gt; T (held)
 *  c1: T NAME(T) -&gt; IUT: ok_simultaneous (TIE-3) c1: T NAME(T) -&gt; IUT: nok, close (TIE-2)
 *  c2: T answers nok (TIE-2 on our side)       c2: T answers ok_simultaneous, IUT REPLY, T ACK
 *  c1: REPLY, ACK: node_up(T, incoming)        node_up(T, outgoing)
 * </pre>
 */
@ConformanceTest
class SimultaneousConnectTest {
    static final int REPEATS = 50;

    @Test
    @Requirement({"TIE-1", "TIE-3", "TIE-4", "TIE-5", "STATUS-1", "HS-8"})
    void testerSmallerThanIut(Iut iut, Tester t) {
        long seed = t.run().seed();
        Random rnd = new Random(seed);
        t.note("TIE-1/TIE-3/TIE-4/TIE-5: " + REPEATS + " forced races with the tester's name smaller, seed " + seed);
        TesterListener l = t.listen();
        for (int i = 0; i < REPEATS; i++) {
            t.transcript().note("--", "race " + i + " (seed " + seed + ")");
            String name = t.name("a-race", l.port());
            int mark = iut.mark();
            iut.connect(name, l.hostPort());
            PeerConnection c2 = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c2, iut);
            PeerConnection c1 = t.dial(iut);
            WireFrame.StatusChallenge st = Handshakes.sendName(c1, iut, name, 5);
            assertThat(st.status()).as("TIE-3: the IUT (larger, with an attempt to us) answers ok_simultaneous, race " + i)
                    .isEqualTo(StatusCode.OK_SIMULTANEOUS);
            boolean nokFirst = rnd.nextBoolean();
            if (nokFirst) {
                c2.trySend(Frames.status(StatusCode.NOK, new byte[0], name, 5));
                c2.close();
            }
            byte[] mine = t.challenge();
            c1.send(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), mine));
            Handshakes.checkDigest("HS-4", iut.cookie(), mine, c1.expect(WireFrame.ChallengeAck.class, t.timeouts().event()).digest());
            if (!nokFirst) {
                c2.trySend(Frames.status(StatusCode.NOK, new byte[0], name, 5));
                c2.close();
            }
            oneSession(iut, t, name, mark, "incoming", i, seed);
            c1.close();
        }
    }

    @Test
    @Requirement({"TIE-1", "TIE-2", "TIE-5", "STATUS-1", "HS-8"})
    void testerLargerThanIut(Iut iut, Tester t) {
        long seed = t.run().seed();
        Random rnd = new Random(seed);
        t.note("TIE-1/TIE-2/TIE-5: " + REPEATS + " forced races with the tester's name larger, seed " + seed);
        TesterListener l = t.listen();
        for (int i = 0; i < REPEATS; i++) {
            t.transcript().note("--", "race " + i + " (seed " + seed + ")");
            String name = t.name("z-race", l.port());
            int mark = iut.mark();
            iut.connect(name, l.hostPort());
            PeerConnection c2 = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c2, iut);
            boolean nameFirst = rnd.nextBoolean();
            byte[] ours = t.challenge();
            if (!nameFirst) {
                c2.send(Frames.status(StatusCode.OK_SIMULTANEOUS, ours, name, 5));
            }
            PeerConnection c1 = t.dial(iut);
            c1.send(Frames.name(name, 5));
            Outcomes.refusedWithStatus(c1, iut, name, StatusCode.NOK, "nok", "TIE-2: the IUT (smaller, with an attempt to us) answers nok, race " + i);
            if (nameFirst) {
                c2.send(Frames.status(StatusCode.OK_SIMULTANEOUS, ours, name, 5));
            }
            WireFrame.ChallengeReply r = c2.expect(WireFrame.ChallengeReply.class, t.timeouts().event());
            Handshakes.checkDigest("HS-3", iut.cookie(), ours, r.digest());
            c2.send(Frames.ack(HmacSha256.digest(iut.cookie(), r.challenge())));
            oneSession(iut, t, name, mark, "outgoing", i, seed);
            c2.close();
        }
    }

    @Test
    @Requirement({"TIE-4", "HS-6"})
    void anUnauthenticatedClaimNeverCancelsTheAttempt(Iut iut, Tester t) {
        for (String prefix : List.of("a-claim", "z-claim")) {
            for (String impostorEnd : List.of("wrong-digest", "close")) {
                TesterListener l = t.listen();
                String name = t.name(prefix, l.port());
                int mark = iut.mark();
                iut.connect(name, l.hostPort());
                PeerConnection genuine = Handshakes.acceptConnection(t, l);
                WireFrame.Name n = Handshakes.expectName(genuine, iut);

                PeerConnection impostor = t.dial(iut);
                WireFrame.StatusChallenge st = Handshakes.sendName(impostor, iut, name, 6);
                if (st.status() == StatusCode.OK_SIMULTANEOUS && impostorEnd.equals("wrong-digest")) {
                    impostor.send(Frames.reply(t.randomBytes(32), t.challenge()));
                    Outcomes.closedSilently(impostor, iut, name, "cookie_mismatch", "AUTH-6");
                } else {
                    impostor.close();
                }
                iut.expectNone(mark, "TIE-4: the attempt given up for an unauthenticated claim",
                        e -> e.is("handshake_failed") && name.equals(e.peer()) && "outgoing".equals(e.direction()), Duration.ofMillis(100));
                Handshakes.Session s = Handshakes.finishAsAcceptor(t, iut, genuine, name, 5, StatusCode.OK, n);
                assertThat(s.nodeUp().direction()).as("TIE-4: the IUT's own attempt survived a claim by " + impostorEnd).isEqualTo("outgoing");
                genuine.close();
            }
        }
    }

    /**
     * The IUT answered ok, then started its own attempt to the same name before the REPLY came:
     * the tiebreak is applied again when the peer is authenticated (PROTOCOL.md, resolving on a
     * verified CHALLENGE_REPLY, rows 1 and 2).
     */
    @Test
    @Requirement({"TIE-1", "TIE-4", "TIE-5"})
    void anAttemptStartedAfterTheStatusIsResolvedWhenTheDigestVerifies(Iut iut, Tester t) {
        for (String prefix : List.of("a-late", "z-late")) {
            boolean testerSmaller = prefix.startsWith("a");
            TesterListener l = t.listen();
            String name = t.name(prefix, l.port());
            int mark = iut.mark();
            PeerConnection c1 = t.dial(iut);
            WireFrame.StatusChallenge st = Handshakes.sendName(c1, iut, name, 5);
            assertThat(st.status()).as("no attempt yet: ok").isEqualTo(StatusCode.OK);
            iut.connect(name, l.hostPort());
            PeerConnection c2 = Handshakes.acceptConnection(t, l);
            WireFrame.Name n = Handshakes.expectName(c2, iut);
            byte[] mine = t.challenge();
            c1.send(Frames.reply(HmacSha256.digest(iut.cookie(), st.challenge()), mine));
            if (testerSmaller) {
                Handshakes.checkDigest("HS-4", iut.cookie(), mine, c1.expect(WireFrame.ChallengeAck.class, t.timeouts().event()).digest());
                c2.expectClosed(t.timeouts().close(), "TIE-4: the IUT (larger) gives up its own later attempt once our digest verified");
                oneSession(iut, t, name, mark, "incoming", 0, 0);
                c1.close();
            } else {
                Outcomes.closedSilently(c1, iut, name, "nok", "TIE-1: the IUT (smaller) keeps its own attempt and closes ours without ACK");
                Handshakes.Session s = Handshakes.finishAsAcceptor(t, iut, c2, name, 5, StatusCode.OK, n);
                assertThat(s.nodeUp().direction()).as("TIE-5: the smaller name's connection survives").isEqualTo("outgoing");
                assertThat(iut.sessionsWith(name)).hasSize(1);
                c2.close();
            }
        }
    }

    private static void oneSession(Iut iut, Tester t, String name, int mark, String direction, int race, long seed) {
        String where = " (race " + race + ", seed " + seed + ")";
        Event up = iut.await(mark, "node_up for " + name + where, e -> e.is("node_up") && name.equals(e.node()), t.timeouts().event());
        assertThat(up.direction()).as("TIE-1/TIE-5: the surviving session is the smaller name's connection" + where).isEqualTo(direction);
        Event gaveUp = iut.await(mark, "handshake_failed for the losing connection" + where,
                e -> e.is("handshake_failed") && name.equals(e.peer()), t.timeouts().event());
        assertThat(gaveUp.reason()).as("TIE-2/TIE-4: the losing connection ends with nok" + where).isEqualTo("nok");
        iut.expectNone(up.index() + 1, "a second node_up for " + name + where, e -> e.is("node_up") && name.equals(e.node()),
                Duration.ofMillis(30));
        List<JsonNode> sessions = iut.sessionsWith(name);
        assertThat(sessions).as("TIE-5: exactly one session with " + name + where).hasSize(1);
        assertThat(sessions.get(0).path("direction").asText()).isEqualTo(direction);
    }
}
