package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.FailReason;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Every status code, from both roles (STATUS-1..STATUS-6, NAME-5, HS-7, ID-5). */
class StatusCodeTest {
    private final CoreNetwork net = new CoreNetwork();

    private void hub(int maxNodeId) {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1).maxNodeId(maxNodeId), 1);
    }

    @Test
    void okForAFreshPeer() {
        hub(65535);
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("p@h:9", 5));

        Frame.StatusChallenge status = peer.last(Frame.StatusChallenge.class);
        assertThat(status.status()).isEqualTo(Status.OK);
        assertThat(status.name()).isEqualTo("hub@h:1");
        assertThat(status.creation()).isEqualTo(1);
        assertThat(status.challenge()).isNotNull();
        assertThat(peer.closedByNode()).isFalse();
    }

    @Test
    void notAllowedForAnInvalidNameThenClose() {
        hub(65535);
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("no-at-sign", 5));

        Frame.StatusChallenge status = peer.last(Frame.StatusChallenge.class);
        assertThat(status.status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(status.challenge()).isNull();
        assertThat(peer.closedByNode()).isTrue();
        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("NAME-5"));
    }

    @Test
    void notAllowedForOurOwnName() {
        hub(65535);
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("hub@h:1", 5));

        assertThat(peer.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(peer.closedByNode()).isTrue();
    }

    @Test
    void notAllowedForCreationZero() {
        hub(65535);
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("p@h:9", 0));

        assertThat(peer.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("HS-7"));
    }

    @Test
    void notAllowedWhenNoNodeIdIsFree() {
        hub(1);
        net.add(CoreNetwork.config("p1@h:2", "cookie", 2), 2);
        net.connect("p1@h:2", "hub@h:1");
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("p2@h:3", 5));

        assertThat(peer.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.NOT_ALLOWED);
        assertThat(peer.closedByNode()).isTrue();
    }

    @Test
    void aliveWhenASessionWithThatNameExists() {
        hub(65535);
        net.add(CoreNetwork.config("p@h:2", "cookie", 2), 2);
        net.connect("p@h:2", "hub@h:1");
        RawPeer peer = RawPeer.initiatorAgainst(net, "hub@h:1", "cookie");

        peer.send(new Frame.Name("p@h:2", 3));

        assertThat(peer.last(Frame.StatusChallenge.class).status()).isEqualTo(Status.ALIVE);
        assertThat(net.node("hub@h:1").sessions()).hasSize(1);
    }

    @Test
    void initiatorReportsNokAndNotAllowed() {
        hub(65535);
        RawPeer nok = RawPeer.acceptorFor(net, "hub@h:1", "x@h:5", "cookie");
        nok.send(new Frame.StatusChallenge(Status.NOK, null, "x@h:5", 4));
        RawPeer notAllowed = RawPeer.acceptorFor(net, "hub@h:1", "y@h:6", "cookie");
        notAllowed.send(new Frame.StatusChallenge(Status.NOT_ALLOWED, null, "y@h:6", 4));

        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).extracting(NodeEvent.HandshakeFailed::reason)
                .containsExactly(FailReason.NOK, FailReason.NOT_ALLOWED);
        assertThat(nok.closedByNode()).isTrue();
        assertThat(notAllowed.closedByNode()).isTrue();
    }

    @Test
    void initiatorAbortsOnAnUnknownStatus() {
        hub(65535);
        RawPeer peer = RawPeer.acceptorFor(net, "hub@h:1", "x@h:5", "cookie");

        // STATUS_CHALLENGE with status 5: len=1+1+4+0+2+5+1=14
        peer.sendBytes(HexFormat.of().parseHex("0000000e" + "02" + "05" + "00000000" + "0005" + "7840683a35" + "04"));

        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(FailReason.PROTOCOL_ERROR);
            assertThat(f.detail()).startsWith("STATUS-4");
        });
        assertThat(peer.closedByNode()).isTrue();
    }

    @Test
    void initiatorAbortsWhenTheAcceptorIsNotTheNodeItDialled() {
        hub(65535);
        RawPeer peer = RawPeer.acceptorFor(net, "hub@h:1", "x@h:5", "cookie");

        peer.send(new Frame.StatusChallenge(Status.OK, RawPeer.filled(7), "impostor@h:5", 4));

        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("NAME-7"));
        assertThat(peer.received()).hasSize(1); // only our NAME: no REPLY to an impostor
    }

    @Test
    void initiatorAbortsOnAcceptorCreationZero() {
        hub(65535);
        RawPeer peer = RawPeer.acceptorFor(net, "hub@h:1", "x@h:5", "cookie");

        peer.send(new Frame.StatusChallenge(Status.OK, RawPeer.filled(7), "x@h:5", 0));

        assertThat(net.events("hub@h:1", NodeEvent.HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("HS-7"));
    }
}
