package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reflection of a challenge across two connections of one node is refused (AUTH-8; SEC-1's self-reflection). */
class ReflectionTest {
    private static final String NODE = "iut@h:1";
    private static final String CLAIMED = "a-reflect@h:2"; // smaller than NODE: NODE answers ok_simultaneous
    private final CoreNetwork net = new CoreNetwork();

    @Test
    void theNodesOwnAcceptorChallengeHandedToItsInitiatorSideIsRefusedBeforeAnyDigest() {
        net.add(CoreNetwork.config(NODE, "cookie", 1), 1);
        RawPeer outward = RawPeer.acceptorFor(net, NODE, CLAIMED, "no-cookie");     // the node dials the attacker
        RawPeer inward = RawPeer.initiatorAgainst(net, NODE, "no-cookie");          // the attacker dials back
        inward.send(new Frame.Name(CLAIMED, 5));
        Frame.StatusChallenge status = inward.last(Frame.StatusChallenge.class);

        outward.send(new Frame.StatusChallenge(Status.OK, status.challenge(), CLAIMED, 5));

        assertThat(status.status()).isEqualTo(Status.OK_SIMULTANEOUS);
        assertThat(outward.received()).as("only NAME: no REPLY, so no digest of our own challenge").hasSize(1);
        assertThat(outward.closedByNode()).isTrue();
        assertThat(net.events(NODE, NodeEvent.HandshakeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(FailReason.PROTOCOL_ERROR);
            assertThat(f.detail()).startsWith("AUTH-8");
        });
        net.runFor(Duration.ofSeconds(10));
        assertThat(net.node(NODE).sessions()).isEmpty();
        assertThat(net.events(NODE, NodeEvent.NodeUp.class)).isEmpty();
    }

    @Test
    void theNodesOwnInitiatorChallengeRelayedIntoAReplyIsRefused() {
        net.add(CoreNetwork.config(NODE, "cookie", 1), 1);
        RawPeer outward = RawPeer.acceptorFor(net, NODE, "z-peer@h:3", "no-cookie");
        outward.send(new Frame.StatusChallenge(Status.OK, RawPeer.filled(0x42), "z-peer@h:3", 5));
        Frame.ChallengeReply reply = outward.last(Frame.ChallengeReply.class);
        RawPeer inward = RawPeer.initiatorAgainst(net, NODE, "no-cookie");
        inward.send(new Frame.Name("other@h:4", 5));
        inward.last(Frame.StatusChallenge.class);

        inward.send(new Frame.ChallengeReply(RawPeer.filled(0), reply.challenge()));

        assertThat(inward.closedByNode()).isTrue();
        assertThat(inward.received()).hasSize(1);
        assertThat(net.events(NODE, NodeEvent.HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("AUTH-8"));
    }

    @Test
    void challengesAreForgottenOnceTheirHandshakesEnd() {
        net.add(CoreNetwork.config(NODE, "cookie", 1), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 2), 2);
        net.add(CoreNetwork.config("c@h:3", "wrong", 3), 3);
        net.connect(NODE, "b@h:2");
        net.connect("c@h:3", NODE);
        RawPeer stalled = RawPeer.initiatorAgainst(net, NODE, "cookie");
        stalled.send(new Frame.Name("d@h:4", 1));
        assertThat(net.node(NODE).outstandingChallenges()).as("the stalled handshake's challenge").isEqualTo(1);

        net.runFor(Duration.ofSeconds(10));

        assertThat(net.node(NODE).sessions()).hasSize(1);
        assertThat(net.node(NODE).outstandingChallenges()).isZero();
        assertThat(net.node("b@h:2").outstandingChallenges()).isZero();
    }
}
