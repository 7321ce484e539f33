package dev.snow.sim.runner;

import dev.snow.sim.check.ExpectationVerifier;
import dev.snow.sim.check.InvariantViolation;
import dev.snow.sim.check.Invariants;
import dev.snow.sim.check.TraceLog;
import dev.snow.sim.engine.Simulation;
import dev.snow.sim.engine.Streams;
import dev.snow.sim.engine.TraceKind;
import dev.snow.sim.network.LinkParams;
import dev.snow.sim.network.Network;
import dev.snow.sim.network.TcpParams;
import dev.snow.sim.scenario.NetworkSpec;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.TimedAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario for one seed:
 * <ol>
 *   <li>draw the swarm knobs, build the network and one {@link SimNode} per node;</li>
 *   <li>start the nodes that start at 0 and put the timeline on the event queue;</li>
 *   <li>pop events until the scenario's duration, checking the invariants after each;</li>
 *   <li>compare every core's session table with its events and judge the expectations.</li>
 * </ol>
 */
public final class SimulationRunner {
    private SimulationRunner() {
    }

    public static RunResult run(Scenario s, long seed) {
        return run(s, seed, RunOptions.DEFAULT);
    }

    public static RunResult run(Scenario s, long seed, RunOptions options) {
        Streams streams = new Streams(seed);
        SwarmPlan swarm = new SwarmPlan(s, streams.stream("swarm"));
        List<String> names = new ArrayList<>(s.nodes().size());
        for (NodeSpec n : s.nodes()) {
            names.add(n.name());
        }
        Simulation sim = new Simulation();
        TraceLog trace = new TraceLog(names);
        if (options.traceOut() != null) {
            trace.writeTo(options.traceOut());
        }
        if (options.capture() != null) {
            trace.capture(options.capture());
        }
        NetworkSpec ns = swarm.network;
        Network net = new Network(sim, streams.stream("network"),
                new LinkParams(ActionExecutor.latency(ns.latency()), ns.jitter(), ns.loss(), ns.bandwidth()),
                new TcpParams(ns.rtoMin(), ns.rtoMax(), ns.synRto(), ns.synTimeout(), ns.resetAfter()), names, trace);
        World world = new World(s, seed, streams, sim, net, trace, new Invariants(names), new ExpectationVerifier(s),
                options.cores());
        world.nodes = new SimNode[names.size()];
        for (NodeSpec n : s.nodes()) {
            world.nodes[n.index()] = new SimNode(world, n, swarm.offset[n.index()], swarm.drift[n.index()]);
        }
        ActionExecutor actions = new ActionExecutor(world);
        actions.applyLinks(s.links());
        for (String line : swarm.summary) {
            trace.record(0, TraceKind.ACTION, -1, -1, -1, 0, "swarm: " + line);
        }

        String invariant = null;
        Throwable error = null;
        long failureTime = -1;
        long end = s.duration();
        try {
            for (SimNode node : world.nodes) {
                if (node.settings().started()) {
                    node.start(null);
                }
            }
            List<TimedAction> timeline = new ArrayList<>(s.timeline());
            timeline.addAll(swarm.actions);
            actions.schedule(timeline);
            while (sim.step(end)) {
                world.invariants.afterEvent(sim.now());
            }
            sim.advanceTo(end);
            world.invariants.afterEvent(end);
            for (SimNode node : world.nodes) {
                if (node.boot != null) {
                    node.boot.compareTable();
                }
            }
        } catch (InvariantViolation v) {
            invariant = v.getMessage();
            failureTime = sim.now();
            trace.record(sim.now(), TraceKind.VIOLATION, -1, -1, -1, 0, v.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            error = e;
            failureTime = sim.now();
            trace.record(sim.now(), TraceKind.VIOLATION, -1, -1, -1, 0, "exception: " + e);
        }
        List<ExpectationVerifier.Unmet> unmet = invariant == null && error == null ? world.verifier.finish(end) : List.of();
        boolean failed = invariant != null || error != null;
        return new RunResult(s.file(), seed, trace.hash(), sim.fired(), trace.records(), sim.now(), swarm.summary, invariant,
                error, failureTime, unmet, failed ? trace.tail(40) : List.of(), net.stats(),
                sim.peakPending());
    }
}
