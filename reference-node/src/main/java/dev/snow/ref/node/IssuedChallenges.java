package dev.snow.ref.node;

import dev.snow.ref.handshake.ChallengeSource;
import dev.snow.ref.wire.Bytes32;
import java.util.HashMap;
import java.util.Map;

/**
 * The challenges this node's handshakes issued and still wait on (AUTH-8). Wraps the node's
 * {@link ChallengeSource}: every challenge drawn is remembered until its handshake retires it
 * (established or closed), so a peer handing one back on another connection is caught. A count
 * per value keeps a reused challenge (the reference's fixed-challenge fault) outstanding until
 * its last handshake ends. Looked up only, never iterated.
 */
final class IssuedChallenges implements ChallengeSource {
    private final ChallengeSource entropy;
    private final Map<Bytes32, Integer> outstanding = new HashMap<>();

    IssuedChallenges(ChallengeSource entropy) {
        this.entropy = entropy;
    }

    @Override
    public Bytes32 nextChallenge() {
        Bytes32 c = entropy.nextChallenge();
        outstanding.merge(c, 1, Integer::sum);
        return c;
    }

    @Override
    public long nextPingPayload() {
        return entropy.nextPingPayload();
    }

    boolean contains(Bytes32 challenge) {
        return outstanding.containsKey(challenge);
    }

    /** The handshake that drew {@code challenge} ended; null when it never drew one. */
    void retire(Bytes32 challenge) {
        if (challenge != null) {
            outstanding.computeIfPresent(challenge, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    int size() {
        return outstanding.size();
    }
}
