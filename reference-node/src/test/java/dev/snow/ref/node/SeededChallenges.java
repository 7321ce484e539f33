package dev.snow.ref.node;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.wire.Bytes32;
import java.util.Random;

/** A deterministic ChallengeSource for tests: same seed, same challenges and PING payloads. */
public final class SeededChallenges implements ChallengeSource {
    private final Random random;

    public SeededChallenges(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public Bytes32 nextChallenge() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Bytes32.of(b);
    }

    @Override
    public long nextPingPayload() {
        return random.nextLong();
    }
}
