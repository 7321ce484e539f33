package dev.snow.sim.runner;

import dev.snow.sim.engine.Rng;
import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.LatencySpec;
import dev.snow.sim.scenario.LinkSelector;
import dev.snow.sim.scenario.NetworkSpec;
import dev.snow.sim.scenario.NodeSpec;
import dev.snow.sim.scenario.Scenario;
import dev.snow.sim.scenario.Selector;
import dev.snow.sim.scenario.SwarmSpec;
import dev.snow.sim.scenario.TimedAction;
import dev.snow.sim.scenario.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm knobs of a scenario drawn for one seed from the "swarm" stream, always in the same
 * order (latency, jitter, loss, per-node drift and offset, partitions, holds, crashes), so a
 * seed names one configuration. Randomly placed faults become ordinary timeline actions.
 */
final class SwarmPlan {
    final NetworkSpec network;
    final long[] drift;
    final long[] offset;
    final List<TimedAction> actions = new ArrayList<>();
    final List<String> summary = new ArrayList<>();

    SwarmPlan(Scenario s, Rng rng) {
        SwarmSpec w = s.swarm();
        NetworkSpec net = s.network();
        if (w.latency() != null) {
            long l = rng.between(w.latency()[0], w.latency()[1]);
            net = net.withLatency(LatencySpec.fixed(l), net.jitter());
            summary.add("latency " + Units.format(l));
        }
        if (w.jitter() != null) {
            long j = rng.between(w.jitter()[0], w.jitter()[1]);
            net = net.withLatency(net.latency(), j);
            summary.add("jitter " + Units.format(j));
        }
        if (w.loss() != null) {
            double p = w.loss()[0] + rng.nextDouble() * (w.loss()[1] - w.loss()[0]);
            net = net.withLoss(p);
            summary.add(String.format(java.util.Locale.ROOT, "loss %.3f%%", p * 100));
        }
        this.network = net;
        List<NodeSpec> nodes = s.nodes();
        drift = new long[nodes.size()];
        offset = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            drift[i] = nodes.get(i).settings().driftPpm();
            offset[i] = nodes.get(i).settings().clockOffset();
            if (w.driftPpm() != null) {
                drift[i] = rng.between(w.driftPpm()[0], w.driftPpm()[1]);
            }
            if (w.clockOffset() != null) {
                offset[i] = rng.between(w.clockOffset()[0], w.clockOffset()[1]);
            }
        }
        if (w.partitions() != null) {
            linkFaults(w.partitions(), rng, s.duration(), true);
        }
        if (w.holds() != null) {
            linkFaults(w.holds(), rng, s.duration(), false);
        }
        if (w.crashes() != null) {
            crashes(w.crashes(), rng, s.duration());
        }
    }

    private void linkFaults(SwarmSpec.Faults f, Rng rng, long end, boolean partition) {
        long count = rng.between(f.count()[0], f.count()[1]);
        List<String> among = f.among().nodes();
        for (long k = 0; k < count; k++) {
            int i = rng.nextInt(among.size());
            int j = rng.nextInt(among.size() - 1);
            if (j >= i) {
                j++;
            }
            Selector a = new Selector(among.get(i), List.of(among.get(i)));
            Selector b = new Selector(among.get(j), List.of(among.get(j)));
            boolean oneWay = rng.chance(f.oneWay());
            LinkSelector links = new LinkSelector(oneWay ? LinkSelector.Kind.ONE_WAY : LinkSelector.Kind.BETWEEN, a, b);
            long at = rng.between(f.from(), f.to());
            long until = Math.min(end, at + rng.between(f.duration()[0], f.duration()[1]));
            String what = partition ? "partition" : "hold";
            Action start = partition ? new Action.Partition(links) : new Action.Hold(links);
            Action stop = partition ? new Action.Heal(links) : new Action.Release(links);
            actions.add(new TimedAction(at, at, start, "swarm: " + what + " " + links, 0));
            actions.add(new TimedAction(until, until, stop, "swarm: " + (partition ? "heal " : "release ") + links, 0));
            summary.add(what + " " + links + " " + Units.format(at) + ".." + Units.format(until));
        }
    }

    private void crashes(SwarmSpec.Faults f, Rng rng, long end) {
        long count = rng.between(f.count()[0], f.count()[1]);
        List<String> among = f.among().nodes();
        for (long k = 0; k < count; k++) {
            String n = among.get(rng.nextInt(among.size()));
            Selector one = new Selector(n, List.of(n));
            long at = rng.between(f.from(), f.to());
            long back = Math.min(end, at + rng.between(f.duration()[0], f.duration()[1]));
            actions.add(new TimedAction(at, at, new Action.Crash(one, true), "swarm: crash " + n, 0));
            actions.add(new TimedAction(back, back, new Action.Start(one, null), "swarm: start " + n, 0));
            summary.add("crash " + n + " " + Units.format(at) + ".." + Units.format(back));
        }
    }
}
