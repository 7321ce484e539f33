/**
 * Real mode: the same scenario files, run against real processes. One implementation-under-test
 * process per scenario node, driven through the adapter contract (docs/ADAPTER.md); one fault
 * proxy per directed pair of nodes (the dialler's {@code connect} names the proxy as
 * {@code address}, so names stay unchanged); every fault goes through the official Toxiproxy
 * client to a Toxiproxy-compatible server (a real one, a container, or the embedded one).
 *
 * <p>The rule of this package: it shares the scenario model ({@code dev.snow.sim.scenario}) and
 * the expectation checks ({@code dev.snow.sim.check}) with the simulator and forks neither; it is
 * the only simulator package that reads the wall clock and starts threads, and nothing it does
 * reaches a simulation. Scenario times are scaled to wall time ({@code --time-scale}); every
 * field that cannot apply to real processes is named in one line before the run, never
 * silently ignored.
 */
package dev.snow.sim.real;
