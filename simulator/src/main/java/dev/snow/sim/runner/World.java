package dev.snow.sim.runner;

import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.check.Invariants;
import dev.snow.sim.check.TraceLog;
import dev.snow.sim.engine.Simulation;
import dev.snow.sim.engine.Streams;
import dev.snow.sim.network.Network;
import dev.snow.sim.scenario.Scenario;

/** Everything one run shares: the scenario, the seed's streams, the engine, network and checks. */
final class World {
    final Scenario scenario;
    final long seed;
    final Streams streams;
    final Simulation sim;
    final Network net;
    final TraceLog trace;
    final Invariants invariants;
    final ExpectationVerifier verifier;
    final CoreFactory cores;
    SimNode[] nodes;

    World(Scenario scenario, long seed, Streams streams, Simulation sim, Network net, TraceLog trace, Invariants invariants,
          ExpectationVerifier verifier, CoreFactory cores) {
        this.scenario = scenario;
        this.seed = seed;
        this.streams = streams;
        this.sim = sim;
        this.net = net;
        this.trace = trace;
        this.invariants = invariants;
        this.verifier = verifier;
        this.cores = cores;
    }
}
