package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/** Version 1.0 digests (AUTH-1): REPLY = HMAC(cookie, acceptor_challenge), ACK = HMAC(cookie, initiator_challenge). */
public final class BaseDigests implements DigestScheme {
    private final CookieMac mac;

    public BaseDigests(CookieMac mac) {
        this.mac = mac;
    }

    @Override
    public Bytes32 reply(DigestContext c) {
        return mac.digest(c.acceptorChallenge());
    }

    @Override
    public Bytes32 ack(DigestContext c) {
        return mac.digest(c.initiatorChallenge());
    }

    @Override
    public boolean requiresMutualTls() {
        return false;
    }
}
