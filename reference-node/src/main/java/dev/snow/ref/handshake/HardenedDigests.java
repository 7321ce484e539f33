package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hardened-profile digests (HARD-4): HMAC(cookie, input) over
 * <pre>
 * offset  size  field
 * ------  ----  -------------------------------------------------------------
 *      0    16  label "snow-hardened-v1" (ASCII)
 *     16     1  role: 0x01 REPLY (initiator proves), 0x02 ACK (acceptor proves)
 *     17    32  SHA-256(initiator certificate DER)
 *     49    32  SHA-256(acceptor certificate DER)
 *     81     2  u16 n_i, then n_i bytes: initiator name (UTF-8, as sent in NAME)
 *      .     2  u16 n_a, then n_a bytes: acceptor name (UTF-8, as sent in STATUS_CHALLENGE)
 *      .    32  acceptor challenge (from STATUS_CHALLENGE)
 *      .    32  initiator challenge (from CHALLENGE_REPLY)
 * </pre>
 * The certificates bind the TLS channel (a relay has two channels with different certificate
 * pairs), the role byte keeps a REPLY from answering as an ACK, the names stop a relayed
 * handshake from being registered under another name, the challenges make each digest fresh.
 * Each field is written by its own protected method: the seams the binding mutants override
 * (reference-node tests, {@code dev.snow.ref.hardened}).
 */
public class HardenedDigests implements DigestScheme {
    public static final byte[] LABEL = "snow-hardened-v1".getBytes(StandardCharsets.US_ASCII);
    public static final byte ROLE_REPLY = 0x01;
    public static final byte ROLE_ACK = 0x02;

    private final CookieMac mac;

    public HardenedDigests(CookieMac mac) {
        this.mac = mac;
    }

    @Override
    public final Bytes32 reply(DigestContext c) {
        return mac.digest(input(ROLE_REPLY, c));
    }

    @Override
    public final Bytes32 ack(DigestContext c) {
        return mac.digest(input(ROLE_ACK, c));
    }

    @Override
    public final boolean requiresMutualTls() {
        return true;
    }

    /** The HMAC input for {@code role}; see the layout above. */
    public final byte[] input(byte role, DigestContext c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(LABEL);
        writeRole(out, role);
        writeCertificates(out, c.channel());
        writeNames(out, c.initiatorName(), c.acceptorName());
        writeChallenges(out, c.acceptorChallenge(), c.initiatorChallenge());
        return out.toByteArray();
    }

    protected void writeRole(ByteArrayOutputStream out, byte role) {
        out.write(role);
    }

    protected void writeCertificates(ByteArrayOutputStream out, ChannelBinding channel) {
        out.writeBytes(channel.initiatorCertificateSha256().toByteArray());
        out.writeBytes(channel.acceptorCertificateSha256().toByteArray());
    }

    protected void writeNames(ByteArrayOutputStream out, String initiator, String acceptor) {
        writeName(out, initiator);
        writeName(out, acceptor);
    }

    protected void writeChallenges(ByteArrayOutputStream out, Bytes32 acceptorChallenge, Bytes32 initiatorChallenge) {
        out.writeBytes(acceptorChallenge.toByteArray());
        out.writeBytes(initiatorChallenge.toByteArray());
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        out.write(utf8.length >>> 8);
        out.write(utf8.length);
        out.writeBytes(utf8);
    }
}
