package dev.snow.sim.runner;

import dev.snow.sim.engine.Rng;
import dev.snow.sim.engine.TraceKind;
import dev.snow.sim.network.Fault;
import dev.snow.sim.network.Latency;
import dev.snow.sim.network.LinkSet;
import dev.snow.sim.network.Slicing;
import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.LatencySpec;
import dev.snow.sim.scenario.LinkSelector;
import dev.snow.sim.scenario.LinkSpec;
import dev.snow.sim.scenario.Selector;
import dev.snow.sim.scenario.TimedAction;
import java.util.List;

/**
 * Puts the timeline on the event queue and carries each action out when its time comes:
 * node actions on {@link SimNode}s, network actions as {@link Fault}s. Random times (an
 * {@code at} range, a connect spread) are drawn from the "faults" stream in file order.
 */
final class ActionExecutor {
    private final World world;
    private final Rng faults;

    ActionExecutor(World world) {
        this.world = world;
        this.faults = world.streams.stream("faults");
    }

    void schedule(List<TimedAction> timeline) {
        for (TimedAction ta : timeline) {
            long at = ta.randomTime() ? faults.between(ta.at(), ta.atLatest()) : ta.at();
            world.sim.at(at, t -> run(ta, t));
        }
    }

    /** The {@code links:} overrides, before anything happens. */
    void applyLinks(List<LinkSpec> links) {
        for (LinkSpec l : links) {
            LinkSet set = linkSet(l.links());
            if (l.latency() != null || l.jitter() != null) {
                LatencySpec lat = l.latency() != null ? l.latency() : world.scenario.network().latency();
                long jitter = l.jitter() != null ? l.jitter() : world.scenario.network().jitter();
                new Fault.SetLatency(set, latency(lat), jitter).apply(world.net);
            }
            if (l.loss() != null) {
                new Fault.SetLoss(set, l.loss()).apply(world.net);
            }
            if (l.bandwidth() != null) {
                new Fault.SetBandwidth(set, l.bandwidth()).apply(world.net);
            }
        }
    }

    private void run(TimedAction ta, long now) {
        world.trace.record(now, TraceKind.ACTION, -1, -1, -1, ta.line(), ta.text());
        Action a = ta.action();
        if (a instanceof Action.Start s) {
            each(s.nodes(), n -> n.start(s.creation()));
        } else if (a instanceof Action.Stop s) {
            each(s.nodes(), SimNode::stop);
        } else if (a instanceof Action.Crash c) {
            each(c.nodes(), n -> n.crash(c.wholeHost()));
        } else if (a instanceof Action.Restart r) {
            each(r.nodes(), n -> {
                if (r.orderly()) {
                    n.stop();
                } else {
                    n.crash(true);
                }
                n.start(r.creation());
            });
        } else if (a instanceof Action.Connect c) {
            connect(c, now);
        } else if (a instanceof Action.Disconnect d) {
            for (String from : d.from().nodes()) {
                for (String to : d.to().nodes()) {
                    if (!from.equals(to)) {
                        node(from).disconnect(to);
                    }
                }
            }
        } else if (a instanceof Action.Skew s) {
            each(s.nodes(), n -> n.skew(s.jump(), s.driftPpm()));
        } else if (a instanceof Action.Flap f) {
            flap(f, now);
        } else {
            fault(a).apply(world.net);
        }
    }

    private Fault fault(Action a) {
        if (a instanceof Action.Partition p) {
            return new Fault.Partition(linkSet(p.links()));
        } else if (a instanceof Action.Heal h) {
            return new Fault.Heal(linkSet(h.links()));
        } else if (a instanceof Action.Hold h) {
            return new Fault.Hold(linkSet(h.links()));
        } else if (a instanceof Action.Release r) {
            return new Fault.Release(linkSet(r.links()));
        } else if (a instanceof Action.Latency l) {
            return new Fault.SetLatency(linkSet(l.links()), latency(l.latency()), l.jitter());
        } else if (a instanceof Action.Loss l) {
            return new Fault.SetLoss(linkSet(l.links()), l.rate());
        } else if (a instanceof Action.Bandwidth b) {
            return new Fault.SetBandwidth(linkSet(b.links()), b.bitsPerSecond());
        } else if (a instanceof Action.Reset r) {
            return new Fault.Reset(linkSet(r.links()), r.timeout());
        } else if (a instanceof Action.Slicer sl) {
            return new Fault.Slice(linkSet(sl.links()),
                    sl.off() ? null : new Slicing(sl.averageSize(), sl.sizeVariation(), sl.delay()));
        }
        throw new IllegalArgumentException("no fault for action " + a);
    }

    private void connect(Action.Connect c, long now) {
        List<String> from = c.from().nodes();
        List<String> to = c.to().nodes();
        List<SimNode[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            String a = from.get(i);
            List<String> targets = c.mesh() ? from.subList(i + 1, from.size()) : to;
            for (String b : targets) {
                if (!a.equals(b)) {
                    pairs.add(new SimNode[] {node(a), node(b)});
                }
            }
        }
        if (c.spread() == 0) {
            for (SimNode[] p : pairs) {
                p[0].connect(p[1].name, c.retry());
            }
            return;
        }
        long[] delays = new long[pairs.size()];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = faults.between(0, c.spread());
        }
        new DialPlan(pairs, delays, c.retry()).start(now);
    }

    /**
     * Dials spread over a window, walked in (delay, draw order) by one event at a time, so a
     * 499,500-dial mesh does not put half a million events on the queue at once.
     */
    private final class DialPlan implements dev.snow.sim.engine.Event {
        private final List<SimNode[]> pairs;
        private final long[] delays;
        private final Integer[] order;
        private final long retry;
        private long origin;
        private int next;

        DialPlan(List<SimNode[]> pairs, long[] delays, long retry) {
            this.pairs = pairs;
            this.delays = delays;
            this.retry = retry;
            this.order = new Integer[delays.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> delays[x] != delays[y] ? Long.compare(delays[x], delays[y])
                    : Integer.compare(x, y));
        }

        void start(long now) {
            origin = now;
            if (order.length > 0) {
                world.sim.at(origin + delays[order[0]], this);
            }
        }

        @Override
        public void fire(long now) {
            while (next < order.length && origin + delays[order[next]] <= now) {
                SimNode[] p = pairs.get(order[next++]);
                p[0].connect(p[1].name, retry);
            }
            if (next < order.length) {
                world.sim.at(origin + delays[order[next]], this);
            }
        }
    }

    /** Partition for {@code down}, heal for {@code up}, until {@code until}; the link ends healed. */
    private void flap(Action.Flap f, long now) {
        LinkSet set = linkSet(f.links());
        long t = now;
        while (t < f.until()) {
            long partitionAt = t;
            long healAt = Math.min(t + f.down(), f.until());
            world.sim.at(partitionAt, x -> {
                world.trace.record(x, TraceKind.ACTION, -1, -1, -1, 0, "flap: partition " + f.links());
                new Fault.Partition(set).apply(world.net);
            });
            world.sim.at(healAt, x -> {
                world.trace.record(x, TraceKind.ACTION, -1, -1, -1, 0, "flap: heal " + f.links());
                new Fault.Heal(set).apply(world.net);
            });
            t = healAt + f.up();
        }
    }

    LinkSet linkSet(LinkSelector s) {
        switch (s.kind()) {
            case ALL:
                return LinkSet.everyLink();
            case BETWEEN:
                return LinkSet.between(indexes(s.a()), indexes(s.b()));
            case ONE_WAY:
                return LinkSet.oneWay(indexes(s.a()), indexes(s.b()));
            default: {
                int[] inside = indexes(s.a());
                boolean[] member = new boolean[world.nodes.length];
                for (int i : inside) {
                    member[i] = true;
                }
                int[] outside = new int[world.nodes.length - inside.length];
                int k = 0;
                for (int i = 0; i < member.length; i++) {
                    if (!member[i]) {
                        outside[k++] = i;
                    }
                }
                return LinkSet.between(inside, outside);
            }
        }
    }

    static Latency latency(LatencySpec l) {
        switch (l.distribution()) {
            case "uniform":
                return new Latency(Latency.Kind.UNIFORM, l.a(), l.b());
            case "normal":
                return new Latency(Latency.Kind.NORMAL, l.a(), l.b());
            case "exponential":
                return new Latency(Latency.Kind.EXPONENTIAL, l.a(), l.b());
            default:
                return Latency.fixed(l.a());
        }
    }

    private int[] indexes(Selector s) {
        int[] out = new int[s.nodes().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = world.net.indexOf(s.nodes().get(i));
        }
        return out;
    }

    private SimNode node(String name) {
        return world.nodes[world.net.indexOf(name)];
    }

    private void each(Selector s, java.util.function.Consumer<SimNode> f) {
        for (String n : s.nodes()) {
            f.accept(node(n));
        }
    }
}
