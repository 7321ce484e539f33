/**
 * The Snow wire format: frame types, the incremental decoder and the encoder.
 *
 * <p>Rule of this package: pure byte handling. No sockets, no threads, no clock, no
 * randomness, no knowledge of handshake state. The decoder never allocates more than
 * {@link dev.snow.ref.wire.Limits#MAX_FRAME_LENGTH} bytes whatever a peer announces, and
 * every rejection names the requirement ID it enforces (docs/PROTOCOL.md).
 */
package dev.snow.ref.wire;
