/**
 * The sans-IO core of one connection ({@link dev.snow.ref.session.Connection}): frame decoding,
 * the handshake, then heartbeats, with the handshake deadline and heartbeat timers.
 *
 * <p>Rule of this package: time comes in as a {@code now} argument in nanoseconds and leaves
 * as deadlines; bytes come in through {@code handle…} calls and leave through a
 * {@link dev.snow.ref.session.ConnectionSink}. No sockets, no threads, no clock reads, no
 * randomness of its own. Depends on {@code wire} and {@code handshake} only.
 */
package dev.snow.ref.session;
