/**
 * Toxics: what a fault does to one direction of one proxied connection, as pure functions of
 * chunks and time.
 *
 * <p>Rule of this package: sans-IO. A running toxic ({@link dev.snow.faultproxy.toxic.Toxic})
 * receives a {@link dev.snow.faultproxy.toxic.Chunk} with the time it becomes available and emits
 * zero or more chunks with the times they may be written; no sockets, no threads, no clock reads.
 * Randomness comes only from a {@link java.util.SplittableRandom} handed in, so a seeded link
 * replays exactly. {@link dev.snow.faultproxy.toxic.ToxicSpec} is the immutable, JSON-facing
 * configuration the HTTP API creates, updates and lists.
 */
package dev.snow.faultproxy.toxic;
