/**
 * The virtual network between simulated nodes: hosts, directed links with latency, jitter,
 * loss and bandwidth, and TCP connections that carry the exact bytes the cores send (TLS is
 * below this layer: its setup is modelled as segments and a delay, never as crypto).
 *
 * <p>Rule of this package: loss is modelled honestly for a stream. A lost segment is never a
 * gap in the bytes; it is a retransmission after a backed-off timeout, and bytes reach the
 * application in order. A segment left unacknowledged longer than {@code reset_after} aborts
 * the connection. Faults are small named classes ({@link dev.snow.sim.network.Fault}) that
 * change link state; all randomness comes from the network's seeded stream, and nothing
 * iterates a hash-ordered collection.
 */
package dev.snow.sim.network;
