package dev.snow.ref.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.snow.ref.testing.Properties;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameGenerators;
import dev.snow.ref.wire.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random and mutated byte streams against a whole node, as acceptor and as initiator: nothing
 * but typed outcomes, never a session without the cookie, every connection closed in the end
 * (FRAME-8, AUTH-6, HS-6, LIM-1, LIM-4). Replay a failure with -DQT_SEED=<seed>.
 */
class HostileInputPropertiesTest {

    /** Streams that look like a handshake: a plausible NAME or STATUS first, then anything, then mutations. */
    private static Gen<byte[]> hostileStreams(Frame opening) {
        return FrameGenerators.frameLists().zip(integers().all(), lists().of(integers().between(1, 30)).ofSizeBetween(1, 5),
                (frames, seed, cuts) -> {
                    List<Frame> all = new ArrayList<>();
                    all.add(opening);
                    all.addAll(frames);
                    byte[] stream = FrameGenerators.concat(all);
                    Random r = new Random(seed);
                    return r.nextInt(3) == 0 ? stream : mutate(stream, r);
                });
    }

    @Test
    void anAcceptorNeverEstablishesWithoutTheCookie() {
        Properties.qt().forAll(hostileStreams(new Frame.Name("p@h:9", 3)), integers().between(1, 50)).checkAssert((stream, chunk) -> {
            CoreNetwork net = new CoreNetwork();
            net.add(CoreNetwork.config("a@h:1", "cookie", 1), 1);
            RawPeer peer = RawPeer.initiatorAgainst(net, "a@h:1", "not-the-cookie");

            feedInChunks(peer, stream, chunk);
            net.runFor(Duration.ofSeconds(8));

            assertNoSessionAndAllClosed(net, "a@h:1");
        });
    }

    @Test
    void anInitiatorNeverEstablishesWithoutTheCookie() {
        Frame status = new Frame.StatusChallenge(Status.OK, RawPeer.filled(1), "b@h:2", 2);
        Properties.qt().forAll(hostileStreams(status), integers().between(1, 50)).checkAssert((stream, chunk) -> {
            CoreNetwork net = new CoreNetwork();
            net.add(CoreNetwork.config("a@h:1", "cookie", 1), 1);
            RawPeer peer = RawPeer.acceptorFor(net, "a@h:1", "b@h:2", "not-the-cookie");

            feedInChunks(peer, stream, chunk);
            net.runFor(Duration.ofSeconds(8));

            assertNoSessionAndAllClosed(net, "a@h:1");
        });
    }

    private static void feedInChunks(RawPeer peer, byte[] stream, int chunk) {
        for (int pos = 0; pos < stream.length; pos += chunk) {
            peer.sendBytes(java.util.Arrays.copyOfRange(stream, pos, Math.min(stream.length, pos + chunk)));
        }
    }

    private static void assertNoSessionAndAllClosed(CoreNetwork net, String node) {
        assertThat(net.events(node, NodeEvent.NodeUp.class)).isEmpty();
        assertThat(net.node(node).sessions()).isEmpty();
        assertThat(net.node(node).connectionCount()).as("every connection closed by the deadline at the latest").isZero();
        assertThat(net.events(node)).hasSize(1).allSatisfy(e -> assertThat(e).isInstanceOf(NodeEvent.HandshakeFailed.class));
    }

    private static byte[] mutate(byte[] stream, Random r) {
        byte[] b = stream.clone();
        for (int i = 0; i < 1 + r.nextInt(4) && b.length > 0; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
        }
        if (r.nextBoolean() && b.length > 1) {
            b = java.util.Arrays.copyOf(b, 1 + r.nextInt(b.length - 1));
        }
        return b;
    }

}
