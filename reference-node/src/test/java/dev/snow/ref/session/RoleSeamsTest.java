package dev.snow.ref.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snow.ref.handshake.Direction;
import dev.snow.ref.wire.DecodeResult;
import dev.snow.ref.wire.Frame;
import dev.snow.ref.wire.FrameDecoder;
import dev.snow.ref.wire.FrameEncoder;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role-confined defects the conformance mutants plant (docs/MUTATION.md): a rule broken
 * "@acceptor" holds on outgoing connections, and each decoder defect really is that defect,
 * while the real seams refuse the same bytes.
 */
class RoleSeamsTest {
    private static final byte[] PING = FrameEncoder.encode(new Frame.Ping(0x0102030405060708L));

    @Test
    void aRuleBrokenForOneRoleHoldsInTheOther() {
        SessionSeams s = SessionSeams.REAL.laxOn("FRAME-2", Direction.INCOMING).laxOn("FRAME-6");

        assertThat(s.laxRules(Direction.INCOMING)).containsExactlyInAnyOrder("FRAME-2", "FRAME-6");
        assertThat(s.laxRules(Direction.OUTGOING)).containsExactly("FRAME-6");
        assertThat(s.isLax("FRAME-2", Direction.OUTGOING)).isFalse();
        assertThat(SessionSeams.REAL.laxRules(Direction.INCOMING)).isEmpty();
    }

    @Test
    void skippingEmptyFramesIsTheFrame2Defect() {
        assertThat(decode(Set.of(), bytes("00000000"), PING)).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(decode(Set.of("FRAME-2"), bytes("00000000"), PING)).isEqualTo(new DecodeResult.Decoded(new Frame.Ping(0x0102030405060708L)));
    }

    @Test
    void skippingUnknownTagsIsTheFrame4Defect() {
        byte[] tag9 = bytes("0000000209ff");
        assertThat(decode(Set.of(), tag9, PING)).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(decode(Set.of("FRAME-4"), tag9, PING)).isEqualTo(new DecodeResult.Decoded(new Frame.Ping(0x0102030405060708L)));
    }

    @Test
    void zeroPaddingShortFieldsIsTheFrame5Defect() {
        byte[] nameWithoutCreation = bytes("000000080100056140683a31");
        assertThat(decode(Set.of(), nameWithoutCreation)).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(decode(Set.of("FRAME-5"), nameWithoutCreation)).isEqualTo(new DecodeResult.Decoded(new Frame.Name("a@h:1", 0)));
    }

    @Test
    void droppingPartialReadsIsTheFrame10Defect() {
        FrameDecoder real = new FrameDecoder();
        FrameDecoder lax = new FrameDecoder(4096, false, true, Set.of("FRAME-10"));
        for (FrameDecoder d : new FrameDecoder[] {real, lax}) {
            d.feed(PING, 0, 3);
            d.feed(PING, 3, PING.length - 3);
        }
        assertThat(real.next()).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(lax.next()).as("the first 3 bytes were dropped").isNotInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void theFrame1DefectSendsALenThatLeavesTheTagOut() {
        Frame ack = new Frame.ChallengeAck(dev.snow.ref.wire.Bytes32.of(new byte[32]));
        SessionSeams s = SessionSeams.REAL.laxOn("FRAME-1", Direction.INCOMING);

        assertThat(s.encodeHandshakeFrame(ack, Direction.OUTGOING)).isEqualTo(FrameEncoder.encode(ack));
        assertThat(HexFormat.of().formatHex(s.encodeHandshakeFrame(ack, Direction.INCOMING), 0, 5)).isEqualTo("0000002404");
    }

    private static DecodeResult decode(Set<String> lax, byte[]... reads) {
        FrameDecoder d = new FrameDecoder(4096, false, true, lax);
        for (byte[] r : reads) {
            d.feed(r);
        }
        return d.next();
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
