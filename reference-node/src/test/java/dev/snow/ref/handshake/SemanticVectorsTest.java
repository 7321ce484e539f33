package dev.snow.ref.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.testing.Docs;
import dev.snow.ref.wire.Bytes32;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.Status;
import dev.snow.ref.wire.VectorFrames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The "semantic" vectors decode fine and the handshake refuses them as the vectors say, in both roles. */
class SemanticVectorsTest {
    private static final JsonNode VECTORS = Docs.json("vectors/frames.json");

    @TestFactory
    List<DynamicTest> eachRoleRefusesEachSemanticVectorAsSpecified() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : VECTORS.get("semantic")) {
            tests.add(DynamicTest.dynamicTest(v.get("rule").asText() + " " + v.get("name").asText(), () -> {
                JsonNode ctx = v.get("context");
                FrameDecoder d = new FrameDecoder();
                d.feed(VectorFrames.hex(v));
                Frame frame = ((DecodeResult.Decoded) d.next()).frame();
                CookieMac mac = new CookieMac("c");

                Handshake acceptor = Handshake.acceptor(NodeName.parse(ctx.get("acceptor_name").asText()), 1, mac,
                        DigestComparator.CONSTANT_TIME, new FixedChallenges(filled(1)), new ScriptedPolicy());
                acceptor.onTransportReady();
                Handshake initiator = Handshake.initiator(NodeName.parse("x@h:1"), 1, mac, DigestComparator.CONSTANT_TIME,
                        new FixedChallenges(filled(2)), new ScriptedPolicy(), NodeName.parse(ctx.get("dialled").asText()));
                initiator.onTransportReady();

                HandshakeStep a = acceptor.onFrame(frame);
                HandshakeStep i = initiator.onFrame(frame);

                assertThat(a.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
                assertThat(a.failure().wireName()).isEqualTo(v.get("acceptor").asText());
                if (a.failure() == FailReason.NOT_ALLOWED) {
                    assertThat(a.send()).singleElement().isInstanceOfSatisfying(Frame.StatusChallenge.class,
                            s -> assertThat(s.status()).isEqualTo(Status.NOT_ALLOWED));
                } else {
                    assertThat(a.send()).isEmpty();
                }
                assertThat(i.outcome()).isEqualTo(HandshakeStep.Outcome.FAILED);
                assertThat(i.failure().wireName()).isEqualTo(v.get("initiator").asText());
                assertThat(i.send()).isEmpty();
                assertThat(a.detail() + " " + i.detail()).contains(v.get("rule").asText());
            }));
        }
        return tests;
    }

    private static Bytes32 filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return Bytes32.of(b);
    }
}
