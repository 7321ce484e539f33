package dev.snow.sim.runner;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.wire.Bytes32;
import dev.snow.sim.engine.Rng;

/** Challenges and PING payloads from one boot's seeded stream (64 random bits per 8 bytes). */
public final class SeededChallenges implements ChallengeSource {
    private final Rng rng;

    public SeededChallenges(Rng rng) {
        this.rng = rng;
    }

    @Override
    public Bytes32 nextChallenge() {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        return Bytes32.of(b);
    }

    @Override
    public long nextPingPayload() {
        return rng.nextLong();
    }
}
