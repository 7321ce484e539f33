package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.handshake.FailReason;
import org.junit.jupiter.api.Test;

/** Two real cores in one virtual network: the good handshake and cookie mismatches (HS-*, AUTH-6). */
class HandshakePairTest {
    private final CoreNetwork net = new CoreNetwork();

    @Test
    void goodHandshakeEstablishesBothSidesWithNamesCreationsAndIds() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);

        net.connect("a@h:1", "b@h:2");
        net.settle();

        assertThat(net.events("a@h:1")).containsExactly(
                new NodeEvent.NodeUp("b@h:2", 1, 22, Direction.OUTGOING, 1));
        assertThat(net.events("b@h:2")).containsExactly(
                new NodeEvent.NodeUp("a@h:1", 1, 11, Direction.INCOMING, 1));
        assertThat(net.node("a@h:1").sessions()).extracting(SessionInfo::node).containsExactly("b@h:2");
        assertThat(net.node("b@h:2").sessions()).extracting(SessionInfo::node).containsExactly("a@h:1");
    }

    @Test
    void goodHandshakeTheOtherWayRound() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);

        net.connect("b@h:2", "a@h:1");
        net.settle();

        assertThat(net.events("b@h:2")).containsExactly(
                new NodeEvent.NodeUp("a@h:1", 1, 11, Direction.OUTGOING, 1));
        assertThat(net.events("a@h:1")).containsExactly(
                new NodeEvent.NodeUp("b@h:2", 1, 22, Direction.INCOMING, 1));
    }

    @Test
    void wrongCookieIsCaughtByTheAcceptorWhichSendsNothingAndConsumesNoId() {
        net.add(CoreNetwork.config("a@h:1", "wrong", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);
        net.add(CoreNetwork.config("c@h:3", "cookie", 33), 3);

        net.connect("a@h:1", "b@h:2");
        net.settle();

        assertThat(net.events("b@h:2")).singleElement().isInstanceOfSatisfying(NodeEvent.HandshakeFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailReason.COOKIE_MISMATCH);
            assertThat(f.peer()).isEqualTo("a@h:1");
        });
        // b closed without ACK: a only sees the connection end.
        assertThat(net.events("a@h:1")).singleElement().isInstanceOfSatisfying(NodeEvent.HandshakeFailed.class,
                f -> assertThat(f.reason()).isEqualTo(FailReason.IO));
        assertThat(net.node("b@h:2").sessions()).isEmpty();

        net.connect("c@h:3", "b@h:2");
        net.settle();
        assertThat(net.events("b@h:2", NodeEvent.NodeUp.class)).singleElement()
                .extracting(NodeEvent.NodeUp::nodeId).isEqualTo(1);
    }

    @Test
    void wrongAckDigestIsCaughtByTheInitiator() {
        // b accepts any REPLY digest (a broken acceptor), so the initiator's ACK check must catch it.
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(new NodeCore(build(CoreNetwork.config("b@h:2", "other", 22)), new SeededChallenges(2),
                (expected, received) -> true, new FifoNodeIdAllocator(65535)));

        net.connect("a@h:1", "b@h:2");
        net.settle();

        assertThat(net.events("a@h:1")).singleElement().isInstanceOfSatisfying(NodeEvent.HandshakeFailed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailReason.COOKIE_MISMATCH);
            assertThat(f.detail()).startsWith("AUTH-6");
        });
        assertThat(net.node("a@h:1").sessions()).isEmpty();
        // The broken acceptor believed it; a closed without sending anything further.
        assertThat(net.events("b@h:2", NodeEvent.NodeUp.class)).hasSize(1);
        assertThat(net.events("b@h:2", NodeEvent.NodeDown.class)).singleElement()
                .extracting(NodeEvent.NodeDown::reason).hasToString("CLOSED");
    }

    @Test
    void connectingToOwnNameIsRefusedLocally() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);

        ConnectResult r = net.node("a@h:1").connect("a@h:1", 0);

        assertThat(r.outcome()).isEqualTo(ConnectResult.Outcome.SELF);
        assertThat(r.detail()).startsWith("NAME-6");
        assertThat(net.node("a@h:1").connectionCount()).isZero();
    }

    @Test
    void secondConnectToAConnectedOrConnectingPeerIsRefused() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);

        net.dial("a@h:1", "b@h:2");
        assertThat(net.node("a@h:1").connect("b@h:2", 0).outcome()).isEqualTo(ConnectResult.Outcome.ALREADY_CONNECTING);
        assertThat(net.node("a@h:1").connect("b@h", 0).outcome()).isEqualTo(ConnectResult.Outcome.STARTED);
        assertThat(net.node("a@h:1").connect("no at sign", 0).outcome()).isEqualTo(ConnectResult.Outcome.INVALID_NAME);
    }

    @Test
    void disconnectEndsTheSessionOnBothSidesAndFreesTheIds() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);
        net.connect("a@h:1", "b@h:2");
        net.settle();

        assertThat(net.node("a@h:1").disconnect("b@h:2", net.now())).isTrue();
        net.settle();

        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).singleElement()
                .extracting(NodeEvent.NodeDown::reason).hasToString("DISCONNECT");
        assertThat(net.events("b@h:2", NodeEvent.NodeDown.class)).singleElement()
                .extracting(NodeEvent.NodeDown::reason).hasToString("CLOSED");
        assertThat(net.node("a@h:1").sessions()).isEmpty();
        assertThat(net.node("b@h:2").sessions()).isEmpty();
    }

    @Test
    void shutdownReportsDisconnectForEverySession() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 11), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 22), 2);
        net.add(CoreNetwork.config("c@h:3", "cookie", 33), 3);
        net.connect("b@h:2", "a@h:1");
        net.connect("c@h:3", "a@h:1");
        net.settle();

        net.node("a@h:1").shutdown(net.now());
        net.settle();

        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).extracting(NodeEvent.NodeDown::reason)
                .hasToString("[DISCONNECT, DISCONNECT]");
        assertThat(net.node("a@h:1").connectionCount()).isZero();
        assertThat(net.node("a@h:1").connect("b@h:2", net.now()).outcome()).isEqualTo(ConnectResult.Outcome.STOPPED);
        assertThat(net.node("a@h:1").handleAccepted(net.now())).isEqualTo(-1);
    }

    static NodeConfig build(NodeConfig.Builder b) {
        try {
            return b.build();
        } catch (dev.snow.ref.handshake.InvalidNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
