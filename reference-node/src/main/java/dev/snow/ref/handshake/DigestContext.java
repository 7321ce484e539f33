package dev.snow.ref.handshake;

import dev.snow.ref.wire.Bytes32;

/**
 * Everything a digest may cover on one connection: the channel's certificates, both names as
 * they travelled in NAME and STATUS_CHALLENGE, and both challenges. The base profile uses only
 * the challenges (AUTH-1); the hardened profile uses all of it (HARD-4).
 */
public record DigestContext(ChannelBinding channel, String initiatorName, String acceptorName,
                            Bytes32 acceptorChallenge, Bytes32 initiatorChallenge) {
}
