package dev.snow.ref.handshake;

import static dev.snow.ref.handshake.HardenedHandshakeTest.ACCEPTOR;
import static dev.snow.ref.handshake.HardenedHandshakeTest.CHANNEL;
import static dev.snow.ref.handshake.HardenedHandshakeTest.CH_A;
import static dev.snow.ref.handshake.HardenedHandshakeTest.CH_I;
import static dev.snow.ref.handshake.HardenedHandshakeTest.INITIATOR;
import static dev.snow.ref.handshake.HardenedHandshakeTest.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Frame;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each binding of HARD-4 stops one attack, and each {@link BindingMutant} falls to it. The
 * attacker holds no cookie; it hands the acceptor a REPLY digest that an honest node computed in
 * a context differing in exactly one binding:
 * <pre>
 * binding       where the honest digest came from                              attack
 * certificates  the initiator's own TLS channel to the relay                   relay (SEC-1)
 * role          an honest acceptor's ACK on a connection with the same inputs  reflection across roles
 * names         an honest node whose handshake is registered under INITIATOR  hijack under another name
 * challenges    an earlier handshake over the same channel and names          replay
 * </pre>
 * The honest nodes run the same implementation as the acceptor under attack. The hardened
 * acceptor refuses every one (cookie_mismatch, AUTH-6); the mutant that forgot the binding
 * registers the attacker.
 */
class HardenedBindingTest {
    private static final Bytes32 OTHER_HASH = Bytes32.fromHex("ee".repeat(32));
    private static final Bytes32 OLD_CHALLENGE = Bytes32.fromHex("5a".repeat(32));

    /** The digest each attack replays, as an honest node running {@code honest} computed it elsewhere. */
    private static Bytes32 stolenDigest(DigestScheme honest, BindingMutant attack) {
        Map<BindingMutant, Bytes32> stolen = Map.of(
                BindingMutant.FORGETS_CERTIFICATES, honest.reply(new DigestContext(
                        new ChannelBinding(CHANNEL.initiatorCertificateSha256(), OTHER_HASH), INITIATOR, ACCEPTOR, CH_A, CH_I)),
                BindingMutant.FORGETS_ROLE, honest.ack(new DigestContext(CHANNEL, INITIATOR, ACCEPTOR, CH_A, CH_I)),
                BindingMutant.FORGETS_NAMES, honest.reply(new DigestContext(CHANNEL, "mallory-victim@127.0.0.1", ACCEPTOR, CH_A, CH_I)),
                BindingMutant.FORGETS_CHALLENGES, honest.reply(new DigestContext(CHANNEL, INITIATOR, ACCEPTOR, OLD_CHALLENGE, OLD_CHALLENGE)));
        return stolen.get(attack);
    }

    /** A hardened acceptor with {@code scheme} sees NAME(INITIATOR), issues CH_A, and gets REPLY(digest, CH_I). */
    private static HandshakeStep replyWith(DigestScheme scheme, Bytes32 digest) throws Exception {
        Handshake acceptor = Handshake.acceptor(NodeName.parse(ACCEPTOR), 42, scheme, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_A), new ScriptedPolicy());
        acceptor.onTransportReady(CHANNEL);
        acceptor.onFrame(new Frame.Name(INITIATOR, 7));
        return acceptor.onFrame(new Frame.ChallengeReply(digest, CH_I));
    }

    @ParameterizedTest
    @EnumSource(BindingMutant.class)
    void the_hardened_acceptor_refuses_the_stolen_digest_and_the_mutant_does_not(BindingMutant mutant) throws Exception {
        DigestScheme real = new HardenedDigests(mac());
        DigestScheme forgetful = mutant.scheme(mac());

        HandshakeStep hardened = replyWith(real, stolenDigest(real, mutant));
        HandshakeStep mutated = replyWith(forgetful, stolenDigest(forgetful, mutant));

        assertThat(hardened.failure()).as("HARD-4: the hardened acceptor's verdict on the %s attack", mutant).isEqualTo(FailReason.COOKIE_MISMATCH);
        assertThat(mutated.outcome()).as("the mutant %s falls to its attack (the check kills it)", mutant)
                .isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
    }
}
