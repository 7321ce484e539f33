/**
 * The simulator runner: binds a loaded scenario to the engine, the virtual network and the
 * checks, for one seed. Each scenario node is a {@link dev.snow.sim.runner.SimNode}; each boot
 * of it runs one {@code dev.snow.ref.node.NodeCore}, the same code the real node runs, on its
 * own clock (virtual time through the node's skew and drift).
 *
 * <p>Rule of this package: everything that happens is an event of the one simulation, in
 * (time, sequence) order, and every random draw comes from a stream named after its purpose
 * ("network", "faults", "swarm", "node/NAME/boot/K", "app/NAME"). No wall clock, no threads,
 * no iteration over hash-ordered collections on any path that changes behaviour.
 */
package dev.snow.sim.runner;
