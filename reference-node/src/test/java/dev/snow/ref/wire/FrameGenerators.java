package dev.snow.ref.wire;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of frames and byte streams. */
public final class FrameGenerators {
    private FrameGenerators() {
    }

    public static Gen<Bytes32> bytes32() {
        return Generate.byteArrays(Generate.constant(32), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).map(Bytes32::of);
    }

    /** Names of 0..255 UTF-8 bytes mixing ASCII, Latin-1 and CJK characters (valid or not as node names). */
    public static Gen<String> names() {
        Gen<Character> chars = Generate.oneOf(Generate.characters('0', 'z'), Generate.characters('@', '@'),
                Generate.characters(0xe0, 0xff), Generate.characters(0x4e00, 0x4e10));
        return integers().between(0, 60).flatMap(n -> random -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(chars.generate(random));
            }
            return sb.toString();
        }).assuming(s -> s.getBytes(StandardCharsets.UTF_8).length <= Limits.MAX_NAME_BYTES);
    }

    public static Gen<Frame> frames() {
        Gen<Integer> creation = integers().between(0, 255);
        Gen<Frame> name = names().zip(creation, Frame.Name::new);
        Gen<Frame> status = Generate.enumValues(Status.class).zip(bytes32(), names(), creation,
                (s, ch, n, c) -> new Frame.StatusChallenge(s, s.continues() ? ch : null, n, c));
        Gen<Frame> reply = bytes32().zip(bytes32(), Frame.ChallengeReply::new);
        Gen<Frame> ack = bytes32().map(Frame.ChallengeAck::new);
        Gen<Frame> ping = longs().all().map(Frame.Ping::new);
        Gen<Frame> pong = longs().all().map(Frame.Pong::new);
        return Generate.oneOf(name, status, reply, ack, ping, pong);
    }

    public static Gen<List<Frame>> frameLists() {
        return org.quicktheories.generators.SourceDSL.lists().of(frames()).ofSizeBetween(1, 8);
    }

    public static byte[] concat(List<Frame> frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Frame f : frames) {
            out.writeBytes(FrameEncoder.encode(f));
        }
        return out.toByteArray();
    }
}
