/**
 * The node: {@link dev.snow.ref.node.NodeCore}, the one sans-IO object a transport or the
 * simulator drives, with its node table (sessions, node_id allocation, tiebreak, replacement).
 *
 * <p>Rule of this package: inputs are {@code handle…(…, now)} calls and commands, outputs are
 * {@code pollTransmit()}, {@code pollEvent()} and {@code pollTimeout()}. No sockets, no threads,
 * no clock reads, no randomness of its own, and no iteration over hash-ordered collections on
 * any path that changes behaviour (the simulator replays runs from a seed).
 */
package dev.snow.ref.node;
