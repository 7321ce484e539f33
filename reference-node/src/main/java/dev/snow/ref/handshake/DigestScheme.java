package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/**
 * How a profile computes the two digests of a handshake: REPLY (the initiator's proof, checked
 * by the acceptor) and ACK (the acceptor's proof, checked by the initiator). One instance per
 * node, used by the single-threaded core only.
 */
public interface DigestScheme {

    /** The CHALLENGE_REPLY digest. */
    Bytes32 reply(DigestContext c);

    /** The CHALLENGE_ACK digest. */
    Bytes32 ack(DigestContext c);

    /** True when a connection without mutual TLS must be refused (HARD-2, HARD-7). */
    boolean requiresMutualTls();

    /** The scheme of {@code profile}, keyed with {@code mac}'s cookie. */
    static DigestScheme of(Profile profile, CookieMac mac) {
        return profile == Profile.HARDENED ? new HardenedDigests(mac) : new BaseDigests(mac);
    }
}
