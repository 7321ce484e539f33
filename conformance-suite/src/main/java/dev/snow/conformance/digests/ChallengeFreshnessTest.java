package dev.snow.conformance.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.Hex;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.StatusCode;
import dev.snow.conformance.peer.TesterListener;
import dev.snow.conformance.peer.WireFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Challenges in both roles are fresh and look random: {@value #EACH} from STATUS_CHALLENGE and
 * {@value #EACH} from CHALLENGE_REPLY must all differ, and their bits must be balanced (a fixed,
 * counting or mostly-zero source is caught; a CSPRNG cannot be proven from outside).
 */
@ConformanceTest
class ChallengeFreshnessTest {
    static final int EACH = 24;

    @Test
    @Requirement({"AUTH-3"})
    void challengesAreFreshAndBalancedInBothRoles(Iut iut, Tester t) {
        List<byte[]> challenges = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            PeerConnection c = t.dial(iut);
            challenges.add(Handshakes.sendName(c, iut, t.name("fresh-a"), 3).challenge());
            c.close();
        }
        TesterListener l = t.listen();
        for (int i = 0; i < EACH; i++) {
            String name = t.name("fresh-i", l.port());
            iut.connect(name, l.hostPort());
            PeerConnection c = Handshakes.acceptConnection(t, l);
            Handshakes.expectName(c, iut);
            c.send(Frames.status(StatusCode.OK, t.challenge(), name, 3));
            challenges.add(c.expect(WireFrame.ChallengeReply.class, t.timeouts().event()).challenge());
            c.close();
        }
        Set<String> distinct = new HashSet<>();
        long ones = 0;
        for (byte[] ch : challenges) {
            assertThat(distinct.add(Hex.of(ch))).as("AUTH-3: challenge " + Hex.of(ch) + " was used twice").isTrue();
            for (byte b : ch) {
                ones += Integer.bitCount(b & 0xff);
            }
        }
        long bits = challenges.size() * 256L;
        double sd = Math.sqrt(bits * 0.25);
        double z = (ones - bits / 2.0) / sd;
        t.note(String.format("AUTH-3: %d challenges (both roles) all distinct; %d of %d bits set (z = %.2f)", challenges.size(), ones, bits, z));
        assertThat(Math.abs(z)).as("AUTH-3: the bits of the challenges are balanced (|z| < 6)").isLessThan(6.0);
    }
}
