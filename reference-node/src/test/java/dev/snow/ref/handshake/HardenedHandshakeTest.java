package dev.snow.ref.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.testing.Docs;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.Frame;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The hardened profile in the sans-IO handshake: the digest input of HARD-4 byte for byte
 * (docs/vectors/hardened.json), a full handshake with the vector's digests, and the
 * profile_mismatch refusal of a channel without mutual TLS (HARD-7), for both roles.
 */
class HardenedHandshakeTest {
    static final JsonNode V = Docs.json("vectors/hardened.json");
    static final ChannelBinding CHANNEL = new ChannelBinding(Bytes32.fromHex(V.get("initiator_certificate_sha256").asText()),
            Bytes32.fromHex(V.get("acceptor_certificate_sha256").asText()));
    static final Bytes32 CH_A = Bytes32.fromHex(V.get("acceptor_challenge").asText());
    static final Bytes32 CH_I = Bytes32.fromHex(V.get("initiator_challenge").asText());
    static final String INITIATOR = V.get("initiator_name").asText();
    static final String ACCEPTOR = V.get("acceptor_name").asText();

    static CookieMac mac() {
        return new CookieMac(V.get("cookie").asText());
    }

    static DigestContext vectorContext() {
        return new DigestContext(CHANNEL, INITIATOR, ACCEPTOR, CH_A, CH_I);
    }

    @Test
    void the_digest_inputs_and_digests_match_the_vector() {
        HardenedDigests d = new HardenedDigests(mac());

        assertThat(HexFormat.of().formatHex(d.input(HardenedDigests.ROLE_REPLY, vectorContext()))).isEqualTo(V.get("reply_input").asText());
        assertThat(HexFormat.of().formatHex(d.input(HardenedDigests.ROLE_ACK, vectorContext()))).isEqualTo(V.get("ack_input").asText());
        assertThat(d.reply(vectorContext()).hex()).isEqualTo(V.get("reply_digest").asText());
        assertThat(d.ack(vectorContext()).hex()).isEqualTo(V.get("ack_digest").asText());
    }

    @Test
    void a_hardened_pair_establishes_with_the_vector_digests() throws Exception {
        DigestScheme scheme = new HardenedDigests(mac());
        Handshake initiator = Handshake.initiator(NodeName.parse(INITIATOR), 7, scheme, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_I), new ScriptedPolicy(), NodeName.parse(ACCEPTOR));
        Handshake acceptor = Handshake.acceptor(NodeName.parse(ACCEPTOR), 42, scheme, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_A), new ScriptedPolicy());

        Frame name = initiator.onTransportReady(CHANNEL).send().get(0);
        acceptor.onTransportReady(CHANNEL);
        Frame status = acceptor.onFrame(name).send().get(0);
        Frame.ChallengeReply reply = (Frame.ChallengeReply) initiator.onFrame(status).send().get(0);
        HandshakeStep accepted = acceptor.onFrame(reply);
        HandshakeStep done = initiator.onFrame(accepted.send().get(0));

        assertThat(reply.digest().hex()).isEqualTo(V.get("reply_digest").asText());
        assertThat(((Frame.ChallengeAck) accepted.send().get(0)).digest().hex()).isEqualTo(V.get("ack_digest").asText());
        assertThat(accepted.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
        assertThat(done.outcome()).isEqualTo(HandshakeStep.Outcome.ESTABLISHED);
    }

    @Test
    void without_mutual_tls_both_roles_refuse_as_profile_mismatch_and_send_nothing() throws Exception {
        DigestScheme scheme = new HardenedDigests(mac());
        Handshake initiator = Handshake.initiator(NodeName.parse(INITIATOR), 7, scheme, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_I), new ScriptedPolicy(), NodeName.parse(ACCEPTOR));
        Handshake acceptor = Handshake.acceptor(NodeName.parse(ACCEPTOR), 42, scheme, DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_A), new ScriptedPolicy());

        HandshakeStep i = initiator.onTransportReady(new ChannelBinding(null, CHANNEL.acceptorCertificateSha256()));
        HandshakeStep a = acceptor.onTransportReady(new ChannelBinding(null, CHANNEL.acceptorCertificateSha256()));

        for (HandshakeStep s : new HandshakeStep[] {i, a}) {
            assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
            assertThat(s.failure()).isEqualTo(FailReason.PROFILE_MISMATCH);
            assertThat(s.detail()).startsWith("HARD-7");
            assertThat(s.send()).isEmpty();
        }
    }

    @Test
    void a_base_node_ignores_the_channel_binding() throws Exception {
        Handshake initiator = Handshake.initiator(NodeName.parse(INITIATOR), 7, new BaseDigests(mac()), DigestComparator.CONSTANT_TIME,
                new FixedChallenges(CH_I), new ScriptedPolicy(), NodeName.parse(ACCEPTOR));

        HandshakeStep s = initiator.onTransportReady(ChannelBinding.NONE);

        assertThat(s.outcome()).isEqualTo(HandshakeStep.Outcome.CONTINUE);
        assertThat(s.send()).hasSize(1);
    }
}
