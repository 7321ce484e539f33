package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.wire.Bytes32;

/**
 * Fault {@link Fault#FIXED_CHALLENGE}: the first challenge of {@code delegate} is returned for
 * every handshake (AUTH-3 broken); PING payloads stay fresh.
 */
final class FixedChallengeSource implements ChallengeSource {
    private final ChallengeSource delegate;
    private final Bytes32 challenge;

    FixedChallengeSource(ChallengeSource delegate) {
        this.delegate = delegate;
        this.challenge = delegate.nextChallenge();
    }

    @Override
    public Bytes32 nextChallenge() {
        return challenge;
    }

    @Override
    public long nextPingPayload() {
        return delegate.nextPingPayload();
    }
}
