/**
 * Scenario files: the YAML model (nodes, network, timeline of actions, expectations, swarm
 * options), its loader and its units.
 *
 * <p>Rule of this package: it describes what should happen, never how the simulator makes it
 * happen. Nothing here imports the engine, the network or the runner, so a runner that drives
 * real processes through fault proxies can load the same files. Every loading error names the
 * file, the line and the field, and says what was expected and what was found.
 */
package dev.snow.sim.scenario;
