package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;
import java.util.ArrayDeque;
import java.util.List;

/** Hands out the given challenges in order (test vectors use fixed challenges). */
final class FixedChallenges implements ChallengeSource {
    private final ArrayDeque<Bytes32> challenges;

    FixedChallenges(Bytes32... challenges) {
        this.challenges = new ArrayDeque<>(List.of(challenges));
    }

    @Override
    public Bytes32 nextChallenge() {
        Bytes32 c = challenges.poll();
        if (c == null) {
            throw new IllegalStateException("test drew more challenges than it provided");
        }
        return c;
    }

    @Override
    public long nextPingPayload() {
        return 0;
    }
}
