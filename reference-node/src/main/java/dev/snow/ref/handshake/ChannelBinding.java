package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/**
 * What the transport tells the core about the TLS channel once it is up: the SHA-256 of the
 * DER encoding of the initiator's (client's) and the acceptor's (server's) certificate, each
 * null when that side presented none. The transport computes the hashes; the core only
 * compares and digests them (HARD-2, HARD-4). The base profile ignores them.
 */
public record ChannelBinding(Bytes32 initiatorCertificateSha256, Bytes32 acceptorCertificateSha256) {

    /** No certificate information: what a base-profile transport (or the simulator) reports. */
    public static final ChannelBinding NONE = new ChannelBinding(null, null);

    /** Both sides presented a certificate (mutual TLS, HARD-2). */
    public boolean isMutual() {
        return initiatorCertificateSha256 != null && acceptorCertificateSha256 != null;
    }
}
