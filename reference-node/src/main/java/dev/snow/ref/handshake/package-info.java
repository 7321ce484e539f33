/**
 * The 4-message handshake: node names, digests, and the initiator and acceptor state
 * machines ({@link dev.snow.ref.handshake.Handshake}).
 *
 * <p>Rule of this package: a handshake reacts to frames and transport readiness and answers
 * with frames to send and an outcome. It holds no sockets, reads no clock and draws no
 * randomness of its own: challenges come from a {@link dev.snow.ref.handshake.ChallengeSource},
 * node-level decisions (status, registration) from a {@link dev.snow.ref.handshake.HandshakePolicy}.
 * It depends only on {@code wire}.
 */
package dev.snow.ref.handshake;
