package dev.snow.ref.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snow.ref.testing.Docs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The codec against every frame of docs/vectors/frames.json (FRAME-*, STATUS-2..4, AUTH-2). */
class FrameVectorsTest {
    private static final JsonNode VECTORS = Docs.json("vectors/frames.json");

    @TestFactory
    List<DynamicTest> validFramesDecodeToTheirFieldsAndEncodeToTheirBytes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : VECTORS.get("valid")) {
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                byte[] bytes = VectorFrames.hex(v);
                Frame expected = VectorFrames.frame(v.get("frame"));

                FrameDecoder whole = new FrameDecoder();
                whole.feed(bytes);
                FrameDecoder byByte = new FrameDecoder();
                DecodeResult last = null;
                for (int i = 0; i < bytes.length; i++) {
                    byByte.feed(bytes, i, 1);
                    last = byByte.next();
                    if (i < bytes.length - 1) {
                        assertThat(last).as("after %d of %d bytes", i + 1, bytes.length).isInstanceOf(DecodeResult.NeedMore.class);
                    }
                }

                assertThat(whole.next()).isEqualTo(new DecodeResult.Decoded(expected));
                assertThat(last).isEqualTo(new DecodeResult.Decoded(expected));
                assertThat(FrameEncoder.encode(expected)).isEqualTo(bytes);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> invalidFramesAreRejectedWithTheirRuleAsSoonAsDecidable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : VECTORS.get("invalid")) {
            String rule = v.get("rule").asText();
            tests.add(DynamicTest.dynamicTest(rule + " " + v.get("name").asText(), () -> {
                byte[] bytes = VectorFrames.hex(v);
                int rejectBy = v.get("reject_by").asInt();
                FrameDecoder d = new FrameDecoder();
                DecodeResult r = DecodeResult.NEED_MORE;
                int fed = 0;
                while (fed < bytes.length && r instanceof DecodeResult.NeedMore) {
                    d.feed(bytes, fed++, 1);
                    r = d.next();
                }

                assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
                assertThat(((DecodeResult.Malformed) r).violation().rule()).isEqualTo(rule);
                assertThat(fed).as("bytes read before rejecting").isEqualTo(rejectBy);
                assertThat(d.next()).as("the decoder stays poisoned").isEqualTo(r);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> semanticVectorsDecodeFine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : VECTORS.get("semantic")) {
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> {
                FrameDecoder d = new FrameDecoder();
                d.feed(VectorFrames.hex(v));
                assertThat(d.next()).isEqualTo(new DecodeResult.Decoded(VectorFrames.frame(v.get("frame"))));
            }));
        }
        return tests;
    }
}
