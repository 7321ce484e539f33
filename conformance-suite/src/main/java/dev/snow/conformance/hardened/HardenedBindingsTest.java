package dev.snow.conformance.hardened;

import dev.snow.conformance.harness.ConformanceTest;
import dev.snow.conformance.harness.Event;
import dev.snow.conformance.harness.FreshIut;
import dev.snow.conformance.harness.Handshakes;
import dev.snow.conformance.harness.Iut;
import dev.snow.conformance.harness.Requirement;
import dev.snow.conformance.harness.Tester;
import dev.snow.conformance.peer.Frames;
import dev.snow.conformance.peer.HardenedDigest;
import dev.snow.conformance.peer.HardenedDigest.Channel;
import dev.snow.conformance.peer.HmacSha256;
import dev.snow.conformance.peer.MutualTls;
import dev.snow.conformance.peer.PeerConnection;
import dev.snow.conformance.peer.WireFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * HARD-5: the hardened acceptor checks every binding. The tester, which knows the cookie, plays
 * an honest node whose digest was made in a context that differs from this connection in one
 * binding (as a relay or hijack would hand it over), or made the base-profile way (a
 * downgrade). The IUT must refuse each: close, no ACK, handshake_failed cookie_mismatch.
 */
@ConformanceTest
@FreshIut(profile = "hardened")
class HardenedBindingsTest {

    private interface Forgery {
        byte[] digest(String cookie, Channel ch, String initiator, String acceptor, byte[] chA, byte[] chI);
    }

    private record Variant(String what, Forgery forge) {
    }

    private static List<Variant> variants() {
        byte[] otherHash = new byte[32];
        Arrays.fill(otherHash, (byte) 0xee);
        byte[] otherChallenge = new byte[32];
        Arrays.fill(otherChallenge, (byte) 0x5a);
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("the base-profile digest HMAC(cookie, acceptor_challenge) (a downgrade, HARD-1)",
                (k, ch, i, a, chA, chI) -> HmacSha256.digest(k, chA)));
        v.add(new Variant("a digest over another acceptor certificate (a relay's channel)",
                (k, ch, i, a, chA, chI) -> HardenedDigest.reply(k, new Channel(ch.initiatorCertificateSha256(), otherHash), i, a, chA, chI)));
        v.add(new Variant("a digest over another initiator certificate (a relay's channel)",
                (k, ch, i, a, chA, chI) -> HardenedDigest.reply(k, new Channel(otherHash, ch.acceptorCertificateSha256()), i, a, chA, chI)));
        v.add(new Variant("the ACK-role digest of the same inputs (role 0x02)",
                (k, ch, i, a, chA, chI) -> HardenedDigest.ack(k, ch, i, a, chA, chI)));
        v.add(new Variant("a digest made for another initiator name",
                (k, ch, i, a, chA, chI) -> HardenedDigest.reply(k, ch, "someone-else@127.0.0.1", a, chA, chI)));
        v.add(new Variant("a digest over another acceptor challenge (a replay)",
                (k, ch, i, a, chA, chI) -> HardenedDigest.reply(k, ch, i, a, otherChallenge, chI)));
        v.add(new Variant("a digest over another initiator challenge",
                (k, ch, i, a, chA, chI) -> HardenedDigest.reply(k, ch, i, a, chA, otherChallenge)));
        return v;
    }

    @Test
    @Requirement({"HARD-5", "HARD-4", "HARD-1"})
    void theAcceptorRefusesADigestMadeForAnyOtherContext(Iut iut, Tester t) {
        SSLContext identity = MutualTls.newIdentity();
        for (Variant v : variants()) {
            String name = t.name("forged");
            PeerConnection c = t.dialMutual(iut.address(), identity);
            WireFrame.StatusChallenge st = Handshakes.sendName(c, iut, name, 7);
            Channel ch = Channel.of(c.tlsSession(), true);
            byte[] own = t.challenge();
            int mark = iut.mark();

            c.send(Frames.reply(v.forge().digest(iut.cookie(), ch, name, iut.name(), st.challenge(), own), own));

            c.expectClosed(t.timeouts().event(), "HARD-5: the IUT accepted or answered " + v.what());
            Event f = iut.await(mark, "handshake_failed after " + v.what(), e -> e.is("handshake_failed") && name.equals(e.peer()),
                    t.timeouts().event());
            if (!"cookie_mismatch".equals(f.reason())) {
                throw new AssertionError("HARD-5/AUTH-6: after " + v.what() + " the IUT reported " + f.reason() + ", not cookie_mismatch");
            }
            iut.expectNone(mark, "node_up for " + name, e -> e.is("node_up") && name.equals(e.node()), java.time.Duration.ZERO);
        }
    }
}
