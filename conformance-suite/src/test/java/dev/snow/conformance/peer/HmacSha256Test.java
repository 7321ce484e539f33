package dev.snow.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The tester's own HMAC-SHA256 against RFC 4231 and, for any key and message, against the JDK's Mac. */
class HmacSha256Test {
    private static byte[] repeat(int b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static String mac(byte[] key, byte[] data) {
        return Hex.of(HmacSha256.mac(key, data));
    }

    @Test
    void rfc4231TestCases() {
        assertThat(mac(repeat(0x0b, 20), "Hi There".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(mac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(mac(repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        assertThat(mac(Hex.parse("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeat(0xcd, 50)))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        assertThat(mac(repeat(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void agreesWithTheJdkMacForAnyKeyAndMessage() {
        qt().withExamples(300).forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 200),
                        lists().of(integers().between(-128, 127)).ofSizeBetween(0, 100))
                .check((key, msg) -> Arrays.equals(HmacSha256.mac(bytes(key), bytes(msg)), jdk(bytes(key), bytes(msg))));
    }

    private static byte[] bytes(java.util.List<Integer> b) {
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i).byteValue();
        }
        return out;
    }

    private static byte[] jdk(byte[] key, byte[] msg) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            // the JDK refuses an empty key; HMAC zero-pads keys, so one zero byte is the same key
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return m.doFinal(msg);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
