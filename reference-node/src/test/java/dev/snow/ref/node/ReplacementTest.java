package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.session.DownReason;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** alive: a restarted peer replaces its old session only after proving the cookie (STATUS-6, ID-8, HS-6). */
class ReplacementTest {
    private final CoreNetwork net = new CoreNetwork();

    @Test
    void restartedPeerWithNewCreationReplacesTheOldSessionAfterAuthentication() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1), 1);
        net.add(CoreNetwork.config("p@h:2", "cookie", 7), 2);
        net.connect("p@h:2", "hub@h:1");
        net.settle();
        // p "restarts": its old core vanishes without closing (its connection at hub stays up).
        CoreNetwork restarted = new CoreNetwork();
        restarted.add(net.node("hub@h:1"));
        restarted.add(CoreNetwork.config("p@h:2", "cookie", 8), 3);

        restarted.connect("p@h:2", "hub@h:1");
        restarted.settle();

        assertThat(restarted.events("hub@h:1")).satisfiesExactly(
                e -> assertThat(e).isEqualTo(new NodeEvent.NodeDown("p@h:2", 1, DownReason.REPLACED,
                        ((NodeEvent.NodeDown) e).detail(), 1)),
                e -> assertThat(e).isInstanceOfSatisfying(NodeEvent.NodeUp.class, up -> {
                    assertThat(up.creation()).isEqualTo(8);
                    assertThat(up.nodeId()).isEqualTo(2); // never-used ids first (ID-2)
                    assertThat(up.direction()).isEqualTo(Direction.INCOMING);
                }));
        assertThat(net.node("hub@h:1").sessions()).singleElement()
                .satisfies(s -> assertThat(s.creation()).isEqualTo(8));
    }

    @Test
    void anUnauthenticatedClaimOfAConnectedNameNeverTearsTheSessionDown() {
        net.add(CoreNetwork.config("hub@h:1", "cookie", 1), 1);
        net.add(CoreNetwork.config("p@h:2", "cookie", 7), 2);
        net.connect("p@h:2", "hub@h:1");
        net.settle();

        RawPeer hijacker = RawPeer.initiatorAgainst(net, "hub@h:1", "guessed-wrong");
        hijacker.send(new Frame.Name("p@h:2", 99));
        Frame.StatusChallenge status = hijacker.last(Frame.StatusChallenge.class);
        hijacker.replyTo(status, RawPeer.filled(5));
        net.runFor(Duration.ofSeconds(10));

        assertThat(status.status()).isEqualTo(Status.ALIVE);
        assertThat(hijacker.closedByNode()).isTrue();
        assertThat(hijacker.received()).hasSize(1); // STATUS only: no ACK
        assertThat(net.node("hub@h:1").sessions()).singleElement().satisfies(s -> {
            assertThat(s.creation()).isEqualTo(7);
            assertThat(s.nodeId()).isEqualTo(1);
        });
        assertThat(net.events("hub@h:1", NodeEvent.NodeDown.class)).isEmpty();
    }
}
