package dev.snow.sim.real;

import dev.snow.sim.scenario.Action;
import dev.snow.sim.scenario.LatencySpec;
import dev.snow.sim.scenario.LinkSelector;
import dev.snow.sim.scenario.LinkSpec;
import dev.snow.sim.scenario.NetworkSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The scenario's network (defaults, {@code links:}, network actions) as toxics on the link
 * proxies: the mapping table of docs/SCENARIOS.md, real mode. Quantities come from {@link
 * ToxicMapping}; a fault kind on a link is one toxic per half ({@link LinkProxies}).
 */
final class LinkFaults {
    private static final LinkProxies.Toxin PARTITION = new LinkProxies.Toxin("timeout", Map.of("timeout", 0));

    private final RunState run;
    private final LinkProxies links;
    private final boolean lossToxic;
    private final boolean packetDrop;

    /** {@code lossToxic}: the server has the seeded loss toxic; {@code packetDrop}: loss is nftables drop rules instead. */
    LinkFaults(RunState run, LinkProxies links, boolean lossToxic, boolean packetDrop) {
        this.run = run;
        this.links = links;
        this.lossToxic = lossToxic;
        this.packetDrop = packetDrop;
    }

    /** {@code network:} on every link, then the {@code links:} overrides, before the run. */
    void applyDefaults() throws IOException {
        NetworkSpec net = run.scenario.network();
        for (int[] p : pairs(LinkSelector.ALL)) {
            links.set(p[0], p[1], "latency", latency(net.latency(), net.jitter()));
            links.set(p[0], p[1], "loss", loss(p, net.loss()));
            links.set(p[0], p[1], "bandwidth", bandwidth(net.bandwidth()));
        }
        for (LinkSpec l : run.scenario.links()) {
            for (int[] p : pairs(l.links())) {
                if (l.latency() != null || l.jitter() != null) {
                    links.set(p[0], p[1], "latency", latency(l.latency() != null ? l.latency() : net.latency(),
                            l.jitter() != null ? l.jitter() : net.jitter()));
                }
                if (l.loss() != null) {
                    links.set(p[0], p[1], "loss", loss(p, l.loss()));
                }
                if (l.bandwidth() != null) {
                    links.set(p[0], p[1], "bandwidth", bandwidth(l.bandwidth()));
                }
            }
        }
    }

    /** Carries out a network action; false if {@code a} is not one. */
    boolean apply(Action a) throws IOException {
        if (a instanceof Action.Partition p) {
            setAll(p.links(), "partition", PARTITION);
        } else if (a instanceof Action.Heal h) {
            setAll(h.links(), "partition", null);
        } else if (a instanceof Action.Hold h) {
            setAll(h.links(), "hold", new LinkProxies.Toxin("latency", Map.of("latency", ToxicMapping.HOLD_MS)));
        } else if (a instanceof Action.Release r) {
            setAll(r.links(), "hold", null);
        } else if (a instanceof Action.Latency l) {
            setAll(l.links(), "latency", latency(l.latency(), l.jitter()));
        } else if (a instanceof Action.Loss l) {
            for (int[] p : pairs(l.links())) {
                links.set(p[0], p[1], "loss", loss(p, l.rate()));
            }
        } else if (a instanceof Action.Bandwidth b) {
            setAll(b.links(), "bandwidth", bandwidth(b.bitsPerSecond()));
        } else if (a instanceof Action.Flap f) {
            flap(f.links(), f.down(), f.up(), f.until(), run.now());
        } else if (a instanceof Action.Reset r) {
            links.resetLive(pairs(r.links()), new LinkProxies.Toxin("reset_peer",
                    Map.of("timeout", ToxicMapping.resetTimeoutMs(r.timeout(), run.opt.timeScale()))));
        } else if (a instanceof Action.Slicer sl) {
            setAll(sl.links(), "slicer", sl.off() ? null : new LinkProxies.Toxin("slicer", Map.of("average_size", sl.averageSize(),
                    "size_variation", sl.sizeVariation(), "delay", ToxicMapping.slicerDelayMicros(sl.delay(), run.opt.timeScale()))));
        } else {
            return false;
        }
        return true;
    }

    private void flap(LinkSelector sel, long down, long up, long until, long from) throws IOException {
        setAll(sel, "partition", PARTITION);
        long healAt = Math.min(from + down, until);
        run.at(healAt, () -> run.guarded("flap heal", () -> {
            setAll(sel, "partition", null);
            if (healAt + up < until) {
                run.at(healAt + up, () -> run.guarded("flap", () -> flap(sel, down, up, until, healAt + up)));
            }
        }));
    }

    private void setAll(LinkSelector sel, String kind, LinkProxies.Toxin t) throws IOException {
        for (int[] p : pairs(sel)) {
            links.set(p[0], p[1], kind, t);
        }
    }

    private LinkProxies.Toxin latency(LatencySpec spec, long jitter) {
        long[] lj = ToxicMapping.latency(spec, jitter, run.opt.timeScale());
        return lj[0] == 0 && lj[1] == 0 ? null : new LinkProxies.Toxin("latency", Map.of("latency", lj[0], "jitter", lj[1]));
    }

    private LinkProxies.Toxin loss(int[] pair, double rate) {
        if (rate <= 0) {
            return null;
        }
        if (packetDrop) {
            return new LinkProxies.Toxin("drop", Map.of("rate", rate));
        }
        if (lossToxic) {
            return new LinkProxies.Toxin("loss", Map.of("rate", rate, "seed", run.seed * 1_000_003L + pair[0] * 1000L + pair[1]));
        }
        long mean = ToxicMapping.lossMeanDelayMs(rate);
        return new LinkProxies.Toxin("latency", Map.of("latency", mean, "jitter", mean));
    }

    private LinkProxies.Toxin bandwidth(long bitsPerSecond) {
        long rate = ToxicMapping.bandwidthKBps(bitsPerSecond, run.opt.timeScale());
        return rate == 0 ? null : new LinkProxies.Toxin("bandwidth", Map.of("rate", rate));
    }

    private List<int[]> pairs(LinkSelector sel) {
        return DirectedLinks.of(sel, run.names);
    }
}
