package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChannelBinding;
import dev.snow.ref.wire.Bytes32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The channel binding of a finished TLS handshake (HARD-4): SHA-256 over the DER encoding of
 * the leaf certificate each side presented, ordered initiator (TLS client) then acceptor (TLS
 * server). A side that presented none gives null, which a hardened core refuses (HARD-7).
 * JDK 17 offers no TLS exporter (RFC 8446 section 7.5), hence certificate hashes.
 */
final class CertificateHashes {
    private CertificateHashes() {
    }

    static ChannelBinding of(SSLSession session, boolean weAreAcceptor) {
        Bytes32 local = hash(session.getLocalCertificates());
        Bytes32 peer;
        try {
            peer = hash(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            peer = null;
        }
        return weAreAcceptor ? new ChannelBinding(peer, local) : new ChannelBinding(local, peer);
    }

    private static Bytes32 hash(Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return null;
        }
        try {
            return Bytes32.of(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("HARD-4: cannot hash the certificate: " + e, e);
        }
    }
}
