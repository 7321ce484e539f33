package dev.snow.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The tester's own hardened-profile digests (docs/PROTOCOL.md HARD-3, HARD-4), written from the
 * spec apart from any implementation, over the tester's {@link HmacSha256}:
 * <pre>
 * "snow-hardened-v1" | role (1 REPLY, 2 ACK) | SHA-256(initiator cert) | SHA-256(acceptor cert)
 * | u16 len, initiator name | u16 len, acceptor name | acceptor challenge | initiator challenge
 * </pre>
 * Each argument can be set wrong on purpose, which is how the suite makes the digest a node
 * that forgot one binding would accept.
 */
public final class HardenedDigest {
    public static final byte ROLE_REPLY = 1;
    public static final byte ROLE_ACK = 2;
    private static final byte[] LABEL = "snow-hardened-v1".getBytes(StandardCharsets.US_ASCII);

    private HardenedDigest() {
    }

    /** Both certificates' SHA-256 as the tester's side of one TLS connection sees them (HARD-3). */
    public record Channel(byte[] initiatorCertificateSha256, byte[] acceptorCertificateSha256) {

        /** From the tester's TLS session; {@code testerInitiated}: the tester is the TLS client. */
        public static Channel of(SSLSession session, boolean testerInitiated) {
            byte[] local = sha256(session.getLocalCertificates());
            byte[] peer;
            try {
                peer = sha256(session.getPeerCertificates());
            } catch (SSLPeerUnverifiedException e) {
                throw new AssertionError("HARD-2: the IUT presented no certificate on this connection");
            }
            if (local == null) {
                throw new AssertionError("HARD-2: the tester presented no certificate on this connection (was it asked for one?)");
            }
            return testerInitiated ? new Channel(local, peer) : new Channel(peer, local);
        }
    }

    public static byte[] input(byte role, Channel ch, String initiatorName, String acceptorName,
                               byte[] acceptorChallenge, byte[] initiatorChallenge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LABEL);
        out.write(role);
        out.writeBytes(ch.initiatorCertificateSha256());
        out.writeBytes(ch.acceptorCertificateSha256());
        writeName(out, initiatorName);
        writeName(out, acceptorName);
        out.writeBytes(acceptorChallenge);
        out.writeBytes(initiatorChallenge);
        return out.toByteArray();
    }

    public static byte[] reply(String cookie, Channel ch, String initiatorName, String acceptorName,
                               byte[] acceptorChallenge, byte[] initiatorChallenge) {
        return HmacSha256.mac(cookie.getBytes(StandardCharsets.UTF_8),
                input(ROLE_REPLY, ch, initiatorName, acceptorName, acceptorChallenge, initiatorChallenge));
    }

    public static byte[] ack(String cookie, Channel ch, String initiatorName, String acceptorName,
                             byte[] acceptorChallenge, byte[] initiatorChallenge) {
        return HmacSha256.mac(cookie.getBytes(StandardCharsets.UTF_8),
                input(ROLE_ACK, ch, initiatorName, acceptorName, acceptorChallenge, initiatorChallenge));
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >>> 8);
        out.write(b.length & 0xff);
        out.writeBytes(b);
    }

    private static byte[] sha256(Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a certificate: " + e, e);
        }
    }
}
