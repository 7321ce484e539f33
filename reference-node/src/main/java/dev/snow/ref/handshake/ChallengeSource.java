package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/**
 * Where challenges and PING payloads come from. The transport passes a CSPRNG-backed source
 * (AUTH-3); the simulator passes a seeded one; tests pass fixed values.
 */
public interface ChallengeSource {
    /** A fresh 32-byte challenge, never returned before. */
    Bytes32 nextChallenge();

    /** A fresh 8-byte PING payload (HB-1). */
    long nextPingPayload();
}
