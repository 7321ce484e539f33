package dev.snow.ref.transport;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.wire.Bytes32;
import java.security.SecureRandom;

/**
 * Challenges and PING payloads from a CSPRNG (AUTH-3, HB-1). 256 random bits per challenge
 * make a repeat as likely as guessing a key, which is what "never reused" asks.
 */
public final class SecureChallengeSource implements ChallengeSource {
    private final SecureRandom random;

    public SecureChallengeSource() {
        this(new SecureRandom());
    }

    SecureChallengeSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public Bytes32 nextChallenge() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Bytes32.of(bytes);
    }

    @Override
    public long nextPingPayload() {
        return random.nextLong();
    }
}
