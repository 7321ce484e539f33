/**
 * The scripted tester node: its own byte-level frame builder ({@link dev.snow.conformance.peer.Frames},
 * {@link dev.snow.conformance.peer.WireWriter}) and strict parser
 * ({@link dev.snow.conformance.peer.FrameParser}), its own HMAC-SHA256
 * ({@link dev.snow.conformance.peer.HmacSha256}), TLS through the JDK
 * ({@link dev.snow.conformance.peer.TesterTls}), and connections that can send any bytes and
 * record a wire transcript ({@link dev.snow.conformance.peer.PeerConnection},
 * {@link dev.snow.conformance.peer.Transcript}).
 *
 * <p>Rule: written apart from the reference node; no {@code dev.snow.ref} import. The peer knows
 * nothing about the adapter or JUnit: it is scripted by tests, it does not judge.
 */
package dev.snow.conformance.peer;
