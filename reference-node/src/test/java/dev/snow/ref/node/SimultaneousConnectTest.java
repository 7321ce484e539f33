package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Simultaneous connect: the smaller name keeps its outgoing connection (TIE-1..TIE-5). */
class SimultaneousConnectTest {
    private static final String SMALL = "a@h:1";
    private static final String LARGE = "b@h:2";

    @ParameterizedTest(name = "{0} dials first")
    @CsvSource({"a@h:1, b@h:2", "b@h:2, a@h:1"})
    void exactlyOneSessionSurvivesAndItIsTheSmallerNodesOutgoing(String first, String second) {
        CoreNetwork net = twoNodes(new CoreNetwork());

        CoreNetwork.End one = net.dial(first, second);
        CoreNetwork.End two = net.dial(second, first);
        net.transportReady(one);
        net.transportReady(two);
        net.runFor(Duration.ofSeconds(1));

        assertOneSessionEach(net);
        assertThat(net.node(SMALL).sessions()).singleElement()
                .extracting(SessionInfo::direction).isEqualTo(Direction.OUTGOING);
        assertThat(net.node(LARGE).sessions()).singleElement()
                .extracting(SessionInfo::direction).isEqualTo(Direction.INCOMING);
    }

    @Test
    void sweepOfInterleavingsAlwaysConvergesToOneSession() {
        List<Long> failures = new ArrayList<>();
        java.util.Set<Integer> statuses = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 300; seed++) {
            CoreNetwork net = twoNodes(new CoreNetwork(seed, Duration.ofMillis(3)));
            Random r = new Random(seed);
            String first = r.nextBoolean() ? SMALL : LARGE;
            String second = first.equals(SMALL) ? LARGE : SMALL;
            CoreNetwork.End one = net.dial(first, second);
            net.runFor(Duration.ofMillis(r.nextInt(4)));
            CoreNetwork.End two = net.dial(second, first);
            net.transportReady(one);
            net.runFor(Duration.ofMillis(r.nextInt(4)));
            if (two != null) {
                net.transportReady(two);
            }
            net.runFor(Duration.ofSeconds(2));
            statuses.addAll(net.statusesSent());
            try {
                assertOneSessionEach(net);
            } catch (AssertionError e) {
                failures.add(seed);
            }
        }
        assertThat(failures).as("seeds that did not converge (replay with new CoreNetwork(seed, 3 ms))").isEmpty();
        // The sweep must have raced through every tiebreak path, not just the easy one.
        assertThat(statuses).as("status codes seen").contains(
                Status.OK.code(), Status.OK_SIMULTANEOUS.code(), Status.NOK.code());
    }

    @Test
    void largerAcceptorAnswersOkSimultaneousAndAnUnauthenticatedClaimNeverCancelsItsAttempt() {
        CoreNetwork net = twoNodes(new CoreNetwork());
        CoreNetwork.End genuine = net.dial(LARGE, SMALL); // b's real attempt to a, TLS still in progress

        RawPeer impostor = RawPeer.initiatorAgainst(net, LARGE, "not-the-cookie");
        impostor.send(new Frame.Name(SMALL, 9));
        Frame.StatusChallenge status = impostor.last(Frame.StatusChallenge.class);
        impostor.replyTo(status, RawPeer.filled(3));

        assertThat(status.status()).isEqualTo(Status.OK_SIMULTANEOUS);
        assertThat(impostor.closedByNode()).isTrue();
        assertThat(net.node(LARGE).sessions()).isEmpty();

        net.transportReady(genuine);
        net.runFor(Duration.ofSeconds(1));
        assertOneSessionEach(net);
        assertThat(net.node(LARGE).sessions()).singleElement()
                .extracting(SessionInfo::direction).isEqualTo(Direction.OUTGOING);
    }

    @Test
    void smallerAcceptorAnswersNokWhileItsOwnAttemptIsPending() {
        CoreNetwork net = twoNodes(new CoreNetwork());
        net.dial(SMALL, LARGE);

        RawPeer claimant = RawPeer.initiatorAgainst(net, SMALL, "cookie");
        claimant.send(new Frame.Name(LARGE, 9));

        assertThat(claimant.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.NOK);
        assertThat(claimant.closedByNode()).isTrue();
    }

    @Test
    void smallerAcceptorThatDialledAfterAnsweringOkKeepsItsOwnAttempt() {
        CoreNetwork net = twoNodes(new CoreNetwork());
        RawPeer large = RawPeer.initiatorAgainst(net, SMALL, "cookie");
        large.send(new Frame.Name(LARGE, 9));
        Frame.StatusChallenge status = large.last(Frame.StatusChallenge.class);
        assertThat(status.status()).isEqualTo(Status.OK);

        ConnectResult own = net.node(SMALL).connect(LARGE, net.now()); // a dials b meanwhile
        large.replyTo(status, RawPeer.filled(4));                        // b proves the cookie

        assertThat(large.closedByNode()).isTrue();
        assertThat(large.received()).hasSize(1); // no ACK: TIE-1 at verification
        assertThat(net.events(SMALL, NodeEvent.HandshakeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(dev.snow.ref.handshake.FailReason.NOK);
            assertThat(f.detail()).startsWith("TIE-1");
        });
        assertThat(net.node(SMALL).sessions()).isEmpty();
        assertThat(net.node(SMALL).direction(own.connection())).isEqualTo(Direction.OUTGOING);
    }

    private static CoreNetwork twoNodes(CoreNetwork net) {
        net.add(CoreNetwork.config(SMALL, "cookie", 1), 11);
        net.add(CoreNetwork.config(LARGE, "cookie", 2), 22);
        return net;
    }

    private static void assertOneSessionEach(CoreNetwork net) {
        assertThat(net.node(SMALL).sessions()).extracting(SessionInfo::node).containsExactly(LARGE);
        assertThat(net.node(LARGE).sessions()).extracting(SessionInfo::node).containsExactly(SMALL);
        assertThat(net.events(SMALL, NodeEvent.NodeUp.class)).hasSize(1);
        assertThat(net.events(LARGE, NodeEvent.NodeUp.class)).hasSize(1);
        assertThat(net.events(SMALL, NodeEvent.NodeDown.class)).isEmpty();
        assertThat(net.events(LARGE, NodeEvent.NodeDown.class)).isEmpty();
        long smallConn = net.node(SMALL).sessions().get(0).connection();
        long largeConn = net.node(LARGE).sessions().get(0).connection();
        assertThat(net.node(SMALL).direction(smallConn)).isNotNull();
        assertThat(net.node(LARGE).direction(largeConn)).isNotNull();
    }
}
