package dev.snow.ref.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.snow.ref.testing.Docs;
import dev.snow.ref.testing.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Properties of the codec (FRAME-1, FRAME-10, FRAME-8), with shrinking; replay with -DQT_SEED. */
class FrameCodecPropertiesTest {
    private static final Set<String> DECODER_RULES = Set.of("FRAME-2", "FRAME-3", "FRAME-4", "FRAME-5", "FRAME-6",
            "FRAME-9", "FRAME-11", "STATUS-2", "STATUS-3", "STATUS-4", "AUTH-2");

    @Test
    void everyRuleTheDecoderReportsIsARequirementOfTheSpec() {
        Set<String> ids = new TreeSet<>();
        Docs.json("requirements.json").get("requirements").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).containsAll(DECODER_RULES);
    }

    @Test
    void encodeThenDecodeGivesTheSameFrame() {
        Properties.qt().forAll(FrameGenerators.frames()).checkAssert(f -> {
            FrameDecoder d = new FrameDecoder();
            d.feed(FrameEncoder.encode(f));
            assertThat(d.next()).isEqualTo(new DecodeResult.Decoded(f));
            assertThat(d.next()).isInstanceOf(DecodeResult.NeedMore.class);
            assertThat(d.buffered()).isZero();
        });
    }

    @Test
    void anyChunkingOfAValidStreamDecodesTheSameFrames() {
        Properties.qt().forAll(FrameGenerators.frameLists(), lists().of(integers().between(1, 40)).ofSizeBetween(0, 50))
                .checkAssert((frames, cuts) -> {
                    byte[] stream = FrameGenerators.concat(frames);
                    FrameDecoder d = new FrameDecoder();
                    List<Frame> out = new ArrayList<>();
                    int pos = 0;
                    int cut = 0;
                    while (pos < stream.length) {
                        int n = Math.min(stream.length - pos, cuts.isEmpty() ? stream.length : cuts.get(cut++ % cuts.size()));
                        d.feed(stream, pos, n);
                        pos += n;
                        DecodeResult r;
                        while ((r = d.next()) instanceof DecodeResult.Decoded dec) {
                            out.add(dec.frame());
                        }
                        assertThat(r).isInstanceOf(DecodeResult.NeedMore.class);
                    }
                    assertThat(out).isEqualTo(frames);
                });
    }

    @Test
    void randomBytesOnlyEverDecodeOrFailWithARuleOfTheSpec() {
        Properties.qt().forAll(Generate.byteArrays(integers().between(0, 600), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert(FrameCodecPropertiesTest::decodeAllExpectingOnlyTypedOutcomes);
    }

    @Test
    void mutatedValidStreamsOnlyEverDecodeOrFailWithARuleOfTheSpec() {
        Properties.qt().forAll(FrameGenerators.frameLists(), integers().all()).checkAssert((frames, seed) -> {
            byte[] stream = FrameGenerators.concat(frames);
            decodeAllExpectingOnlyTypedOutcomes(mutate(stream, new Random(seed)));
        });
    }

    /** Flips, truncates, duplicates or inserts a few bytes: the inputs a sloppy or hostile peer produces. */
    static byte[] mutate(byte[] stream, Random r) {
        byte[] b = stream.clone();
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0:
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    b = java.util.Arrays.copyOf(b, at);
                    break;
                case 2:
                    b[at] = (byte) r.nextInt(256);
                    break;
                default: {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }

    private static void decodeAllExpectingOnlyTypedOutcomes(byte[] bytes) {
        FrameDecoder d = new FrameDecoder();
        d.feed(bytes);
        DecodeResult r;
        int frames = 0;
        while ((r = d.next()) instanceof DecodeResult.Decoded) {
            frames++;
        }
        if (r instanceof DecodeResult.Malformed m) {
            assertThat(DECODER_RULES).contains(m.violation().rule());
            assertThat(m.violation().detail()).isNotBlank();
        }
        assertThat(frames * 9).isLessThanOrEqualTo(bytes.length);
    }
}
