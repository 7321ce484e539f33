package dev.snow.ref.mutants;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.transport.NodeStrategies;
import dev.snow.ref.wire.Bytes32;

/** Mutant reuses-challenge: one challenge drawn at start and reused for every handshake. Must break AUTH-3. */
final class ReusesChallenge extends Mutant {
    @Override
    public String defect() {
        return "one challenge drawn at start and reused for every handshake";
    }

    @Override
    protected NodeStrategies strategies(NodeStrategies real) {
        ChallengeSource secure = real.challenges();
        Bytes32 once = secure.nextChallenge();
        return real.withChallenges(new ChallengeSource() {
            @Override
            public Bytes32 nextChallenge() {
                return once;
            }

            @Override
            public long nextPingPayload() {
                return secure.nextPingPayload();
            }
        });
    }
}
