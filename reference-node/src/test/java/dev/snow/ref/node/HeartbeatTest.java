package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.session.DownReason;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Heartbeats in virtual time, where the rule applies exactly (HB-1..HB-6). */
class HeartbeatTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final CoreNetwork net = new CoreNetwork();

    private void pair() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT), 1);
        net.add(CoreNetwork.config("b@h:2", "cookie", 2).heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT), 2);
        net.connect("a@h:1", "b@h:2");
        net.settle();
    }

    @Test
    void answeredHeartbeatsKeepTheSessionUpForAnHour() {
        pair();

        net.runFor(Duration.ofHours(1));

        assertThat(net.node("a@h:1").sessions()).hasSize(1);
        assertThat(net.node("b@h:2").sessions()).hasSize(1);
        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).isEmpty();
    }

    @Test
    void aSilentPeerIsDetectedAtExactlyIntervalPlusTimeout() {
        pair();
        long established = net.now();

        net.mute("b@h:2");
        net.runFor(Duration.ofMinutes(5));

        NodeEvent.NodeDown down = net.events("a@h:1", NodeEvent.NodeDown.class).get(0);
        assertThat(down.reason()).isEqualTo(DownReason.HEARTBEAT_TIMEOUT);
        assertThat(net.timeOf(down) - established).isEqualTo(INTERVAL.plus(TIMEOUT).toNanos());
        assertThat(net.node("a@h:1").sessions()).isEmpty();
    }

    @Test
    void aLatePongWithinTheTimeoutIsNoFalsePositive() {
        pair();
        net.latency(TIMEOUT.minusMillis(1).dividedBy(2)); // round trip 14.999 s < 15 s

        net.runFor(Duration.ofMinutes(30));

        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).isEmpty();
        assertThat(net.events("b@h:2", NodeEvent.NodeDown.class)).isEmpty();
        assertThat(net.node("a@h:1").sessions()).hasSize(1);
        assertThat(net.node("b@h:2").sessions()).hasSize(1);
    }

    @Test
    void aPongOneTickTooLateIsATimeout() {
        pair();
        net.latency(TIMEOUT.dividedBy(2)); // round trip exactly 15 s: the deadline wins (HB-3)

        net.runFor(Duration.ofMinutes(2));

        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).extracting(NodeEvent.NodeDown::reason)
                .containsExactly(DownReason.HEARTBEAT_TIMEOUT);
    }

    @Test
    void pingsAreAnsweredWithTheSamePayloadAndAWrongPayloadPongDoesNotCount() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT), 1);
        RawPeer peer = establishedRawPeer();
        long established = net.now();

        peer.send(new Frame.Ping(0x0102030405060708L));
        net.runFor(INTERVAL);                                  // a sends its first PING now
        Frame.Ping ping = peer.last(Frame.Ping.class);
        peer.send(new Frame.Pong(~ping.payload()));            // wrong payload: ignored (HB-4)
        peer.send(new Frame.Pong(0x1111L));                    // unsolicited: ignored
        net.runFor(Duration.ofMinutes(1));

        assertThat(peer.received()).contains(new Frame.Pong(0x0102030405060708L));
        NodeEvent.NodeDown down = net.events("a@h:1", NodeEvent.NodeDown.class).get(0);
        assertThat(down.reason()).isEqualTo(DownReason.HEARTBEAT_TIMEOUT);
        assertThat(net.timeOf(down) - established).isEqualTo(INTERVAL.plus(TIMEOUT).toNanos());
    }

    @Test
    void pingsComeEveryIntervalWithFreshPayloads() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1).heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT), 1);
        RawPeer peer = establishedRawPeer();

        for (int i = 0; i < 5; i++) {
            net.runFor(INTERVAL);
            peer.send(new Frame.Pong(peer.last(Frame.Ping.class).payload()));
        }

        List<Long> payloads = peer.received().stream().filter(f -> f instanceof Frame.Ping)
                .map(f -> ((Frame.Ping) f).payload()).collect(Collectors.toList());
        assertThat(payloads).hasSize(5).doesNotHaveDuplicates();
        assertThat(net.node("a@h:1").sessions()).hasSize(1);
    }

    @Test
    void aHandshakeFrameAfterEstablishmentIsAProtocolError() {
        net.add(CoreNetwork.config("a@h:1", "cookie", 1), 1);
        RawPeer peer = establishedRawPeer();

        peer.send(new Frame.Name("p@h:9", 3));

        assertThat(net.events("a@h:1", NodeEvent.NodeDown.class)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DownReason.PROTOCOL_ERROR);
            assertThat(d.detail()).startsWith("HB-6");
        });
        assertThat(peer.closedByNode()).isTrue();
    }

    /** A hand-played initiator p@h:9 that completed the handshake with a@h:1. */
    private RawPeer establishedRawPeer() {
        RawPeer peer = RawPeer.initiatorAgainst(net, "a@h:1", "cookie");
        peer.send(new Frame.Name("p@h:9", 3));
        Frame.StatusChallenge status = peer.last(Frame.StatusChallenge.class);
        assertThat(status.status()).isEqualTo(Status.OK);
        peer.replyTo(status, RawPeer.filled(9));
        assertThat(peer.last(Frame.ChallengeAck.class).digest()).isEqualTo(peer.digest(RawPeer.filled(9)));
        assertThat(net.events("a@h:1", NodeEvent.NodeUp.class)).hasSize(1);
        return peer;
    }
}
